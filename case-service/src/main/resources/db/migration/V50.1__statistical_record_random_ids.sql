-- A statistical record's id is random. A sequence number gave away the order in which the
-- cases were filed and so, after retention deleted a case, still linked its anonymous
-- record to the case's entries in the audit trail (the n-th record, the n-th filing).
alter table statistical_record drop constraint statistical_record_pkey;
alter table statistical_record alter column id drop default;
alter table statistical_record alter column id type uuid using gen_random_uuid();
alter table statistical_record alter column id set default gen_random_uuid();
alter table statistical_record add primary key (id);
drop sequence if exists statistical_record_id_seq;
