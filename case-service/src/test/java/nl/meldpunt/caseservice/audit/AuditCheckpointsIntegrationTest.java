package nl.meldpunt.caseservice.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.TestDatabase;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints anchor the audit chains outside the database: what a DBA can do to
 * the chains (cut the tail and rewind the head, rewrite entries and recompute every hash)
 * and to the checkpoints (nothing: the key is not in the database), each answered here.
 */
@SpringBootTest
class AuditCheckpointsIntegrationTest {

	@Autowired
	AuditLog log;

	@Autowired
	AuditVerifier chains;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@TempDir
	Path folder;

	@Test
	void takeWhenChainsMovedThenSignedLinesInAnOwnerOnlyFileAndIntact() throws Exception {
		UUID organisation = organisationWithEntriesOnOneChain(3);
		AuditCheckpoints own = fresh();
		List<AuditCheckpoint> taken = own.take();
		String chain = chainOf(organisation);
		assertThat(taken).anySatisfy((checkpoint) -> {
			assertThat(checkpoint.chain()).isEqualTo(chain);
			assertThat(checkpoint.seq()).isEqualTo(newestSeq(chain));
			assertThat(checkpoint.day())
				.isEqualTo(java.time.LocalDate.now(this.clock.withZone(java.time.ZoneOffset.UTC)));
		});
		assertThat(Files.readString(this.folder.resolve(AuditCheckpoints.FILE))).contains(" " + chain + " ");
		assertThat(
				PosixFilePermissions.toString(Files.getPosixFilePermissions(this.folder.resolve(CheckpointKey.FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(this.folder.resolve(AuditCheckpoints.FILE))))
			.isEqualTo("rw-------");
		// nothing moved: nothing new to sign
		assertThat(own.take()).noneMatch((checkpoint) -> checkpoint.chain().equals(chain));
		AuditCheckpoints.Verification verification = own.verify(organisation);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.sentence()).startsWith("Intact: 3 entries are linked and hold all 1 checkpoints");
	}

	@Test
	void verifyWhenDbaCutsTheTailAndRewindsTheHeadThenTruncatedAfterTheCheckpoint() {
		UUID organisation = organisationWithEntriesOnOneChain(3);
		String chain = chainOf(organisation);
		AuditCheckpoints own = fresh();
		own.take();
		long checkpointed = newestSeq(chain);
		String day = java.time.LocalDate.now(this.clock.withZone(java.time.ZoneOffset.UTC)).toString();
		try {
			cutTail(chain, 2);
			// the chain alone cannot tell: it is shorter, but consistent
			assertThat(this.chains.verify(organisation).intact()).isTrue();
			AuditCheckpoints.Verification verification = own.verify(organisation);
			assertThat(verification.intact()).isFalse();
			assertThat(verification.sentence()).isEqualTo("The audit chain " + chain
					+ " was truncated or rewritten after checkpoint " + checkpointed + " of " + day + ".");
			// new entries and a new round of checkpoints do not bury the cut
			record(organisation, 1);
			assertThat(own.take()).noneMatch((checkpoint) -> checkpoint.chain().equals(chain));
			assertThat(own.verify(organisation).intact()).isFalse();
		}
		finally {
			forget(organisation);
		}
	}

	@Test
	void verifyWhenDbaRewritesAnEntryAndRecomputesEveryHashThenDetected() {
		UUID organisation = organisationWithEntriesOnOneChain(3);
		String chain = chainOf(organisation);
		AuditCheckpoints own = fresh();
		own.take();
		try {
			rewriteFrom(chain, 1, "someone-else");
			assertThat(this.chains.verify(organisation).intact()).isTrue();
			AuditCheckpoints.Verification verification = own.verify(organisation);
			assertThat(verification.intact()).isFalse();
			assertThat(verification.sentence()).contains(chain).contains("truncated or rewritten after checkpoint");
		}
		finally {
			forget(organisation);
		}
	}

	@Test
	void verifyWhenACheckpointLineIsForgedThenRefused() throws Exception {
		UUID organisation = organisationWithEntriesOnOneChain(2);
		AuditCheckpoints own = fresh();
		own.take();
		Path file = this.folder.resolve(AuditCheckpoints.FILE);
		List<String> lines = Files.readAllLines(file);
		String chain = chainOf(organisation);
		String line = lines.stream().filter((l) -> l.contains(" " + chain + " ")).findFirst().orElseThrow();
		AuditCheckpoint real = AuditCheckpoint.parse(line);
		// an operator who lowers the checkpoint to hide a cut, keeping the signature
		AuditCheckpoint lowered = new AuditCheckpoint(real.day(), real.organisation(), chain, real.seq() - 1,
				real.hash(), real.signature());
		Files.writeString(file, lowered.line() + "\n", StandardOpenOption.APPEND);
		AuditCheckpoints.Verification verification = own.verify(organisation);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.sentence()).startsWith("Line " + (lines.size() + 1) + " of the checkpoint file")
			.endsWith("(forged or damaged): refused.");
	}

	/**
	 * A DBA holds every row of the database but not the checkpoint key: no table holds
	 * it, and a line signed with any other key is refused.
	 */
	@Test
	void dbaWhenOnlyTheDatabaseIsAtHandThenCannotSignACheckpoint() throws Exception {
		UUID organisation = organisationWithEntriesOnOneChain(2);
		AuditCheckpoints own = fresh();
		own.take();
		String privateKey = Files.readAllLines(this.folder.resolve(CheckpointKey.FILE)).get(0);
		String fragment = privateKey.substring(privateKey.length() - 24);
		for (Map<String, Object> table : this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
			String name = (String) table.get("table_name");
			assertThat(this.jdbc.queryForObject(
					"select count(*) from \"" + name
							+ "\" t where t::text like ? or encode(convert_to(t::text, 'UTF8'), 'base64') like ?",
					Long.class, "%" + fragment + "%", "%" + fragment + "%"))
				.as(name)
				.isZero();
		}
		// the DBA's own key: a well-formed line that does not verify
		var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String chain = chainOf(organisation);
		AuditCheckpoint unsigned = new AuditCheckpoint(java.time.LocalDate.now(), organisation.toString(), chain, 1,
				"0".repeat(64), null);
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initSign(pair.getPrivate());
		ed25519.update(unsigned.signedText());
		AuditCheckpoint forged = unsigned
			.signedWith(Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign()));
		Files.writeString(this.folder.resolve(AuditCheckpoints.FILE), forged.line() + "\n", StandardOpenOption.APPEND);
		assertThat(own.verify(organisation).sentence()).endsWith("(forged or damaged): refused.");
	}

	@Test
	void mailLineWhenCheckpointTakenThenChainEntryAndHashPrefixOnly() {
		UUID organisation = organisationWithEntriesOnOneChain(2);
		AuditCheckpoints own = fresh();
		own.take();
		String chain = chainOf(organisation);
		String hash = this.jdbc.queryForObject("select hash from audit_head where chain = ?", String.class, chain);
		assertThat(own.mailLine(organisation)).hasValue("Audit-controlepunt / audit checkpoint "
				+ java.time.LocalDate.now(this.clock.withZone(java.time.ZoneOffset.UTC)) + ": " + chain + " #"
				+ newestSeq(chain) + " " + hash.substring(0, 16));
		assertThat(own.mailLine(UUID.randomUUID())).isEmpty();
	}

	@Test
	void verifyAuditCommandWhenRunThenOneSentenceAndExitCode() throws Exception {
		organisationWithEntriesOnOneChain(1);
		AuditCheckpoints own = fresh();
		own.take();
		Map<String, String> env = Map.of("MELDPUNT_DATABASE_URL", TestDatabase.jdbcUrl(), "MELDPUNT_DATABASE_USER",
				"postgres", "MELDPUNT_DATABASE_PASSWORD", "postgres", "MELDPUNT_AUDIT_CHECKPOINTS",
				this.folder.toString());
		AuditCheckpoints.Verification expected = own.verify(null);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = VerifyAudit.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(expected.sentence()).startsWith("Checkpoint key ");
		assertThat(code).isEqualTo(expected.intact() ? 0 : 1);
		Files.writeString(this.folder.resolve(AuditCheckpoints.FILE), "meldpunt-audit-checkpoint/v1 forged\n",
				StandardOpenOption.APPEND);
		out.reset();
		assertThat(VerifyAudit.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("refused.");
		assertThat(VerifyAudit.run(Map.of(), System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
	}

	private AuditCheckpoints fresh() {
		return new AuditCheckpoints(this.jdbc, this.clock, this.chains, this.folder.toString());
	}

	/** Entries about one case, so they share a chain. */
	private UUID organisationWithEntriesOnOneChain(int entries) {
		UUID organisation = UUID.randomUUID();
		record(organisation, entries);
		return organisation;
	}

	private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

	private void record(UUID organisation, int entries) {
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 0; i < entries; i++) {
				this.log.record(OrganisationId.of(organisation), ActorKind.ADVISER, AccountId.of(UUID.randomUUID()),
						AuditAction.CASE_READ, CaseId.of(CASE), null);
			}
		});
	}

	private static String chainOf(UUID organisation) {
		return AuditLog.chainOf(organisation, CASE);
	}

	private long newestSeq(String chain) {
		return this.jdbc.queryForObject("select max(seq) from audit_entry where chain = ?", Long.class, chain);
	}

	/**
	 * What a DBA would do: delete the newest entries and set the head to what is left.
	 */
	private void cutTail(String chain, int newest) {
		tamper(() -> {
			this.jdbc.update(
					"delete from audit_entry where seq in (select seq from audit_entry where chain = ? order by seq desc limit ?)",
					chain, newest);
			this.jdbc
				.update("update audit_head h set hash = e.hash, seq = e.seq from (select hash, seq from audit_entry"
						+ " where chain = ? order by seq desc limit 1) e where h.chain = ?", chain, chain);
		});
	}

	/**
	 * Rewrites the actor of the entry at {@code index} and recomputes every hash after
	 * it.
	 */
	private void rewriteFrom(String chain, int index, String actor) {
		tamper(() -> {
			List<AuditEntry> entries = this.jdbc.query(
					"select seq, chain, organisation_id, at, actor_kind, actor_id, action, case_id, detail, previous_hash, hash"
							+ " from audit_entry where chain = ? order by seq",
					(rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
							rs.getObject(4, Timestamp.class).toInstant(), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10),
							rs.getString(11)),
					chain);
			String previous = entries.get(index).previousHash();
			for (int i = index; i < entries.size(); i++) {
				AuditEntry e = entries.get(i);
				AuditEntry rewritten = new AuditEntry(e.seq(), e.chain(), e.organisationId(), e.at(), e.actorKind(),
						(i == index) ? actor : e.actorId(), e.action(), e.caseId(), e.detail(), previous, null);
				previous = rewritten.computeHash();
				this.jdbc.update("update audit_entry set actor_id = ?, previous_hash = ?, hash = ? where seq = ?",
						rewritten.actorId(), rewritten.previousHash(), previous, e.seq());
			}
			this.jdbc.update("update audit_head set hash = ? where chain = ?", previous, chain);
		});
	}

	private void tamper(Runnable sql) {
		this.transactions.executeWithoutResult((tx) -> {
			// a DBA can switch the append-only triggers off
			this.jdbc.execute("set local session_replication_role = replica");
			sql.run();
		});
	}

	private void forget(UUID organisation) {
		tamper(() -> {
			this.jdbc.update("delete from audit_entry where organisation_id = ?", organisation);
			this.jdbc.update("delete from audit_head where chain like ?", organisation + "/%");
		});
	}

}
