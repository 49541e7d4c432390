package nl.meldpunt.caseservice.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;

/**
 * Which Meldpunt account an OIDC identity is. Never creates one: an administrator
 * invites, the person enrols (key, passphrase) as before.
 * <p>
 * Matching: an identity (issuer + subject) already linked to an account is that account.
 * Otherwise the provider's <em>verified</em> e-mail address finds the account, and that
 * first sign-in links the identity to it for good. From then on only the subject counts:
 * a provider that later hands the address to someone else (a re-used mailbox, a renamed
 * user) gets that person no further than "no account", because the account is bound to
 * the first subject. Matching by e-mail alone would let whoever controls the address at
 * the provider in; a subject typed in at enrolment would need an extra step for every
 * person and a copy-paste of an opaque id. An administrator who needs to re-link removes
 * and re-invites the account.
 */
@Service
class OidcAccounts {

	/** The account, or why not. */
	record Outcome(Caller caller, Problem refusal, String detail) {

		static Outcome refused(Problem problem, String detail) {
			return new Outcome(null, problem, detail);
		}

	}

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	OidcAccounts(Accounts accounts, JdbcTemplate jdbc, AuditLog audit) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The signed-in caller for this identity; audited like a log-in (success and, for a
	 * known account, failure). Refusals are returned, not thrown, so their audit entry is
	 * committed.
	 */
	@Transactional
	public Outcome signIn(String issuer, String subject, String email, boolean emailVerified) {
		List<UUID> linked = this.jdbc.queryForList(
				"select id from account where oidc_issuer = ? and oidc_subject = ? for update", UUID.class, issuer,
				subject);
		Optional<Account> found;
		boolean link = false;
		if (!linked.isEmpty()) {
			found = this.accounts.findById(linked.get(0));
		}
		else {
			if (email == null || !emailVerified) {
				return Outcome.refused(Problem.OIDC_NO_ACCOUNT,
						"Your organisation's sign-in did not give a verified e-mail address of a Meldpunt account.");
			}
			found = this.accounts.lockByEmail(email.strip().toLowerCase(Locale.ROOT));
			if (found.isPresent() && linkedElsewhere(found.get().id())) {
				// the address now belongs to another identity than the one linked first
				record(found.get(), AuditAction.LOGIN_FAILED);
				return Outcome.refused(Problem.OIDC_NO_ACCOUNT,
						"This Meldpunt account is linked to another identity of your organisation's sign-in.");
			}
			link = true;
		}
		if (found.isEmpty()) {
			return Outcome.refused(Problem.OIDC_NO_ACCOUNT,
					"No Meldpunt account belongs to this identity. Ask your administrator for an invitation.");
		}
		Account account = found.get();
		if (!account.isEnrolled() || !account.isActive()) {
			record(account, AuditAction.LOGIN_FAILED);
			return Outcome.refused(Problem.OIDC_ACCOUNT_DISABLED,
					"This Meldpunt account is disabled or not enrolled yet. Ask your administrator.");
		}
		if (link) {
			this.jdbc.update("update account set oidc_issuer = ?, oidc_subject = ? where id = ?", issuer, subject,
					account.id());
			record(account, AuditAction.OIDC_LINKED);
		}
		record(account, AuditAction.LOGIN_OIDC);
		return new Outcome(account.caller(), null, null);
	}

	private boolean linkedElsewhere(UUID accountId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select oidc_subject is not null from account where id = ?",
				Boolean.class, accountId));
	}

	private void record(Account account, AuditAction action) {
		this.audit.record(OrganisationId.of(account.organisationId()), account.role().actorKind(),
				AccountId.of(account.id()), action, null, null);
	}

}
