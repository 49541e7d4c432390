-- Statistics: one anonymous record per case, built only from coarse procedural facts.
-- case_id, received_on, closed_on and feedback_due link a record to a living case; retention
-- (CaseDeleted) sets them to null, after which only year, quarter, classification and the
-- two derived procedure figures remain.
create table statistical_record (
	id bigserial primary key,
	organisation_id uuid not null,
	case_id uuid unique,
	year smallint not null,
	quarter smallint not null check (quarter between 1 and 4),
	channel varchar(32) not null,
	category varchar(64),
	unit varchar(64),
	track varchar(32),
	outcome varchar(32),
	received_on date,
	closed_on date,
	feedback_due date,
	days_to_acknowledge integer check (days_to_acknowledge >= 0),
	feedback_on_time boolean
);

-- every dashboard query reads one organisation and one or two years; the index carries
-- every column those queries read, so they are answered by index-only scans (a case's
-- records are spread over the whole table, one page each, so heap visits would dominate)
create index statistical_record_organisation_year on statistical_record (organisation_id, year)
	include (quarter, channel, category, unit, track, outcome, days_to_acknowledge, feedback_on_time,
		received_on, closed_on, feedback_due);

-- open cases by age reads only cases still open or closed after the earlier reference day
create index statistical_record_organisation_closed on statistical_record (organisation_id, closed_on)
	include (received_on);

-- every year, category and unit code an organisation ever used: the fixed rows of its tables
create table statistics_code (
	organisation_id uuid not null,
	kind varchar(16) not null check (kind in ('YEAR', 'CATEGORY', 'UNIT')),
	code varchar(64) not null,
	primary key (organisation_id, kind, code)
);

-- the disclosure threshold k and the optional differential-privacy budget per organisation
create table statistics_settings (
	organisation_id uuid primary key,
	min_cell_size integer not null default 5 check (min_cell_size >= 3),
	epsilon double precision check (epsilon is null or epsilon > 0),
	noise_seed bytea
);
