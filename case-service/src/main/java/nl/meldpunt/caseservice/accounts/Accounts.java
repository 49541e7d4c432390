package nl.meldpunt.caseservice.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * All accounts; every query names its organisation. Whoever may receive a case or a mail
 * is an enrolled account that is {@link AccountStatus#ACTIVE}: a disabled or removed one
 * is never offered to a reporter, never sealed to and never mailed.
 */
public interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	/**
	 * The account, its row locked until commit: two log-ins racing with one TOTP code
	 * cannot both use it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.email = ?1")
	Optional<Account> lockByEmail(String email);

	Optional<Account> findByIdAndOrganisationId(UUID id, UUID organisationId);

	/**
	 * The enrolled, active advisers and hotline handlers of these organisations, in one
	 * query (filing checks a whole batch against them, together with the key books: a
	 * recipient is a current member of its verified book and an active account).
	 */
	@Query("select a from Account a where a.organisationId = ?1 and a.role in (nl.meldpunt.caseservice.accounts.Role.ADVISER, nl.meldpunt.caseservice.accounts.Role.HOTLINE) and a.enrolledOn is not null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE order by a.enrolledOn, a.id")
	List<Account> enrolledRecipients(UUID organisationId);

	/** The organisation's accounts an administrator manages (removed ones are gone). */
	@Query("select a from Account a where a.organisationId = ?1 and a.status <> nl.meldpunt.caseservice.accounts.AccountStatus.REMOVED order by a.displayName")
	List<Account> manageable(UUID organisationId);

	/** All of the organisation's accounts, tombstones of removed ones too. */
	List<Account> findByOrganisationIdOrderByDisplayName(UUID organisationId);

	/**
	 * Where escalations go: the organisation's enrolled, active back-up advisers (never
	 * ones removed from the key book).
	 */
	@Query("select a from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.backup = true and a.enrolledOn is not null and a.removedOn is null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE")
	List<Account> enrolledBackupAdvisers(UUID organisationId);

	/**
	 * Who hears of every key-book change: every enrolled, active adviser (pending ones
	 * too).
	 */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.enrolledOn is not null and a.removedOn is null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE")
	List<String> enrolledAdviserEmails(UUID organisationId);

	@Query("select a.email from Account a where a.organisationId = ?1 and a.id in ?2 and a.enrolledOn is not null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE")
	List<String> enrolledEmailsOf(UUID organisationId, Collection<UUID> accountIds);

	/** A hotline's enrolled, active handlers (never removed ones). */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.hotlineId = ?2 and a.role = nl.meldpunt.caseservice.accounts.Role.HOTLINE and a.enrolledOn is not null and a.removedOn is null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE")
	List<String> enrolledHandlerEmails(UUID organisationId, UUID hotlineId);

	/** Where audit checkpoints go: the organisation's active, enrolled administrators. */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADMIN and a.enrolledOn is not null and a.status = nl.meldpunt.caseservice.accounts.AccountStatus.ACTIVE order by a.email")
	List<String> activeAdminEmails(UUID organisationId);

}
