-- Statistics as frozen releases (issue 11).

-- Facts that never change once the period they belong to has ended, so that a published
-- figure of an ended period never needs to move: the channel chosen at filing (the
-- classification may name another one later), and the quarter in which the case was closed
-- with its classification. Both survive anonymisation, like year and quarter of filing.
alter table statistical_record add column received_channel varchar(32);
update statistical_record set received_channel = channel;
alter table statistical_record alter column received_channel set not null;
alter table statistical_record add column closed_year smallint;
alter table statistical_record add column closed_quarter smallint check (closed_quarter between 1 and 4);
update statistical_record
set closed_year = extract(year from closed_on), closed_quarter = extract(quarter from closed_on)
where category is not null and closed_on is not null;
update statistical_record set closed_year = year, closed_quarter = quarter
where category is not null and closed_year is null;
alter table statistical_record add constraint statistical_record_closed_period
	check ((closed_year is null) = (closed_quarter is null));

-- received cases of some quarters: index-only scans
drop index statistical_record_organisation_year;
create index statistical_record_organisation_received on statistical_record (organisation_id, year)
	include (quarter, received_channel, days_to_acknowledge);
-- closed (classified) cases of some quarters
create index statistical_record_organisation_classified on statistical_record (organisation_id, closed_year)
	include (closed_quarter, category, unit, channel, track, outcome, feedback_on_time)
	where closed_year is not null;

-- The minimum cell size k lives in one place, organisation.min_cell_size (the admin's
-- setting); the statistics' own settings are the optional noise budget, the settling delay,
-- the protection interval and the regional pool the organisation opted in to.
create table statistics_noise_seed (
	organisation_id uuid primary key,
	seed bytea not null check (octet_length(seed) = 32)
);
insert into statistics_noise_seed (organisation_id, seed)
select organisation_id, noise_seed from statistics_settings
where noise_seed is not null and octet_length(noise_seed) = 32;

create function statistics_noise_seed_kept() returns trigger language plpgsql as $$
begin
	raise exception 'a noise seed is never changed or removed';
end $$;
create trigger statistics_noise_seed_kept before update or delete on statistics_noise_seed
	for each row execute function statistics_noise_seed_kept();

alter table statistics_settings drop column min_cell_size;
alter table statistics_settings drop column noise_seed;
alter table statistics_settings add column settling_days integer not null default 14
	check (settling_days between 7 and 366);
alter table statistics_settings add column protection_width integer check (protection_width between 0 and 100);
alter table statistics_settings add column pool varchar(64) check (pool ~ '^[a-z0-9][a-z0-9-]{1,62}$');

-- A release: one fixed, ended period of one organisation (or of a pool of organisations),
-- frozen once published. content is exactly what a director sees; truth holds the true
-- counts per quarter behind it (no case, no date finer than a quarter), which only the
-- auditor reads when it checks a later release against this one.
create table statistics_release (
	id uuid primary key,
	organisation_id uuid,
	pool varchar(64),
	-- the organisations a pooled release counts
	members uuid[],
	period_kind varchar(16) not null check (period_kind in ('QUARTER', 'YEAR', 'ROLLING')),
	year smallint not null,
	quarter smallint check (quarter between 1 and 4),
	version integer not null check (version >= 1),
	published_on date not null,
	content jsonb not null,
	content_sha256 varchar(64) not null,
	truth jsonb not null,
	seq bigint generated always as identity unique,
	check ((organisation_id is null) <> (pool is null)),
	check ((pool is null) = (members is null)),
	check ((period_kind = 'QUARTER') = (quarter is not null))
);
create unique index statistics_release_period on statistics_release
	(coalesce(organisation_id::text, 'pool:' || pool), period_kind, year, coalesce(quarter, 0), version);
create index statistics_release_organisation on statistics_release (organisation_id, published_on);
create index statistics_release_pool on statistics_release (pool, published_on) where pool is not null;

create function statistics_release_frozen() returns trigger language plpgsql as $$
begin
	raise exception 'a published statistics release is never changed or removed';
end $$;
create trigger statistics_release_frozen before update or delete on statistics_release
	for each row execute function statistics_release_frozen();
drop table statistics_code;
