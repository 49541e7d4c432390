package nl.meldpunt.caseservice.organisations;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The statistical categories, per organisation. */
public interface Categories extends JpaRepository<Category, UUID> {

	List<Category> findByOrganisationIdOrderByPosition(UUID organisationId);

	boolean existsByOrganisationIdAndCode(UUID organisationId, String code);

}
