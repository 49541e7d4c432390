package nl.meldpunt.caseservice.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import nl.meldpunt.caseservice.CaseServiceApplication;
import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.TestEnrolments;
import nl.meldpunt.caseservice.accounts.Enrolments;
import nl.meldpunt.caseservice.keybook.Draft;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.RecipientPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two case-service instances on one database, as a load-balanced deployment runs them: a
 * session made on one works on the other, a change made on one is current on the other,
 * and a deadline reminder goes out once although both schedulers fire.
 */
class TwoInstancesIntegrationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void startBoth() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopBoth() {
		second.close();
		first.close();
	}

	private static ConfigurableApplicationContext start() {
		// command-line arguments, so that they win over application.properties
		return new SpringApplicationBuilder(CaseServiceApplication.class).run("--server.port=0",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + ServerSetupTest.SMTP.getPort());
	}

	@Test
	void sessionAndCaseWhenUsedOnTheOtherInstanceThenCurrentThere() throws Exception {
		Fixtures fixtures = new Fixtures(first.getBean(JdbcTemplate.class), first.getBean(OrganisationSetup.class));
		Org org = fixtures.organisation(1);
		TestEnrolments keys = new TestEnrolments("two instances, one passphrase");
		Enrolment enrolment = keys.enrolment;
		String email = UUID.randomUUID() + "@example.org";
		String code = first.getBean(Enrolments.class)
			.invite(org.id(), Role.ADVISER, "T. Wee", email, null, null, Enrolments.INVITATION_VALID)
			.code();
		UUID invited = first.getBean(JdbcTemplate.class)
			.queryForObject("select id from account where email = ?", UUID.class, email);
		JsonNode enrolled = client(second).post()
			.uri("/enrol")
			.body(keys.body(email, code, org.id(), invited, "T. Wee", false))
			.retrieve()
			.body(JsonNode.class);
		UUID adviser = UUID.fromString(enrolled.get("accountId").asText());
		// the organisation's adviser approves the newcomer (in the browser, as here in
		// Java)
		KeyBooks books = first.getBean(KeyBooks.class);
		Draft addition = books.drafts(org.id(), Optional.empty()).get(0);
		UUID approver = org.advisers().get(0);
		books.approve(org.id(), addition.id(), approver,
				books.organisationBook(org.id())
					.orElseThrow()
					.approve(addition.draft(), approver, Fixtures.SIGNING_KEYS.get(approver))
					.signature());

		String credential = Fixtures.credential();
		Map<String, Object> filing = new java.util.HashMap<>(Fixtures.filing(org, credential, List.of()));
		List<Object> envelopes = new ArrayList<>((List<?>) filing.get("keyEnvelopes"));
		envelopes.add(Fixtures.envelope("ADVISER", adviser.toString()));
		filing.put("keyEnvelopes", envelopes);
		String caseId = (String) filing.get("caseId");
		internal(first).post()
			.uri("/internal/v1/organisations/" + org.slug() + "/cases")
			.body(filing)
			.retrieve()
			.toBodilessEntity();

		// signed in on the first instance …
		String totp = new DefaultCodeGenerator().generate(enrolled.get("totpSecret").asText(),
				System.currentTimeMillis() / 30_000);
		String session = client(first).post()
			.uri("/login")
			.body(Map.of("email", email, "loginSecret", Fixtures.b64(enrolment.loginSecret().toBytes()), "code", totp))
			.retrieve()
			.toBodilessEntity()
			.getHeaders()
			.getFirst(HttpHeaders.SET_COOKIE)
			.split(";")[0];
		// … acknowledges the case on the second (double-submit CSRF token, as the browser
		// sends it)
		String csrf = UUID.randomUUID().toString();
		JsonNode step = client(second).post()
			.uri("/api/cases/" + caseId + "/events")
			.header(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.body(Map.of("event", "ACKNOWLEDGE"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(step.get("state").asText()).isEqualTo("ACKNOWLEDGED");

		// … and the reporter, served by the first instance, sees it at once
		JsonNode mailbox = internal(first).get()
			.uri("/internal/v1/mailbox")
			.header("X-Mailbox-Credential", credential)
			.retrieve()
			.body(JsonNode.class);
		assertThat(mailbox.get("state").asText()).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void deadlineWhenBothInstancesRunTheJobAtOnceThenEachNoticeOnce() throws Exception {
		Fixtures fixtures = new Fixtures(first.getBean(JdbcTemplate.class), first.getBean(OrganisationSetup.class));
		Org org = fixtures.organisation(2);
		first.getBean(JdbcTemplate.class)
			.update("update account set backup = true where id = ?", org.advisers().get(1));
		UUID caseId = fixtures.caseRow(org, List.of(org.advisers().get(0)), "RECEIVED", LocalDate.now().minusDays(6));
		int before = mail.getReceivedMessages().length;

		CompletableFuture
			.allOf(CompletableFuture.runAsync(first.getBean(Deadlines.class)::run),
					CompletableFuture.runAsync(second.getBean(Deadlines.class)::run))
			.get();

		assertThat(first.getBean(JdbcTemplate.class)
			.queryForList("select kind from deadline_notice where case_id = ? order by kind", String.class, caseId))
			.containsExactly("ACKNOWLEDGE_ESCALATION", "ACKNOWLEDGE_REMINDER");
		assertThat(mail.getReceivedMessages()).hasSize(before + 2);
	}

	private static RestClient client(ConfigurableApplicationContext context) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
			.defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	private static RestClient internal(ConfigurableApplicationContext context) {
		return client(context).mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Fixtures.INTERNAL_SECRET)
			.build();
	}

}
