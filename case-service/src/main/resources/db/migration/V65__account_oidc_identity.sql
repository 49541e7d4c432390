-- Staff sign-in through the organisation's OIDC provider (optional): the provider's identity
-- (issuer + subject) linked to an existing account at its first OIDC sign-in. One identity
-- belongs to at most one account; an account has at most one identity.
alter table account add column oidc_issuer text;
alter table account add column oidc_subject text;
alter table account add constraint account_oidc_identity_complete
    check ((oidc_issuer is null) = (oidc_subject is null));
create unique index account_oidc_identity on account (oidc_issuer, oidc_subject) where oidc_subject is not null;
