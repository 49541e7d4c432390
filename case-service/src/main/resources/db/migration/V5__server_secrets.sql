-- Secrets the service generates for itself, shared by every instance (e.g. the key of
-- the decoy log-in headers for unknown accounts).
create table server_secret (
    name  varchar(40) primary key,
    value bytea not null
);
