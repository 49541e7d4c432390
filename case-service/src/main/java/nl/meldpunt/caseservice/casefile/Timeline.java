package nl.meldpunt.caseservice.casefile;

import nl.meldpunt.caseservice.casefile.CaseView.Step;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the reporter sees of the procedure: one entry per transition (event and new state,
 * day precision). The first entry of every case has the event {@code FILED}.
 */
@Repository
class Timeline {

	/** The event name of the first entry. */
	static final String FILED = "FILED";

	private final JdbcTemplate jdbc;

	Timeline(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void append(UUID organisationId, UUID caseId, LocalDate on, String event, CaseState state) {
		this.jdbc.update(
				"insert into timeline_entry (case_id, organisation_id, on_day, event, state) values (?, ?, ?, ?, ?)",
				caseId, organisationId, Date.valueOf(on), event, state.name());
	}

	List<Step> of(UUID caseId) {
		return this.jdbc.query("select on_day, event, state from timeline_entry where case_id = ? order by id", (rs,
				n) -> new Step(rs.getObject(1, LocalDate.class), rs.getString(2), CaseState.valueOf(rs.getString(3))),
				caseId);
	}

}
