-- audit_pending takes a row in the filing's transaction, the hottest write of the system,
-- and is read only by the hourly seal (audit.AuditLog#sealDaysBefore), which takes what is
-- due of at most a day's entries: a scan is cheap there, while the primary key (on a random
-- id) and the index on the day cost every filing two index entries. The id stays: random,
-- it gives each day's entries their random order in the reporter chain.
alter table audit_pending drop constraint audit_pending_pkey;
drop index audit_pending_by_day;
alter table audit_pending alter column id set not null;
