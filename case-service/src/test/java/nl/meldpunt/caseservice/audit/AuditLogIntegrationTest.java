package nl.meldpunt.caseservice.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AuditLogIntegrationTest {

	@Autowired
	AuditLog log;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void verifyWhenUntouchedThenIntact() {
		UUID organisation = organisationWithEntries();
		AuditVerifier.Verification verification = this.verifier.verify(organisation);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isEqualTo(3);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void updateOrDeleteWhenAttemptedThenRefusedByTheDatabase() {
		UUID organisation = organisationWithEntries();
		assertThatThrownBy(
				() -> this.jdbc.update("update audit_entry set action = 'X' where organisation_id = ?", organisation))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_entry where organisation_id = ?", organisation))
			.hasMessageContaining("append-only");
	}

	@Test
	void verifyWhenRowEditedBehindTheTriggersBackThenReportsThatRow() {
		UUID organisation = organisationWithEntries();
		long middle = this.jdbc.queryForObject(
				"select seq from audit_entry where organisation_id = ? order by seq offset 1 limit 1", Long.class,
				organisation);
		// a DBA can switch triggers off; the hash chain still gives the edit away
		tamper("update audit_entry set actor_id = 'someone-else' where seq = " + middle);
		try {
			AuditVerifier.Verification verification = this.verifier.verify(organisation);
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(middle);
		}
		finally {
			tamper("delete from audit_entry where organisation_id = '" + organisation + "'");
			tamper("delete from audit_head where chain like '" + organisation + "/%'");
		}
	}

	@Test
	void verifyWhenLastRowRemovedThenReportsTheHead() {
		UUID organisation = organisationWithEntries();
		long last = this.jdbc.queryForObject("select max(seq) from audit_entry where organisation_id = ?", Long.class,
				organisation);
		tamper("delete from audit_entry where seq = " + last);
		try {
			AuditVerifier.Verification verification = this.verifier.verify(organisation);
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(last);
		}
		finally {
			tamper("delete from audit_entry where organisation_id = '" + organisation + "'");
			tamper("delete from audit_head where chain like '" + organisation + "/%'");
		}
	}

	@Test
	void reporterEntryWhenRecordedBetweenStaffEntriesThenNotOrderedAgainstThemFinerThanADay() {
		UUID organisation = UUID.randomUUID();
		CaseId kase = CaseId.of(UUID.randomUUID());
		OrganisationId id = OrganisationId.of(organisation);
		AccountId adviser = AccountId.of(UUID.randomUUID());
		this.transactions.executeWithoutResult(
				(tx) -> this.log.record(id, ActorKind.ADVISER, adviser, AuditAction.CASE_READ, kase, null));
		this.transactions.executeWithoutResult(
				(tx) -> this.log.record(id, ActorKind.REPORTER, null, AuditAction.MAILBOX_READ, kase, null));
		this.transactions.executeWithoutResult(
				(tx) -> this.log.record(id, ActorKind.ADVISER, adviser, AuditAction.MESSAGE_WRITTEN, kase, null));

		// during the day: no sequence number, no place in a chain, only the day
		assertThat(this.jdbc.queryForList("select action from audit_entry where organisation_id = ? order by seq",
				String.class, organisation))
			.containsExactly("CASE_READ", "MESSAGE_WRITTEN");
		assertThat(
				this.jdbc.queryForList("select day::text || ' ' || action from audit_pending where organisation_id = ?",
						String.class, organisation))
			.containsExactly(LocalDate.now(ZoneOffset.UTC) + " MAILBOX_READ");

		// after the day: in the reporter chain, stamped with the day, chains intact
		assertThat(this.log.sealDaysBefore(LocalDate.now(ZoneOffset.UTC).plusDays(1))).isGreaterThanOrEqualTo(1);
		List<String> reporter = this.jdbc.queryForList(
				"select chain || ' ' || actor_kind || ' ' || coalesce(actor_id, '-') || ' ' || to_char(at at time zone 'UTC', 'HH24:MI:SS')"
						+ " from audit_entry where organisation_id = ? and action = 'MAILBOX_READ'",
				String.class, organisation);
		assertThat(reporter).containsExactly(organisation + "/r REPORTER - 00:00:00");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_pending where organisation_id = ?",
				Integer.class, organisation))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select distinct chain from audit_entry where organisation_id = ? and actor_kind <> 'REPORTER'",
				String.class, organisation))
			.doesNotContain(organisation + "/r");
		AuditVerifier.Verification verification = this.verifier.verify(organisation);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isEqualTo(3);
	}

	@Test
	void recordAllWhenManyEntriesOnFewChainsThenOneHeadUpdatePerChainAndEveryChainIntact() {
		UUID organisation = UUID.randomUUID();
		OrganisationId id = OrganisationId.of(organisation);
		List<UUID> cases = new ArrayList<>();
		while (cases.stream().map((c) -> AuditLog.chainOf(organisation, c)).distinct().count() < 3) {
			cases.add(UUID.randomUUID());
		}
		List<UUID> three = cases.stream()
			.collect(Collectors.toMap((c) -> AuditLog.chainOf(organisation, c), (c) -> c, (a, b) -> a))
			.values()
			.stream()
			.toList();
		long headUpdates = this.transactions.execute((tx) -> {
			// one entry before the batch, so the batch links to an existing head
			this.log.record(id, ActorKind.ADVISER, AccountId.of(UUID.randomUUID()), AuditAction.CASE_READ,
					CaseId.of(three.get(0)), null);
			long before = headUpdates();
			List<AuditRecord> records = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				records.add(new AuditRecord(id, ActorKind.SYSTEM, null, AuditAction.EVENT_ANSWER_TIMED_OUT,
						CaseId.of(three.get(i % 3)), null));
			}
			this.log.recordAll(records);
			return headUpdates() - before;
		});
		assertThat(headUpdates).isEqualTo(3);
		AuditVerifier.Verification verification = this.verifier.verify(organisation);
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entriesChecked()).isEqualTo(41);
		for (UUID kase : three) {
			String chain = AuditLog.chainOf(organisation, kase);
			assertThat(this.jdbc.queryForObject("select seq from audit_head where chain = ?", Long.class, chain))
				.isEqualTo(this.jdbc.queryForObject("select max(seq) from audit_entry where chain = ?", Long.class,
						chain));
		}
	}

	@Test
	void sealWhenTodaysEntriesArePendingTooThenOnlyEarlierDaysMoveAndTodaysStay() {
		UUID organisation = UUID.randomUUID();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int i = 0; i < 2; i++) {
			// as a filing of yesterday left them
			this.jdbc.update(
					"insert into audit_pending (id, organisation_id, day, actor_kind, action, case_id)"
							+ " values (gen_random_uuid(), ?, ?, 'REPORTER', 'CASE_FILED', ?)",
					organisation, today.minusDays(1), UUID.randomUUID());
		}
		this.transactions.executeWithoutResult((tx) -> this.log.record(OrganisationId.of(organisation),
				ActorKind.REPORTER, null, AuditAction.MAILBOX_READ, CaseId.of(UUID.randomUUID()), null));

		this.log.sealDaysBefore(today);

		assertThat(this.jdbc.queryForList("select action from audit_pending where organisation_id = ?", String.class,
				organisation))
			.containsExactly("MAILBOX_READ");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where organisation_id = ? and action = 'CASE_FILED'", Integer.class,
				organisation))
			.isEqualTo(2);
		assertThat(this.verifier.verify(organisation).intact()).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'audit_pending'",
				Integer.class))
			.as("a filing's audit row maintains no index")
			.isZero();
	}

	@Test
	void recordAllWhenReporterCausedThenPendingForTheDayAndNoChainTouched() {
		UUID organisation = UUID.randomUUID();
		OrganisationId id = OrganisationId.of(organisation);
		List<AuditRecord> records = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			records.add(new AuditRecord(id, ActorKind.REPORTER, null, AuditAction.CASE_FILED,
					CaseId.of(UUID.randomUUID()), "INTERNAL_ADVISER"));
		}
		this.transactions.executeWithoutResult((tx) -> this.log.recordAll(records));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where organisation_id = ?", Integer.class,
				organisation))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select distinct day::text || ' ' || action from audit_pending where organisation_id = ?", String.class,
				organisation))
			.containsExactly(LocalDate.now(ZoneOffset.UTC) + " CASE_FILED");
	}

	/** Rows of audit_head updated so far by the current transaction. */
	private long headUpdates() {
		return this.jdbc.queryForObject(
				"select coalesce(sum(n_tup_upd), 0) from pg_stat_xact_user_tables where relname = 'audit_head'",
				Long.class);
	}

	private void tamper(String sql) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.execute("set local session_replication_role = replica");
			this.jdbc.execute(sql);
		});
	}

	private UUID organisationWithEntries() {
		UUID organisation = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			OrganisationId id = OrganisationId.of(organisation);
			this.log.record(id, ActorKind.ADVISER, AccountId.of(UUID.randomUUID()), AuditAction.CASE_READ,
					CaseId.of(UUID.randomUUID()), null);
			this.log.record(id, ActorKind.HOTLINE, AccountId.of(UUID.randomUUID()), AuditAction.CASE_READ,
					CaseId.of(UUID.randomUUID()), null);
			this.log.record(id, ActorKind.SYSTEM, null, AuditAction.CASE_DELETED, CaseId.of(UUID.randomUUID()),
					"retention");
		});
		return organisation;
	}

}
