#!/bin/sh
# Runs once, when the postgres container initialises an empty volume: the applications
# connect as 'meldpunt', which owns its database and schema but is no superuser, cannot
# create roles or databases and is in no predefined role (so no COPY ... PROGRAM).
set -eu
psql -v ON_ERROR_STOP=1 -v password="$MELDPUNT_DATABASE_PASSWORD" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE meldpunt LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'password';
CREATE DATABASE meldpunt OWNER meldpunt;
REVOKE ALL ON DATABASE meldpunt FROM PUBLIC;
\connect meldpunt
ALTER SCHEMA public OWNER TO meldpunt;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
