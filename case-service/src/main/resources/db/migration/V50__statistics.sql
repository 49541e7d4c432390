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

-- every dashboard query reads one organisation and one or two years
create index statistical_record_organisation_year on statistical_record (organisation_id, year);

-- the disclosure threshold k and the optional differential-privacy budget per organisation
create table statistics_settings (
	organisation_id uuid primary key,
	min_cell_size integer not null default 5 check (min_cell_size >= 3),
	epsilon double precision check (epsilon is null or epsilon > 0),
	noise_seed bytea
);
