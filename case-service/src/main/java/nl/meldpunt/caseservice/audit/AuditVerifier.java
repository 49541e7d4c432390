package nl.meldpunt.caseservice.audit;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
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

	AuditVerifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
