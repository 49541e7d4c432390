-- Each organisation's audit log is kept as 16 parallel hash chains (by case), so that
-- filings do not queue behind one chain head; the verifier checks every chain.
alter table audit_entry add column chain varchar(40);
update audit_entry set chain = coalesce(organisation_id::text, 'system') where chain is null;
alter table audit_entry alter column chain set not null;
create index audit_entry_by_chain on audit_entry (chain, seq);
alter table audit_head alter column chain type varchar(40);
