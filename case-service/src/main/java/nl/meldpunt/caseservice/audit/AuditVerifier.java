package nl.meldpunt.caseservice.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every chain of the audit log: each entry must link to the hash of the one
 * before it in its chain, hash to what it says, and the last one must be the chain's
 * recorded head. An edited, removed or inserted row shows up as the first broken entry.
 */
@Service
public class AuditVerifier {

	/** The outcome: {@code firstBrokenSeq} is null when every chain is intact. */
	public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq) {
	}

	private final JdbcTemplate jdbc;

	public AuditVerifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry of the log as far as another module checks it against its own rows. */
	public record Recorded(UUID organisationId, LocalDate day, AuditAction action, String detail) {
	}

	/**
	 * The entries of these actions, of one organisation (null: of all), oldest first. The
	 * chains and checkpoints vouch for them; a module whose rows they name (the key
	 * books) checks that its rows still match.
	 */
	@Transactional(readOnly = true)
	public List<Recorded> recorded(UUID organisationId, Set<AuditAction> actions) {
		String where = (organisationId != null) ? " and organisation_id = ?" : "";
		List<Object> args = new ArrayList<>();
		args.add(actions.stream().map(Enum::name).toArray(String[]::new));
		if (organisationId != null) {
			args.add(organisationId);
		}
		return this.jdbc.query(
				"select organisation_id, at, action, detail from audit_entry where action = any(?)" + where
						+ " order by seq",
				(rs, n) -> new Recorded(rs.getObject(1, UUID.class),
						LocalDate.ofInstant(rs.getObject(2, Timestamp.class).toInstant(), ZoneOffset.UTC),
						AuditAction.valueOf(rs.getString(3)), rs.getString(4)),
				args.toArray());
	}

	/** Verifies every chain. */
	@Transactional(readOnly = true)
	public Verification verify() {
		return verify(null);
	}

	/** Verifies one organisation's chain (null: every chain). */
	@Transactional(readOnly = true)
	public Verification verify(UUID organisationId) {
		String where = (organisationId != null) ? " where organisation_id = ?" : "";
		Object[] args = (organisationId != null) ? new Object[] { organisationId } : new Object[0];
		Map<String, String> last = new HashMap<>();
		long[] checked = { 0 };
		Long[] broken = { null };
		this.jdbc.query(
				"select seq, chain, organisation_id, at, actor_kind, actor_id, action, case_id, detail, previous_hash, hash"
						+ " from audit_entry" + where + " order by seq",
				(rs) -> {
					if (broken[0] != null) {
						return;
					}
					AuditEntry entry = new AuditEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
							rs.getObject(4, Timestamp.class).toInstant(), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10),
							rs.getString(11));
					String chain = entry.chain();
					String expectedPrevious = last.getOrDefault(chain, AuditLog.GENESIS);
					if (!expectedPrevious.equals(entry.previousHash()) || !entry.computeHash().equals(entry.hash())) {
						broken[0] = entry.seq();
						return;
					}
					last.put(chain, entry.hash());
					checked[0]++;
				}, args);
		if (broken[0] == null) {
			String chains = (organisationId != null) ? " where chain like ?" : "";
			Object[] chainArgs = (organisationId != null) ? new Object[] { organisationId + "/%" } : new Object[0];
			for (Map<String, Object> head : this.jdbc.queryForList("select chain, hash, seq from audit_head" + chains,
					chainArgs)) {
				String hash = last.getOrDefault((String) head.get("chain"), AuditLog.GENESIS);
				if (!hash.equals(head.get("hash"))) {
					broken[0] = ((Number) head.get("seq")).longValue();
					break;
				}
			}
		}
		return new Verification(broken[0] == null, checked[0], broken[0]);
	}

}
