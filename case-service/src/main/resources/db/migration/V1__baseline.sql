-- Meldpunt schema baseline. Migrations are numbered by area:
--   V1..V49   case-service core (organisations, cases, procedure, messaging, audit)
--   V50..V69  statistics
--   V70..V89  accounts and workspace
-- Every table that holds organisation data carries organisation_id.
select 1;
