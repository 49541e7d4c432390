-- A new case's statistical record is not written by the filing itself but queued here, and
-- taken into statistical_record (in random order) by the next reader or writer of the
-- statistics: publishing a release, the nightly job, or a change of any case's record.
-- A filing writes one heap row here instead of a record and its four index entries (two of
-- them on random keys): the filing's transaction is the hottest write of the system, and a
-- record inserted per filing also kept the order of filing in statistical_record's heap.
-- No primary key and no index on purpose: rows are only ever appended and taken whole.
create table statistical_record_filed (
	organisation_id uuid not null,
	case_id         uuid not null,
	year            int  not null,
	quarter         int  not null,
	channel         varchar(32) not null,
	received_on     date not null,
	feedback_due    date not null
);

