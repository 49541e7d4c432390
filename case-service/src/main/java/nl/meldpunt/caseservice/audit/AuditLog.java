package nl.meldpunt.caseservice.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

/**
 * The append-only, tamper-evident log of every access and every transition: who (a kind
 * and an account id, never a reporter's identity), what (an action code), when, on which
 * case — never content. Each organisation has its own hash chains; entries join the
 * caller's transaction, so a refused request leaves no entry and an accepted one always
 * has its entry.
 * <p>
 * What a reporter caused is kept at day precision and is not ordered against staff
 * entries: it waits, unordered, in {@code audit_pending} until its day is over, and then
 * joins the organisation's reporter chain ({@code <organisation>/r}) in random order. The
 * price: such an entry is tamper-evident from the day after, not from the moment.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	/** Chains per organisation: entries about one case always share a chain. */
	static final int SHARDS = 16;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends one entry. Reporter actions are kept at day precision, like every other
	 * fact about a reporter.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(OrganisationId organisation, ActorKind actorKind, AccountId actor, AuditAction action,
			CaseId kase, String detail) {
		Objects.requireNonNull(actorKind);
		Objects.requireNonNull(action);
		UUID organisationId = (organisation != null) ? organisation.value() : null;
		UUID caseId = (kase != null) ? kase.value() : null;
		Instant now = this.clock.instant();
		if (actorKind.dayPrecision()) {
			this.jdbc.update(
					"insert into audit_pending (id, organisation_id, day, actor_kind, action, case_id, detail)"
							+ " values (?, ?, ?, ?, ?, ?, ?)",
					UUID.randomUUID(), organisationId, LocalDate.ofInstant(now, ZoneOffset.UTC), actorKind.name(),
					action.name(), caseId, detail);
			return;
		}
		append(chainOf(organisationId, caseId), organisationId, now.truncatedTo(ChronoUnit.SECONDS), actorKind.name(),
				(actor != null) ? actor.toString() : null, action.name(), caseId, detail);
	}

	/**
	 * Moves the reporter-caused entries of every day before {@code today} (UTC) into
	 * their organisation's reporter chain, each day's in random order, stamped with the
	 * day. Returns how many moved.
	 */
	@Transactional
	public int sealDaysBefore(LocalDate today) {
		List<Map<String, Object>> due = this.jdbc
			.queryForList("select id, organisation_id, day, actor_kind, action, case_id, detail from audit_pending"
					+ " where day < ? order by organisation_id, day, id for update", today);
		for (Map<String, Object> entry : due) {
			UUID organisationId = (UUID) entry.get("organisation_id");
			Instant day = ((java.sql.Date) entry.get("day")).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
			append(reporterChainOf(organisationId), organisationId, day, (String) entry.get("actor_kind"), null,
					(String) entry.get("action"), (UUID) entry.get("case_id"), (String) entry.get("detail"));
			this.jdbc.update("delete from audit_pending where id = ?", entry.get("id"));
		}
		return due.size();
	}

	private void append(String chain, UUID organisationId, Instant at, String actorKind, String actorId, String action,
			UUID caseId, String detail) {
		String previous = head(chain);
		AuditEntry entry = new AuditEntry(0, chain, organisationId, at, actorKind, actorId, action, caseId, detail,
				previous, null);
		String hash = entry.computeHash();
		Long seq = this.jdbc.queryForObject(
				"insert into audit_entry (chain, organisation_id, at, actor_kind, actor_id, action, case_id, detail, previous_hash, hash)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq",
				Long.class, chain, organisationId, Timestamp.from(at), actorKind, actorId, action, caseId, detail,
				previous, hash);
		this.jdbc.update("update audit_head set hash = ?, seq = ? where chain = ?", hash, seq, chain);
	}

	/** The chain's newest hash, locked until commit so that appends to it queue. */
	private String head(String chain) {
		List<String> head = this.jdbc.queryForList("select hash from audit_head where chain = ? for update",
				String.class, chain);
		if (!head.isEmpty()) {
			return head.get(0);
		}
		this.jdbc.update("insert into audit_head (chain, hash, seq) values (?, ?, 0) on conflict do nothing", chain,
				GENESIS);
		return this.jdbc.queryForObject("select hash from audit_head where chain = ? for update", String.class, chain);
	}

	static String reporterChainOf(UUID organisationId) {
		return ((organisationId != null) ? organisationId.toString() : "system") + "/r";
	}

	static String chainOf(UUID organisationId, UUID caseId) {
		String base = (organisationId != null) ? organisationId.toString() : "system";
		return base + "/" + ((caseId != null) ? Math.floorMod(caseId.hashCode(), SHARDS) : 0);
	}

}
