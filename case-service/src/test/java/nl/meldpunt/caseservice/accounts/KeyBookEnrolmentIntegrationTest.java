package nl.meldpunt.caseservice.accounts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.TestEnrolments;
import nl.meldpunt.caseservice.keybook.KeyBooks;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookChange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins propose, advisers approve: an invitation makes a pending recipient only. The
 * first adviser's browser starts the key book with its genesis (naming that very account
 * and its keys); every later one is proposed to the members and is nobody's recipient
 * until they signed it in. Display names stay distinguishable for reporters.
 */
class KeyBookEnrolmentIntegrationTest extends StaffOverHttp {

	static TestEnrolments first;

	static TestEnrolments second;

	@Autowired
	KeyBooks books;

	@BeforeAll
	static void keys() {
		first = new TestEnrolments("de eerste wachtzin van de test");
		second = new TestEnrolments("de tweede wachtzin van de test");
	}

	@Test
	void invitationWhenNameLooksLikeAnotherRecipientsOrHidesCharactersThenRefused() {
		UUID organisation = organisation();
		this.enrolments.invite(organisation, Role.ADVISER, "Anna Adviseur", mail(), null, null,
				Enrolments.INVITATION_VALID);
		for (String lookAlike : List.of("Anna Adviseur", "anna adviseur", "ＡＮＮＡ Adviseur")) {
			assertRefused(() -> this.enrolments.invite(organisation, Role.ADVISER, lookAlike, mail(), null, null,
					Enrolments.INVITATION_VALID), "display-name-taken");
		}
		for (String hidden : List.of("Anna\u202eAdviseur", "Anna  Adviseur", " Anna", "A\u0000")) {
			assertRefused(() -> this.enrolments.invite(organisation, Role.ADVISER, hidden, mail(), null, null,
					Enrolments.INVITATION_VALID), "invalid-request");
		}
		// a name only an administrator sees (a director) is no reporter's choice
		this.enrolments.invite(organisation, Role.DIRECTOR, "Anna Adviseur", mail(), null, null,
				Enrolments.INVITATION_VALID);
	}

	@Test
	void firstAdviserWhenEnrollingThenStartsTheBookAndLaterOnesArePending() {
		UUID organisation = organisation();
		String annaMail = mail();
		String annaCode = this.enrolments
			.invite(organisation, Role.ADVISER, "Anna Adviseur", annaMail, null, null, Enrolments.INVITATION_VALID)
			.code();
		JsonNode invitation = post("/enrol/invitation", Map.of("email", annaMail, "code", annaCode)).getBody();
		assertThat(invitation.get("bookStarted").asBoolean()).isFalse();
		UUID anna = UUID.fromString(invitation.get("accountId").asText());
		assertThat(invitation.get("organisationId").asText()).isEqualTo(organisation.toString());

		Map<String, String> noGenesis = new HashMap<>(
				first.body(annaMail, annaCode, organisation, anna, "Anna Adviseur", true));
		noGenesis.remove("genesis");
		assertProblem(post("/enrol", noGenesis), 409, "key-book-missing");
		Map<String, String> otherName = first.body(annaMail, annaCode, organisation, anna, "Someone Else", true);
		assertProblem(post("/enrol", otherName), 400, "invalid-request");
		Map<String, String> noSigningKey = new HashMap<>(
				first.body(annaMail, annaCode, organisation, anna, "Anna Adviseur", true));
		noSigningKey.remove("wrappedSigningKey");
		assertProblem(post("/enrol", noSigningKey), 400, "invalid-request");

		ResponseEntity<JsonNode> enrolled = post("/enrol",
				first.body(annaMail, annaCode, organisation, anna, "Anna Adviseur", true));
		assertThat(enrolled.getStatusCode().value()).isEqualTo(200);
		assertThat(enrolled.getBody().get("pendingApproval").asBoolean()).isFalse();
		KeyBook book = this.books.organisationBook(organisation).orElseThrow();
		assertThat(book.members()).containsExactly(first.adviser(anna, "Anna Adviseur"));
		assertThat(enrolled.getBody().get("fingerprint").asText()).isEqualTo(book.members().get(0).fingerprint());

		String bramMail = mail();
		String bramCode = this.enrolments
			.invite(organisation, Role.ADVISER, "Bram Bakker", bramMail, null, null, Enrolments.INVITATION_VALID)
			.code();
		JsonNode bramInvitation = post("/enrol/invitation", Map.of("email", bramMail, "code", bramCode)).getBody();
		assertThat(bramInvitation.get("bookStarted").asBoolean()).isTrue();
		UUID bram = UUID.fromString(bramInvitation.get("accountId").asText());
		assertProblem(post("/enrol", second.body(bramMail, bramCode, organisation, bram, "Bram Bakker", true)), 409,
				"key-book-started");
		ResponseEntity<JsonNode> pending = post("/enrol",
				second.body(bramMail, bramCode, organisation, bram, "Bram Bakker", false));
		assertThat(pending.getBody().get("pendingApproval").asBoolean()).isTrue();
		assertThat(this.books.organisationBook(organisation).orElseThrow().member(bram)).isEmpty();
		assertThat(this.books.drafts(organisation, Optional.empty())).singleElement()
			.satisfies((draft) -> assertThat(draft.draft().change())
				.isEqualTo(new KeyBookChange.RecipientAdded(second.adviser(bram, "Bram Bakker"))));
		// the portal lists the book's members only: the pending adviser is nobody's
		// choice
		String portal = this.http
			.exchange("/internal/v1/organisations/" + slug(organisation) + "/portal", HttpMethod.GET,
					new HttpEntity<>(bearer()), String.class)
			.getBody();
		assertThat(portal).contains(anna.toString()).doesNotContain(bram.toString());
	}

	private void assertRefused(Runnable call, String slug) {
		try {
			call.run();
		}
		catch (nl.meldpunt.caseservice.problem.Refusal refusal) {
			assertThat(refusal.slug()).isEqualTo(slug);
			return;
		}
		throw new AssertionError("not refused");
	}

	private void assertProblem(ResponseEntity<JsonNode> response, int status, String slug) {
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getBody().get("type").asText()).isEqualTo("https://meldpunt.nl/problems/" + slug);
	}

	private ResponseEntity<JsonNode> post(String path, Object body) {
		return this.http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
	}

	private UUID organisation() {
		return this.setup.create("org-" + UUID.randomUUID().toString().substring(0, 8), "Enrolment").id();
	}

	private String slug(UUID organisation) {
		return this.jdbc.queryForObject("select slug from organisation where id = ?", String.class, organisation);
	}

	private static org.springframework.http.HttpHeaders bearer() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		return headers;
	}

	private static String mail() {
		return UUID.randomUUID() + "@example.org";
	}

}
