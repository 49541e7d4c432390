package nl.meldpunt.caseservice.keybook;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import nl.meldpunt.caseservice.Fixtures;
import nl.meldpunt.caseservice.Fixtures.Org;
import nl.meldpunt.caseservice.accounts.Caller;
import nl.meldpunt.caseservice.accounts.Role;
import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditVerifier;
import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a DBA can do to a key book after the fact, answered: delete its newest entry (a
 * removal, say, to bring a removed reader back in a shorter book that still verifies) or
 * rewrite an entry. The audit log recorded every entry the book took (book, sequence,
 * SHA-256) and the signed checkpoints anchor that log outside the database, so the
 * administrator's verification and {@code verify-audit} name the book that lost it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeyBookAnchorsIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	KeyBooks books;

	@Autowired
	AuditVerifier audit;

	@Autowired
	MockMvc mvc;

	@Test
	void brokenWhenTheDatabaseRollsTheBookBackOrRewritesAnEntryThenTheVerificationNamesIt() throws Exception {
		Fixtures fixtures = new Fixtures(this.jdbc, this.setup);
		Org org = fixtures.organisation(2);
		UUID admin = fixtures.account(org.id(), "ADMIN", null, true);
		UUID carla = fixtures.account(org.id(), "ADVISER", null, true);
		Draft addition = this.books.propose(org.id(), Optional.empty(),
				new KeyBookChange.RecipientAdded(fixtures.member(carla, null)), Optional.of(carla), ActorKind.SYSTEM,
				null);
		for (UUID signer : org.advisers()) {
			KeyBook book = this.books.organisationBook(org.id()).orElseThrow();
			this.books.approve(org.id(), addition.id(), signer,
					book.approve(addition.draft(), signer, Fixtures.SIGNING_KEYS.get(signer)).signature());
		}
		long sequence = addition.draft().sequence();
		assertThat(this.books.organisationBook(org.id()).orElseThrow().member(carla)).isPresent();
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_entry where organisation_id = ? and action = 'KEY_BOOK_APPENDED'",
				String.class, org.id()))
			.matches(sequence + " RecipientAdded book=" + org.id() + " sha256=[0-9a-f]{64}");
		assertThat(KeyBookAnchors.broken(this.jdbc, this.audit, org.id())).isEmpty();
		assertThat(verification(org, admin).get("intact").asBoolean()).isTrue();

		// the entry rewritten in place (same length, one byte flipped)
		this.jdbc.update("update key_book_entry set bytes = overlay(bytes placing"
				+ " decode(lpad(to_hex(get_byte(bytes, 40) # 1), 2, '0'), 'hex') from 41 for 1)"
				+ " where book = ? and sequence = ?", org.id(), (int) sequence);
		String lost = "The key book " + org.id() + " no longer holds entry " + sequence
				+ " as the audit log recorded it on " + LocalDate.now(ZoneOffset.UTC)
				+ ": the book was rolled back or rewritten in the database.";
		assertThat(KeyBookAnchors.broken(this.jdbc, this.audit, org.id())).hasValue(lost);

		// rolled back: the addition's entry deleted, the shorter book verifies again
		this.jdbc.update("delete from key_book_entry where book = ? and sequence = ?", org.id(), (int) sequence);
		assertThat(this.books.organisationBook(org.id()).orElseThrow().member(carla)).isEmpty();
		assertThat(KeyBookAnchors.broken(this.jdbc, this.audit, org.id())).hasValue(lost);
		JsonNode verification = verification(org, admin);
		assertThat(verification.get("intact").asBoolean()).isFalse();
		assertThat(verification.get("sentence").asText()).isEqualTo(lost);
		// across all organisations too (what verify-audit checks)
		assertThat(KeyBookAnchors.broken(this.jdbc, this.audit, null)).isPresent();
	}

	private JsonNode verification(Org org, UUID admin) throws Exception {
		Caller caller = new Caller(admin, org.id(), Role.ADMIN, "Admin");
		String body = this.mvc
			.perform(get("/api/admin/audit/checkpoints/verification")
				.with(authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
						List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new ObjectMapper().readTree(body);
	}

}
