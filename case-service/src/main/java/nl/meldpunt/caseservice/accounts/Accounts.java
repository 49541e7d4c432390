package nl.meldpunt.caseservice.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All accounts; every query names its organisation. */
public interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	Optional<Account> findByIdAndOrganisationId(UUID id, UUID organisationId);

	List<Account> findByOrganisationIdOrderByDisplayName(UUID organisationId);

	/**
	 * Where escalations go: the organisation's enrolled back-up advisers (never removed
	 * ones).
	 */
	@Query("select a from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.backup = true and a.enrolledOn is not null and a.removedOn is null")
	List<Account> enrolledBackupAdvisers(UUID organisationId);

	/** Who hears of every key-book change: every enrolled adviser (pending ones too). */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.enrolledOn is not null and a.removedOn is null")
	List<String> enrolledAdviserEmails(UUID organisationId);

	@Query("select a.email from Account a where a.organisationId = ?1 and a.id in ?2 and a.enrolledOn is not null")
	List<String> enrolledEmailsOf(UUID organisationId, Collection<UUID> accountIds);

	/** A hotline's enrolled handlers (never removed ones). */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.hotlineId = ?2 and a.role = nl.meldpunt.caseservice.accounts.Role.HOTLINE and a.enrolledOn is not null and a.removedOn is null")
	List<String> enrolledHandlerEmails(UUID organisationId, UUID hotlineId);

}
