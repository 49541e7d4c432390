-- Audit entries that a reporter caused wait here, unordered (a random id and the day
-- only), until their day is over; then they join the organisation's reporter chain in
-- random order (audit.AuditLog#sealDaysBefore). Neither the audit sequence nor any chain
-- orders a reporter's action against staff entries finer than a day.
create table audit_pending (
    id              uuid primary key,
    organisation_id uuid,
    day             date        not null,
    actor_kind      varchar(16) not null,
    action          varchar(40) not null,
    case_id         uuid,
    detail          varchar(64)
);
create index audit_pending_by_day on audit_pending (day);
