package nl.meldpunt.caseservice.organisations;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The coarse organisational units, per organisation. */
public interface OrganisationUnits extends JpaRepository<OrganisationUnit, UUID> {

	List<OrganisationUnit> findByOrganisationIdOrderByCode(UUID organisationId);

	boolean existsByOrganisationIdAndCode(UUID organisationId, String code);

}
