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

	@Query("select a from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.enrolledOn is not null order by a.displayName")
	List<Account> enrolledAdvisers(UUID organisationId);

	@Query("select a from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.HOTLINE and a.enrolledOn is not null order by a.enrolledOn, a.id")
	List<Account> enrolledHotlineHandlers(UUID organisationId);

	/**
	 * The enrolled advisers and hotline handlers of these organisations, in one query
	 * (filing checks a whole batch against them).
	 */
	@Query("select a from Account a where a.organisationId in ?1 and a.role in (nl.meldpunt.caseservice.accounts.Role.ADVISER, nl.meldpunt.caseservice.accounts.Role.HOTLINE) and a.enrolledOn is not null order by a.enrolledOn, a.id")
	List<Account> enrolledRecipients(Collection<UUID> organisationIds);

	@Query("select count(a) > 0 from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.enrolledOn is not null")
	boolean hasEnrolledAdviser(UUID organisationId);

	List<Account> findByOrganisationIdOrderByDisplayName(UUID organisationId);

	/** Where escalations go: the organisation's enrolled back-up advisers. */
	@Query("select a.email from Account a where a.organisationId = ?1 and a.role = nl.meldpunt.caseservice.accounts.Role.ADVISER and a.backup = true and a.enrolledOn is not null")
	List<String> enrolledBackupAdviserEmails(UUID organisationId);

	@Query("select a.email from Account a where a.organisationId = ?1 and a.id in ?2 and a.enrolledOn is not null")
	List<String> enrolledEmailsOf(UUID organisationId, Collection<UUID> accountIds);

	@Query("select a.email from Account a where a.organisationId = ?1 and a.hotlineId in ?2 and a.role = nl.meldpunt.caseservice.accounts.Role.HOTLINE and a.enrolledOn is not null")
	List<String> enrolledHandlerEmailsOf(UUID organisationId, Collection<UUID> hotlineIds);

}
