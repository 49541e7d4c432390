package nl.meldpunt.caseservice.organisations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** All organisations. */
public interface Organisations extends JpaRepository<Organisation, UUID> {

	Optional<Organisation> findBySlug(String slug);

}
