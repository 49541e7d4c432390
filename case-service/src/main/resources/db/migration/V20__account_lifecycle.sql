-- Accounts (issue 13): a lifecycle an administrator controls, a back-off instead of a
-- lock-out, TOTP codes used once, and enrolment codes that expire.

-- ACTIVE signs in and receives cases; DISABLED keeps everything but can do nothing until
-- re-enabled; REMOVED is a tombstone (credentials, keys and e-mail address wiped) kept only
-- so that what refers to the account id stays meaningful.
alter table account add column status varchar(16) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'DISABLED', 'REMOVED'));

-- Until when the next log-in attempt is not even checked (a back-off, never a lock:
-- attempts during the wait do not extend it, and a correct passphrase and code after it
-- pass).
alter table account rename column locked_until to login_delay_until;

-- The last TOTP time step that signed this account in: a code is accepted once.
alter table account add column totp_last_step bigint;

-- An enrolment code is valid until this moment (invitations made before this migration:
-- seven days from now).
alter table account add column enrolment_code_expires timestamp with time zone;
update account set enrolment_code_expires = now() + interval '7 days' where enrolment_code_hash is not null;
alter table account add constraint account_enrolment_code_expires
    check ((enrolment_code_hash is null) or (enrolment_code_expires is not null));
