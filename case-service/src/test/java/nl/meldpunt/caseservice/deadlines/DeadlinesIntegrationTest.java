package nl.meldpunt.caseservice.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditCheckpoints;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.CaseId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025" })
class DeadlinesIntegrationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	Deadlines deadlines;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void acknowledgeDeadlineWhenNearThenReminderAndEscalationOnceEvenWithTwoSchedulers() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(2);
		UUID backup = org.advisers().get(1);
		this.jdbc.update("update account set backup = true where id = ?", backup);
		UUID caseId = fixtures.caseRow(org, List.of(org.advisers().get(0)), "RECEIVED", LocalDate.now().minusDays(6));
		this.transactions.executeWithoutResult((tx) -> this.audit.record(OrganisationId.of(org.id()), ActorKind.SYSTEM,
				null, AuditAction.CASE_DELETED, CaseId.of(UUID.randomUUID()), "retention"));
		this.checkpoints.take();
		String checkpoint = this.checkpoints.mailLine(org.id()).orElseThrow();
		// two instances' schedulers firing at the same moment, then a later run
		CompletableFuture<Void> first = CompletableFuture.runAsync(this.deadlines::run);
		CompletableFuture<Void> second = CompletableFuture.runAsync(this.deadlines::run);
		CompletableFuture.allOf(first, second).get();
		this.deadlines.run();
		assertThat(this.jdbc.queryForList("select kind from deadline_notice where case_id = ? order by kind",
				String.class, caseId))
			.containsExactly("ACKNOWLEDGE_ESCALATION", "ACKNOWLEDGE_REMINDER");
		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(2);
		String recipientMail = this.jdbc.queryForObject("select email from account where id = ?", String.class,
				org.advisers().get(0));
		String backupMail = this.jdbc.queryForObject("select email from account where id = ?", String.class, backup);
		assertThat(inbox(recipientMail)).isEqualTo(1);
		assertThat(inbox(backupMail)).isEqualTo(1);
		for (MimeMessage message : received) {
			String body = GreenMailUtil.getBody(message);
			assertThat(body).doesNotContain(caseId.toString()).contains(LocalDate.now().plusDays(1).toString());
			// the organisation's newest audit checkpoint leaves the server with every
			// mail
			assertThat(body).contains(checkpoint).contains(org.id() + "/");
		}
	}

	/**
	 * Escalations never reach an adviser the reporter excluded, and a case sent to a
	 * hotline escalates within the hotline, not to the organisation's back-up advisers.
	 */
	@Test
	void escalationWhenBackupExcludedOrCaseSentToAHotlineThenTheBackupHearsNothing() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(2);
		UUID backup = org.advisers().get(1);
		this.jdbc.update("update account set backup = true where id = ?", backup);
		UUID excluding = fixtures.caseRow(org, List.of(org.advisers().get(0)), "RECEIVED",
				LocalDate.now().minusDays(6));
		this.jdbc.update("insert into case_exclusion (case_id, organisation_id, account_id) values (?, ?, ?)",
				excluding, org.id(), backup);
		UUID toHotline = fixtures.caseRow(org, List.of(), "RECEIVED", LocalDate.now().minusDays(6));
		this.jdbc.update("update case_file set channel = 'EXTERNAL_HOTLINE', hotline_id = ? where id = ?",
				org.hotlineId(), toHotline);
		this.jdbc.update(
				"insert into key_envelope (case_id, organisation_id, recipient_kind, recipient_id, envelope, created_on)"
						+ " values (?, ?, 'HOTLINE', ?, ?, current_date)",
				toHotline, org.id(), org.handlerId().toString(), Fixtures.sealedEnvelope());
		this.deadlines.run();
		assertThat(this.jdbc.queryForList("select kind from deadline_notice where case_id in (?, ?) order by kind",
				String.class, excluding, toHotline))
			.containsExactly("ACKNOWLEDGE_ESCALATION", "ACKNOWLEDGE_ESCALATION", "ACKNOWLEDGE_REMINDER",
					"ACKNOWLEDGE_REMINDER");
		String mailOf = "select email from account where id = ?";
		assertThat(inbox(this.jdbc.queryForObject(mailOf, String.class, backup))).isZero();
		assertThat(inbox(this.jdbc.queryForObject(mailOf, String.class, org.advisers().get(0)))).isEqualTo(1);
		assertThat(inbox(this.jdbc.queryForObject(mailOf, String.class, org.handlerId()))).isEqualTo(2);
	}

	private static int inbox(String email) throws Exception {
		var user = mail.getUserManager().getUserByEmail(email);
		return (user != null) ? mail.getManagers().getImapHostManager().getInbox(user).getMessageCount() : 0;
	}

	@Test
	void unansweredQuestionWhenPastTimeoutThenResumedBySystem() {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(1);
		UUID caseId = fixtures.caseRow(org, org.advisers(), "WAITING_FOR_REPORTER", LocalDate.now().minusDays(20));
		this.jdbc.update("update case_file set acknowledged_on = received_on where id = ?", caseId);
		this.deadlines.run();
		assertThat(this.jdbc.queryForObject("select state from case_file where id = ?", String.class, caseId))
			.isEqualTo("IN_CONSULTATION");
	}

}
