package nl.meldpunt.caseservice.casefile;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All cases; every lookup names its organisation or the reporter's credential hash. */
interface Cases extends JpaRepository<Case, UUID> {

	Optional<Case> findByCredentialHash(String credentialHash);

	Optional<Case> findByIdAndOrganisationId(UUID id, UUID organisationId);

	/** The case, locked until the transaction ends (two key changes never interleave). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Case c where c.id = ?1")
	Optional<Case> lock(UUID id);

}
