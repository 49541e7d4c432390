package nl.meldpunt.caseservice.casefile;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.audit.AuditRecord;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

/**
 * Stores new cases with everything filed with them, in the caller's transaction and with
 * a fixed number of round trips however many cases there are: the case rows, report
 * items, key envelopes, exclusions and first timeline entries in one statement (arrays
 * unnested into each table), then the audit entries ({@link AuditLog#recordAll}) and one
 * {@link CasesFiled} event for the listeners. Validation is the caller's job; this only
 * writes. A {@code @Repository}, so that a duplicate key surfaces as Spring's
 * {@code DataIntegrityViolationException}.
 */
@Repository
class CaseFiling {

	private static final String INSERT_ALL = """
			with cases as (
			    insert into case_file (id, organisation_id, state, channel, hotline_id, credential_hash,
			                           reporter_public_key, language, received_on)
			    select id, organisation_id, 'RECEIVED', channel, hotline_id, credential_hash, reporter_public_key,
			           language, ?::date
			    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::bytea[], ?::text[])
			         as c(id, organisation_id, channel, hotline_id, credential_hash, reporter_public_key, language)
			), reports as (
			    insert into case_item (id, case_id, organisation_id, kind, author, created_on, purpose, epoch,
			                           ciphertext)
			    select id, case_id, organisation_id, 'REPORT', 'REPORTER', ?::date, 'CASE', 0, ciphertext
			    from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bytea[]) as r(id, case_id, organisation_id, ciphertext)
			), envelopes as (
			    insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, purpose, epoch,
			                              envelope, created_on)
			    select case_id, organisation_id, recipient_kind, recipient_id, purpose, epoch, envelope, ?::date
			    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bytea[])
			         as e(case_id, organisation_id, recipient_kind, recipient_id, purpose, epoch, envelope)
			), exclusions as (
			    insert into case_exclusion (case_id, organisation_id, account_id)
			    select case_id, organisation_id, account_id
			    from unnest(?::uuid[], ?::uuid[], ?::uuid[]) as x(case_id, organisation_id, account_id)
			)
			insert into timeline_entry (case_id, organisation_id, on_day, event, state)
			select id, organisation_id, ?::date, 'FILED', 'RECEIVED'
			from unnest(?::uuid[], ?::uuid[]) with ordinality as t(id, organisation_id, position)
			order by position
			""";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CaseFiling(JdbcTemplate jdbc, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	/** What is stored of the cases with these ids or credentials (one statement). */
	List<FilingBatch.Known> known(Collection<UUID> caseIds, Collection<String> credentialHashes) {
		return this.jdbc.query("""
				select id, organisation_id, credential_hash, state, received_on from case_file
				where id = any(?) or credential_hash = any(?)
				""",
				(rs, n) -> new FilingBatch.Known(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getString(3), CaseState.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)),
				caseIds.toArray(UUID[]::new), credentialHashes.toArray(String[]::new));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void storeAll(List<NewFiling> filings, LocalDate on) {
		if (filings.isEmpty()) {
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_ALL)) {
				bind(connection, statement, filings, Date.valueOf(on));
				statement.execute();
			}
			return null;
		});
		List<CaseFiled> filed = new ArrayList<>(filings.size());
		List<AuditRecord> audit = new ArrayList<>(filings.size());
		for (NewFiling filing : filings) {
			filed.add(new CaseFiled(filing.organisationId(), filing.caseId(), filing.channel(), on));
			audit.add(new AuditRecord(OrganisationId.of(filing.organisationId()), ActorKind.REPORTER, null,
					AuditAction.CASE_FILED, CaseId.of(filing.caseId()), filing.channel().name()));
		}
		this.events.publishEvent(new CasesFiled(filed));
		// last: the audit chain heads stay locked until commit, so the less that
		// follows them, the less another writer waits
		this.audit.recordAll(audit);
	}

	private static void bind(Connection connection, PreparedStatement statement, List<NewFiling> filings, Date on)
			throws SQLException {
		List<UUID> envelopeCases = new ArrayList<>();
		List<UUID> envelopeOrganisations = new ArrayList<>();
		List<String> envelopeKinds = new ArrayList<>();
		List<String> envelopeRecipients = new ArrayList<>();
		List<String> envelopePurposes = new ArrayList<>();
		List<Integer> envelopeEpochs = new ArrayList<>();
		List<byte[]> envelopes = new ArrayList<>();
		List<UUID> exclusionCases = new ArrayList<>();
		List<UUID> exclusionOrganisations = new ArrayList<>();
		List<UUID> excluded = new ArrayList<>();
		for (NewFiling filing : filings) {
			for (SealedKey sealed : filing.envelopes()) {
				envelopeCases.add(filing.caseId());
				envelopeOrganisations.add(filing.organisationId());
				envelopeKinds.add(sealed.recipient().kind().name());
				envelopeRecipients.add(sealed.recipient().id());
				envelopePurposes.add(sealed.key().purpose().name());
				envelopeEpochs.add(sealed.key().epoch());
				envelopes.add(sealed.envelope().toBytes());
			}
			for (UUID adviser : filing.excludedAdvisers()) {
				exclusionCases.add(filing.caseId());
				exclusionOrganisations.add(filing.organisationId());
				excluded.add(adviser);
			}
		}
		Object ids = uuids(connection, filings, NewFiling::caseId);
		Object organisations = uuids(connection, filings, NewFiling::organisationId);
		Object[] values = { on, ids, organisations, texts(connection, filings, (f) -> f.channel().name()),
				uuids(connection, filings, NewFiling::hotlineId), texts(connection, filings, NewFiling::credentialHash),
				bytes(connection, filings.stream().map((f) -> f.reporterPublicKey().toBytes()).toList()),
				texts(connection, filings, NewFiling::language), on,
				uuids(connection, filings, NewFiling::reportItemId), ids, organisations,
				bytes(connection, filings.stream().map((f) -> f.report().toBytes()).toList()), on,
				connection.createArrayOf("uuid", envelopeCases.toArray(UUID[]::new)),
				connection.createArrayOf("uuid", envelopeOrganisations.toArray(UUID[]::new)),
				connection.createArrayOf("text", envelopeKinds.toArray(String[]::new)),
				connection.createArrayOf("text", envelopeRecipients.toArray(String[]::new)),
				connection.createArrayOf("text", envelopePurposes.toArray(String[]::new)),
				connection.createArrayOf("int4", envelopeEpochs.toArray(Integer[]::new)), bytes(connection, envelopes),
				connection.createArrayOf("uuid", exclusionCases.toArray(UUID[]::new)),
				connection.createArrayOf("uuid", exclusionOrganisations.toArray(UUID[]::new)),
				connection.createArrayOf("uuid", excluded.toArray(UUID[]::new)), on, ids, organisations };
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
	}

	private static Array uuids(Connection connection, List<NewFiling> filings, Function<NewFiling, UUID> column)
			throws SQLException {
		return connection.createArrayOf("uuid", filings.stream().map(column).toArray(UUID[]::new));
	}

	private static Array texts(Connection connection, List<NewFiling> filings, Function<NewFiling, String> column)
			throws SQLException {
		return connection.createArrayOf("text", filings.stream().map(column).toArray(String[]::new));
	}

	private static Array bytes(Connection connection, List<byte[]> values) throws SQLException {
		return connection.createArrayOf("bytea", values.toArray(byte[][]::new));
	}

}
