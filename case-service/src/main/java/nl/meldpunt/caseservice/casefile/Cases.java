package nl.meldpunt.caseservice.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All cases; every lookup names its organisation or the reporter's credential hash. */
public interface Cases extends JpaRepository<Case, UUID> {

	Optional<Case> findByCredentialHash(String credentialHash);

	Optional<Case> findByIdAndOrganisationId(UUID id, UUID organisationId);

	/** Closed or withdrawn cases whose retention ends before {@code today}. */
	@Query(value = "select c.* from case_file c join organisation o on o.id = c.organisation_id"
			+ " where c.state in ('CLOSED', 'WITHDRAWN') and c.closed_on + make_interval(months => o.retention_months) < ?1"
			+ " limit ?2", nativeQuery = true)
	List<Case> pastRetention(LocalDate today, int limit);

}
