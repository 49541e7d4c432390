-- Organisations and their configuration. Every row below carries organisation_id.
create table organisation (
    id                   uuid primary key,
    slug                 varchar(64)  not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name                 varchar(200) not null,
    retention_months     integer      not null default 24 check (retention_months between 1 and 240),
    min_cell_size        integer      not null default 5 check (min_cell_size >= 3),
    max_attachment_bytes bigint       not null default 52428800 check (max_attachment_bytes > 0),
    access_code_hash     varchar(100),
    created_on           date         not null default current_date
);

create table category (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id) on delete cascade,
    code            varchar(40) not null,
    name_nl         varchar(120) not null,
    name_en         varchar(120) not null,
    position        integer     not null,
    unique (organisation_id, code)
);

create table org_unit (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id) on delete cascade,
    code            varchar(40) not null,
    name_nl         varchar(120) not null,
    name_en         varchar(120) not null,
    unique (organisation_id, code)
);

create table hotline (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id) on delete cascade,
    name            varchar(200) not null,
    description_nl  varchar(1000) not null,
    description_en  varchar(1000) not null,
    contact         varchar(300) not null
);
create index hotline_organisation on hotline (organisation_id);

create table account (
    id                  uuid primary key,
    organisation_id     uuid         not null references organisation (id) on delete cascade,
    role                varchar(16)  not null check (role in ('ADVISER', 'HOTLINE', 'DIRECTOR', 'ADMIN')),
    display_name        varchar(120) not null,
    email               varchar(254) not null unique,
    hotline_id          uuid references hotline (id),
    backup              boolean      not null default false,
    login_secret_hash   varchar(200),
    totp_secret         varchar(64),
    public_key          bytea,
    wrapped_private_key bytea,
    enrolled_on         date,
    enrolment_code_hash varchar(64),
    failed_logins       integer      not null default 0,
    locked_until        timestamp with time zone,
    check (role <> 'HOTLINE' or hotline_id is not null),
    check ((public_key is null) = (wrapped_private_key is null))
);
create index account_organisation on account (organisation_id, role);

-- Cases: only the coarse facts the procedure needs, dates at day precision.
create table case_file (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    state               varchar(32) not null,
    channel             varchar(32) not null,
    hotline_id          uuid references hotline (id),
    credential_hash     varchar(64)    not null unique,
    reporter_public_key bytea       not null,
    language            varchar(2)  not null,
    received_on         date        not null,
    acknowledged_on     date,
    feedback_on         date,
    closed_on           date,
    consent_on          date,
    legal_duty_reason   varchar(500),
    category            varchar(40),
    unit                varchar(40),
    track               varchar(32),
    outcome             varchar(32)
);
create index case_file_organisation on case_file (organisation_id, state);
create index case_file_closed on case_file (closed_on) where closed_on is not null;

-- One sealed case key per recipient. recipient_id is an account or hotline uuid, or 'reporter'.
create table key_envelope (
    case_id         uuid        not null references case_file (id) on delete cascade,
    organisation_id uuid        not null references organisation (id),
    recipient_kind  varchar(16) not null check (recipient_kind in ('ADVISER', 'HOTLINE', 'REPORTER')),
    recipient_id    varchar(36) not null,
    envelope        bytea       not null,
    created_on      date        not null,
    primary key (case_id, recipient_kind, recipient_id)
);
create index key_envelope_recipient on key_envelope (recipient_kind, recipient_id);

create table case_item (
    id                uuid primary key,
    case_id           uuid        not null references case_file (id) on delete cascade,
    organisation_id   uuid        not null references organisation (id),
    kind              varchar(24) not null,
    author            varchar(16) not null,
    author_account_id uuid,
    created_on        date        not null,
    seq               bigint generated always as identity,
    ciphertext        bytea       not null
);
create index case_item_case on case_item (case_id, seq);

create table attachment (
    id              uuid primary key,
    case_id         uuid        not null references case_file (id) on delete cascade,
    organisation_id uuid        not null references organisation (id),
    author          varchar(16) not null,
    meta_ciphertext bytea       not null,
    chunk_count     integer     not null check (chunk_count between 1 and 100000),
    total_bytes     bigint      not null check (total_bytes >= 0),
    created_on      date        not null
);
create index attachment_case on attachment (case_id);

create table attachment_chunk (
    attachment_id   uuid    not null references attachment (id) on delete cascade,
    organisation_id uuid    not null references organisation (id),
    n               integer not null,
    bytes           bytea   not null,
    primary key (attachment_id, n)
);

create table timeline_entry (
    id              bigint generated always as identity primary key,
    case_id         uuid        not null references case_file (id) on delete cascade,
    organisation_id uuid        not null references organisation (id),
    on_day          date        not null,
    event           varchar(32) not null,
    state           varchar(32) not null
);
create index timeline_entry_case on timeline_entry (case_id, id);

create table case_exclusion (
    case_id         uuid not null references case_file (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    account_id      uuid not null references account (id),
    primary key (case_id, account_id)
);
