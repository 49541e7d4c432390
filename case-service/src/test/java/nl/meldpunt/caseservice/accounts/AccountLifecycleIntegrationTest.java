package nl.meldpunt.caseservice.accounts;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.meldpunt.caseservice.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an administrator does to accounts, over real HTTP with real sessions: every step
 * audited with the administrator who took it, and each one's effect on log-in, running
 * sessions and who receives reports.
 */
class AccountLifecycleIntegrationTest extends StaffOverHttp {

	StaffHttp staff;

	UUID organisation;

	StaffHttp.Person admin;

	String adminSession;

	StaffHttp.Person adviser;

	@BeforeEach
	void people() {
		this.staff = new StaffHttp(this.http, this.enrolments, this.setup);
		this.organisation = this.staff.organisation();
		this.admin = this.staff.enrol(this.organisation, Role.ADMIN);
		this.adviser = this.staff.enrol(this.organisation, Role.ADVISER);
		this.adminSession = this.staff.session(this.admin);
	}

	@Test
	void disableWhenAdviserSignedInThenSessionEndsLogInRefusedAndNotOfferedToReportersUntilEnabled() {
		String adviserSession = this.staff.session(this.adviser);
		assertThat(me(adviserSession).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(portalAdvisers()).contains(this.adviser.accountId().toString());

		assertThat(admin("/disable").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		StaffHttp.assertRefused(me(adviserSession), HttpStatus.UNAUTHORIZED, "unauthenticated");
		StaffHttp.assertRefused(this.staff.logIn(this.adviser, StaffHttp.step() + 1), HttpStatus.UNAUTHORIZED,
				"login-failed");
		assertThat(portalAdvisers()).doesNotContain(this.adviser.accountId().toString());
		assertThat(listed().get("status").asText()).isEqualTo("DISABLED");
		assertAudited("ACCOUNT_DISABLED");

		assertThat(admin("/enable").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.staff.logIn(this.adviser, StaffHttp.step() + 1).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(portalAdvisers()).contains(this.adviser.accountId().toString());
		assertAudited("ACCOUNT_ENABLED");
	}

	@Test
	void removeWhenDoneThenCredentialsKeysAndAddressWipedLogInRefusedAndAddressFreeAgain() {
		String adviserSession = this.staff.session(this.adviser);
		ResponseEntity<JsonNode> removed = this.staff.exchange(HttpMethod.DELETE,
				"/api/admin/accounts/" + this.adviser.accountId(), null, this.adminSession);
		assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertAudited("ACCOUNT_REMOVED");

		StaffHttp.assertRefused(me(adviserSession), HttpStatus.UNAUTHORIZED, "unauthenticated");
		StaffHttp.assertRefused(this.staff.logIn(this.adviser, StaffHttp.step() + 1), HttpStatus.UNAUTHORIZED,
				"login-failed");
		Map<String, Object> row = this.jdbc.queryForMap("select * from account where id = ?", this.adviser.accountId());
		assertThat(row.get("status")).isEqualTo("REMOVED");
		assertThat(row.get("email")).isEqualTo(this.adviser.accountId() + "@removed.invalid");
		assertThat(row).containsEntry("login_secret_hash", null)
			.containsEntry("totp_secret", null)
			.containsEntry("public_key", null)
			.containsEntry("wrapped_private_key", null);
		assertThat(portalAdvisers()).doesNotContain(this.adviser.accountId().toString());
		assertThat(this.staff.exchange(HttpMethod.GET, "/api/admin/accounts", null, this.adminSession).getBody())
			.noneMatch((account) -> account.get("id").asText().equals(this.adviser.accountId().toString()));
		// removed stays removed, and the address can be invited again
		StaffHttp.assertRefused(admin("/enable"), HttpStatus.NOT_FOUND, "unknown-account");
		ResponseEntity<JsonNode> again = this.staff.post("/api/admin/accounts",
				Map.of("role", "ADVISER", "displayName", "Again", "email", this.adviser.email()), this.adminSession);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void unlockWhenAdviserInBackOffThenTheRightCredentialsPassAtOnce() {
		for (int i = 0; i < LoginBackOff.FREE_ATTEMPTS; i++) {
			this.staff.logInWithWrongSecret(this.adviser);
		}
		StaffHttp.assertRefused(this.staff.logIn(this.adviser, StaffHttp.step()), HttpStatus.UNAUTHORIZED,
				"login-failed");
		assertThat(listed().get("loginDelayUntil").isNull()).isFalse();
		assertThat(admin("/unlock").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.staff.logIn(this.adviser, StaffHttp.step()).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertAudited("ACCOUNT_UNLOCKED");
	}

	@Test
	void disableOrRemoveWhenOwnAccountThenRefusedSoAnAdministratorIsAlwaysLeft() {
		StaffHttp.assertRefused(
				this.staff.post("/api/admin/accounts/" + this.admin.accountId() + "/disable", null, this.adminSession),
				HttpStatus.CONFLICT, "own-account");
		StaffHttp.assertRefused(this.staff.exchange(HttpMethod.DELETE, "/api/admin/accounts/" + this.admin.accountId(),
				null, this.adminSession), HttpStatus.CONFLICT, "own-account");
		assertThat(me(this.adminSession).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void lifecycleWhenAccountOfAnotherOrganisationOrUnknownThen404AndNothingChanges() {
		StaffHttp.Person stranger = this.staff.enrol(this.staff.organisation(), Role.ADVISER);
		for (String step : new String[] { "/disable", "/enable", "/unlock", "/enrolment-code" }) {
			StaffHttp.assertRefused(
					this.staff.post("/api/admin/accounts/" + stranger.accountId() + step, null, this.adminSession),
					HttpStatus.NOT_FOUND, "unknown-account");
			StaffHttp.assertRefused(
					this.staff.post("/api/admin/accounts/" + UUID.randomUUID() + step, null, this.adminSession),
					HttpStatus.NOT_FOUND, "unknown-account");
		}
		StaffHttp.assertRefused(this.staff.exchange(HttpMethod.DELETE, "/api/admin/accounts/" + stranger.accountId(),
				null, this.adminSession), HttpStatus.NOT_FOUND, "unknown-account");
		assertThat(
				this.jdbc.queryForObject("select status from account where id = ?", String.class, stranger.accountId()))
			.isEqualTo("ACTIVE");
	}

	@Test
	void inviteWhenByAnAdministratorThenAuditNamesThemAndAnExpiredCodeIsRefusedUntilANewOne() {
		String email = UUID.randomUUID() + "@example.org";
		ResponseEntity<JsonNode> invited = this.staff.post("/api/admin/accounts",
				Map.of("role", "ADVISER", "displayName", "Nieuw", "email", email), this.adminSession);
		assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		UUID accountId = UUID.fromString(invited.getBody().get("accountId").asText());
		assertThat(this.jdbc.queryForMap(
				"select actor_kind, actor_id from audit_entry where action = 'ACCOUNT_INVITED' and detail like ?",
				"%" + accountId))
			.containsEntry("actor_kind", "ADMIN")
			.containsEntry("actor_id", this.admin.accountId().toString());

		String oldCode = invited.getBody().get("enrolmentCode").asText();
		this.jdbc.update("update account set enrolment_code_expires = now() - interval '1 second' where id = ?",
				accountId);
		StaffHttp.assertRefused(this.staff.post("/enrol", StaffHttp.enrolBody(email, oldCode), null),
				HttpStatus.FORBIDDEN, "enrolment-refused");

		ResponseEntity<JsonNode> reissued = this.staff.post("/api/admin/accounts/" + accountId + "/enrolment-code",
				null, this.adminSession);
		assertThat(reissued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'ENROLMENT_CODE_ISSUED'"
						+ " and actor_id = ? and detail = ?",
				Integer.class, this.admin.accountId().toString(), accountId.toString()))
			.isEqualTo(1);
		this.jdbc.update("update account set enrolment_code_expires = now() + interval '1 hour' where id = ?",
				accountId);
		StaffHttp.assertRefused(this.staff.post("/enrol", StaffHttp.enrolBody(email, oldCode), null),
				HttpStatus.FORBIDDEN, "enrolment-refused");
		assertThat(this.staff
			.post("/enrol", StaffHttp.enrolBody(email, reissued.getBody().get("enrolmentCode").asText()), null)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// enrolled: no new code any more
		StaffHttp.assertRefused(
				this.staff.post("/api/admin/accounts/" + accountId + "/enrolment-code", null, this.adminSession),
				HttpStatus.CONFLICT, "already-enrolled");
	}

	private ResponseEntity<JsonNode> admin(String step) {
		return this.staff.post("/api/admin/accounts/" + this.adviser.accountId() + step, null, this.adminSession);
	}

	private ResponseEntity<JsonNode> me(String session) {
		return this.staff.exchange(HttpMethod.GET, "/api/me", null, session);
	}

	private JsonNode listed() {
		for (JsonNode account : this.staff.exchange(HttpMethod.GET, "/api/admin/accounts", null, this.adminSession)
			.getBody()) {
			if (account.get("id").asText().equals(this.adviser.accountId().toString())) {
				return account;
			}
		}
		throw new AssertionError("not listed");
	}

	private String portalAdvisers() {
		String slug = this.jdbc.queryForObject("select slug from organisation where id = ?", String.class,
				this.organisation);
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setBearerAuth(Fixtures.INTERNAL_SECRET);
		return this.http
			.exchange("/internal/v1/organisations/" + slug + "/portal", HttpMethod.GET,
					new org.springframework.http.HttpEntity<>(headers), String.class)
			.getBody();
	}

	private void assertAudited(String action) {
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = ? and actor_kind = 'ADMIN' and actor_id = ?"
						+ " and detail = ?",
				Integer.class, action, this.admin.accountId().toString(), this.adviser.accountId().toString()))
			.isEqualTo(1);
	}

}
