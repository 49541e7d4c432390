package nl.meldpunt.caseservice.organisations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The external hotlines, per organisation. */
public interface Hotlines extends JpaRepository<Hotline, UUID> {

	List<Hotline> findByOrganisationIdOrderByName(UUID organisationId);

	Optional<Hotline> findByIdAndOrganisationId(UUID id, UUID organisationId);

}
