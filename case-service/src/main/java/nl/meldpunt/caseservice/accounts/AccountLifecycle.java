package nl.meldpunt.caseservice.accounts;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.meldpunt.caseservice.audit.ActorKind;
import nl.meldpunt.caseservice.audit.AuditAction;
import nl.meldpunt.caseservice.audit.AuditLog;
import nl.meldpunt.caseservice.ids.AccountId;
import nl.meldpunt.caseservice.ids.OrganisationId;
import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;

/**
 * What an administrator does to an account of their own organisation: lift the log-in
 * back-off, disable, enable, remove, issue a new enrolment code. Every step is audited
 * with the administrator who took it; an administrator never disables or removes their
 * own account (so an organisation always keeps one who can undo a mistake). An account of
 * another organisation, or a removed one, does not exist for them.
 */
@Service
class AccountLifecycle {

	private final Accounts accounts;

	private final Enrolments enrolments;

	private final AuditLog audit;

	private final KeyBookMembership membership;

	AccountLifecycle(Accounts accounts, Enrolments enrolments, AuditLog audit, KeyBookMembership membership) {
		this.accounts = accounts;
		this.enrolments = enrolments;
		this.audit = audit;
		this.membership = membership;
	}

	@Transactional
	public void unlock(Caller admin, UUID accountId) {
		change(admin, accountId, AuditAction.ACCOUNT_UNLOCKED, Account::unlock);
	}

	@Transactional
	public void disable(Caller admin, UUID accountId) {
		notSelf(admin, accountId);
		change(admin, accountId, AuditAction.ACCOUNT_DISABLED, Account::disable);
	}

	@Transactional
	public void enable(Caller admin, UUID accountId) {
		change(admin, accountId, AuditAction.ACCOUNT_ENABLED, Account::enable);
	}

	@Transactional
	public void remove(Caller admin, UUID accountId) {
		notSelf(admin, accountId);
		Account account = change(admin, accountId, AuditAction.ACCOUNT_REMOVED, Account::remove);
		this.membership.accountRemoved(account, admin.accountId());
	}

	@Transactional
	public Enrolments.Invited newEnrolmentCode(Caller admin, UUID accountId) {
		return this.enrolments.reissue(find(admin, accountId), AccountId.of(admin.accountId()),
				Enrolments.INVITATION_VALID);
	}

	private Account change(Caller admin, UUID accountId, AuditAction action, Consumer<Account> step) {
		Account account = find(admin, accountId);
		step.accept(account);
		this.audit.record(OrganisationId.of(admin.organisationId()), ActorKind.ADMIN, AccountId.of(admin.accountId()),
				action, null, account.id().toString());
		return account;
	}

	private Account find(Caller admin, UUID accountId) {
		return this.accounts.findByIdAndOrganisationId(accountId, admin.organisationId())
			.filter((account) -> account.status() != AccountStatus.REMOVED)
			.orElseThrow(() -> new Refusal(Problem.UNKNOWN_ACCOUNT, "There is no such account."));
	}

	private static void notSelf(Caller admin, UUID accountId) {
		if (admin.accountId().equals(accountId)) {
			throw new Refusal(Problem.OWN_ACCOUNT, "You cannot disable or remove your own account.");
		}
	}

}
