package nl.meldpunt.caseservice.casefile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** All cases; every lookup names its organisation or the reporter's credential hash. */
interface Cases extends JpaRepository<Case, UUID> {

	Optional<Case> findByCredentialHash(String credentialHash);

	Optional<Case> findByIdAndOrganisationId(UUID id, UUID organisationId);

}
