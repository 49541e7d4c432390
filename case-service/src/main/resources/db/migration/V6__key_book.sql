-- Issue 12: recipients the reporter's browser can verify (crypto/FORMAT.md "Key book",
-- crypto/README.md "How the services use the key book").

-- Every recipient's Ed25519 signing key, wrapped in its browser beside the X25519 key
-- (94 bytes, public half in clear). removed_on: a signed entry removed it from its key
-- book (never sealed to again); key_book_rejected_on: an approver refused its addition.
alter table account add column wrapped_signing_key bytea;
alter table account add column removed_on date;
alter table account add column key_book_rejected_on date;

-- Key books: append-only, one row per entry. book = the organisation's id for the
-- organisation's book, a hotline's id for that hotline's book. Two appends at the same
-- place race to one winner on the primary key.
create table key_book_entry (
    organisation_id uuid    not null references organisation (id) on delete cascade,
    book            uuid    not null,
    sequence        integer not null check (sequence >= 0),
    bytes           bytea   not null check (length(bytes) <= 8192),
    primary key (book, sequence)
);
create index key_book_entry_organisation on key_book_entry (organisation_id);

-- Proposed entries waiting for approvals (the body alone: what approvers sign). A draft
-- names the sequence it continues; when another entry is appended first it is proposed
-- again at the new head and its approvals are dropped. subject: the account a change is
-- about (added or removed), else null.
create table key_book_draft (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id) on delete cascade,
    book            uuid        not null,
    sequence        integer     not null,
    bytes           bytea       not null check (length(bytes) <= 8192),
    subject         uuid,
    proposed_by     varchar(16) not null,
    proposed_on     date        not null
);
create index key_book_draft_book on key_book_draft (book);
create unique index key_book_draft_subject on key_book_draft (book, subject) where subject is not null;

create table key_book_approval (
    draft_id  uuid  not null references key_book_draft (id) on delete cascade,
    signer_id uuid  not null,
    signature bytea not null check (length(signature) = 64),
    primary key (draft_id, signer_id)
);

-- Case keys have a purpose (CASE: everything the reporter reads; STAFF: internal notes
-- only) and an epoch (0, then one more after each re-keying). The columns only say which
-- key to try: the bindings make a relabelled value fail to open.
alter table key_envelope add column purpose varchar(8) not null default 'CASE' check (purpose in ('CASE', 'STAFF'));
alter table key_envelope add column epoch integer not null default 0 check (epoch between 0 and 1000000);
alter table key_envelope drop constraint key_envelope_pkey;
alter table key_envelope add primary key (case_id, recipient_kind, recipient_id, purpose, epoch);
alter table key_envelope add check (recipient_kind <> 'REPORTER' or purpose = 'CASE');

alter table case_item add column purpose varchar(8) not null default 'CASE' check (purpose in ('CASE', 'STAFF'));
alter table case_item add column epoch integer not null default 0 check (epoch between 0 and 1000000);
alter table case_item add check (purpose = 'CASE' or kind = 'NOTE');
alter table attachment add column epoch integer not null default 0 check (epoch between 0 and 1000000);

-- the current key of each purpose (no staff key until the first internal note)
alter table case_file add column case_epoch integer not null default 0;
alter table case_file add column staff_epoch integer;

-- Hotline envelopes are sealed to each handler of the hotline's key book from now on
-- (recipient_id = the handler's account). Envelopes sealed before were sealed to the
-- first enrolled handler's key under the hotline's id: they now name that handler (whose
-- browser still opens them with the hotline's id in the binding).
update key_envelope k
   set recipient_id = (select a.id::text from account a
                        where a.hotline_id::text = k.recipient_id and a.role = 'HOTLINE' and a.enrolled_on is not null
                        order by a.enrolled_on, a.id limit 1)
 where k.recipient_kind = 'HOTLINE'
   and exists (select 1 from account a
                where a.hotline_id::text = k.recipient_id and a.role = 'HOTLINE' and a.enrolled_on is not null);
