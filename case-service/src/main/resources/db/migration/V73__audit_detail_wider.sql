-- Key-book audit entries name the entry they record (book, sequence, SHA-256 of its bytes),
-- so that a key book rolled back or rewritten in the database no longer matches the audit
-- log, whose tail the signed checkpoints anchor outside the database. 64 characters were
-- too few for that. Widening a varchar rewrites nothing and changes no stored hash.
alter table audit_entry alter column detail type varchar(200);
alter table audit_pending alter column detail type varchar(200);
