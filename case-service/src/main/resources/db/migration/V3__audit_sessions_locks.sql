-- Append-only audit log, one hash chain per organisation (organisation_id null = system).
-- hash = SHA-256(previous hash || the row's canonical text); see audit.AuditLog.
create table audit_entry (
    seq             bigint generated always as identity primary key,
    organisation_id uuid,
    at              timestamp with time zone not null,
    actor_kind      varchar(16) not null,
    actor_id        varchar(36),
    action          varchar(40) not null,
    case_id         uuid,
    detail          varchar(64),
    previous_hash   varchar(64) not null,
    hash            varchar(64) not null
);
create index audit_entry_chain on audit_entry (organisation_id, seq);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Deadline notices sent (reminder/escalation), so each goes out exactly once.
create table deadline_notice (
    case_id         uuid        not null references case_file (id) on delete cascade,
    organisation_id uuid        not null references organisation (id),
    kind            varchar(32) not null,
    sent_on         date        not null,
    primary key (case_id, kind)
);

-- ShedLock (net.javacrumbs.shedlock JdbcTemplateLockProvider).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- The newest hash of each chain; its row lock serialises appends to one chain, and it
-- lets the verifier notice entries cut off the end.
create table audit_head (
    chain varchar(36) primary key,
    hash  varchar(64) not null,
    seq   bigint   not null
);
