package nl.meldpunt.caseservice.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.ConnectionCallback;
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
		}
		// exactly the rows moved (one scan: the table has no index, see V76)
		this.jdbc.update("delete from audit_pending where id = any(?)",
				(Object) due.stream().map((entry) -> entry.get("id")).toArray(UUID[]::new));
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

	/**
	 * Appends many entries with a fixed number of round trips, whatever their number: the
	 * heads of the chains they touch are locked in one statement (in chain order, so two
	 * batches never wait for each other in a circle), the hashes are linked here, and the
	 * entries and the new heads are written in one more statement: one head update per
	 * chain per batch. Entries keep their order within a chain. What a reporter caused
	 * goes, like in {@link #record}, unordered to {@code audit_pending} (one statement).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditRecord> all) {
		Instant now = this.clock.instant();
		List<AuditRecord> pending = all.stream().filter((r) -> r.actorKind().dayPrecision()).toList();
		if (!pending.isEmpty()) {
			this.jdbc.update("""
					insert into audit_pending (id, organisation_id, day, actor_kind, action, case_id, detail)
					select gen_random_uuid(), organisation_id, ?, actor_kind, action, case_id, detail
					from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[])
					     as p(organisation_id, actor_kind, action, case_id, detail)
					""", java.sql.Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC)),
					pending.stream().map(AuditRecord::organisationId).toArray(UUID[]::new),
					pending.stream().map((r) -> r.actorKind().name()).toArray(String[]::new),
					pending.stream().map((r) -> r.action().name()).toArray(String[]::new),
					pending.stream().map(AuditRecord::caseId).toArray(UUID[]::new),
					pending.stream().map(AuditRecord::detail).toArray(String[]::new));
		}
		List<AuditRecord> records = all.stream().filter((r) -> !r.actorKind().dayPrecision()).toList();
		if (records.isEmpty()) {
			return;
		}
		List<AuditEntry> entries = new ArrayList<>(records.size());
		Map<String, String> heads = heads(
				records.stream().map((r) -> chainOf(r.organisationId(), r.caseId())).collect(Collectors.toSet()));
		for (AuditRecord r : records) {
			Instant at = now.truncatedTo(ChronoUnit.SECONDS);
			String chain = chainOf(r.organisationId(), r.caseId());
			AuditEntry draft = new AuditEntry(0, chain, r.organisationId(), at, r.actorKind().name(), r.actorId(),
					r.action().name(), r.caseId(), r.detail(), heads.get(chain), null);
			String hash = draft.computeHash();
			heads.put(chain, hash);
			entries.add(new AuditEntry(0, chain, r.organisationId(), at, r.actorKind().name(), r.actorId(),
					r.action().name(), r.caseId(), r.detail(), draft.previousHash(), hash));
		}
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(APPEND_ALL)) {
				int n = entries.size();
				statement.setArray(1, connection.createArrayOf("text", map(entries, n, AuditEntry::chain)));
				statement.setArray(2, connection.createArrayOf("uuid", map(entries, n, AuditEntry::organisationId)));
				statement.setArray(3,
						connection.createArrayOf("bigint", map(entries, n, (e) -> e.at().getEpochSecond())));
				statement.setArray(4, connection.createArrayOf("text", map(entries, n, AuditEntry::actorKind)));
				statement.setArray(5, connection.createArrayOf("text", map(entries, n, AuditEntry::actorId)));
				statement.setArray(6, connection.createArrayOf("text", map(entries, n, AuditEntry::action)));
				statement.setArray(7, connection.createArrayOf("uuid", map(entries, n, AuditEntry::caseId)));
				statement.setArray(8, connection.createArrayOf("text", map(entries, n, AuditEntry::detail)));
				statement.setArray(9, connection.createArrayOf("text", map(entries, n, AuditEntry::previousHash)));
				statement.setArray(10, connection.createArrayOf("text", map(entries, n, AuditEntry::hash)));
				statement.execute();
			}
			return null;
		});
	}

	/**
	 * Inserts the entries in their order (so their sequence numbers follow it) and moves
	 * each chain's head to its last new entry.
	 */
	private static final String APPEND_ALL = """
			with appended as (
			    insert into audit_entry (chain, organisation_id, at, actor_kind, actor_id, action, case_id, detail,
			                             previous_hash, hash)
			    select chain, organisation_id, to_timestamp(at), actor_kind, actor_id, action, case_id, detail, previous_hash, hash
			    from unnest(?::text[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::uuid[],
			                ?::text[], ?::text[], ?::text[])
			         with ordinality as e(chain, organisation_id, at, actor_kind, actor_id, action, case_id, detail,
			                              previous_hash, hash, position)
			    order by position
			    returning seq, chain, hash
			)
			update audit_head h set hash = last.hash, seq = last.seq
			from (select distinct on (chain) chain, hash, seq from appended order by chain, seq desc) last
			where h.chain = last.chain
			""";

	private static <T> Object[] map(List<AuditEntry> entries, int n, Function<AuditEntry, T> field) {
		Object[] values = new Object[n];
		for (int i = 0; i < n; i++) {
			values[i] = field.apply(entries.get(i));
		}
		return values;
	}

	/** The newest hash of each chain, locked until commit; missing heads are created. */
	private Map<String, String> heads(Set<String> chains) {
		String[] sorted = chains.stream().sorted().toArray(String[]::new);
		Map<String, String> heads = lockHeads(sorted);
		if (heads.size() < sorted.length) {
			this.jdbc.update("""
					insert into audit_head (chain, hash, seq)
					select chain, ?, 0 from unnest(?::text[]) as c(chain) order by chain
					on conflict do nothing
					""", GENESIS, sorted);
			heads = lockHeads(sorted);
		}
		return heads;
	}

	private Map<String, String> lockHeads(String[] chains) {
		Map<String, String> heads = new HashMap<>();
		this.jdbc.query("select chain, hash from audit_head where chain = any(?) order by chain for update", (rs) -> {
			heads.put(rs.getString(1), rs.getString(2));
		}, (Object) chains);
		return heads;
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
