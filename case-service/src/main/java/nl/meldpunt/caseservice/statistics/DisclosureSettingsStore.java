package nl.meldpunt.caseservice.statistics;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each organisation's {@link DisclosureSettings} live; public so that the
 * administration feature can change them.
 */
@Component
public class DisclosureSettingsStore {

	private final JdbcTemplate jdbc;

	private final SecureRandom random = new SecureRandom();

	DisclosureSettingsStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public DisclosureSettings forOrganisation(UUID organisationId) {
		List<DisclosureSettings> found = this.jdbc.query(
				"select min_cell_size, epsilon from statistics_settings where organisation_id = ?",
				(rs, n) -> new DisclosureSettings(rs.getInt(1), (Double) rs.getObject(2)), organisationId);
		return found.isEmpty() ? DisclosureSettings.DEFAULT : found.get(0);
	}

	@Transactional
	public void update(UUID organisationId, DisclosureSettings settings) {
		byte[] seed = new byte[32];
		this.random.nextBytes(seed);
		this.jdbc.update("""
				insert into statistics_settings (organisation_id, min_cell_size, epsilon, noise_seed)
				values (?, ?, ?, ?)
				on conflict (organisation_id) do update
				set min_cell_size = excluded.min_cell_size, epsilon = excluded.epsilon,
				    noise_seed = coalesce(statistics_settings.noise_seed, excluded.noise_seed)
				""", organisationId, settings.minCellSize(), settings.epsilon(), seed);
	}

	/**
	 * The organisation's secret noise seed: the same figure gets the same noise on every
	 * request, so asking again and averaging does not wash the noise out.
	 */
	byte[] noiseSeed(UUID organisationId) {
		List<byte[]> found = this.jdbc.query("select noise_seed from statistics_settings where organisation_id = ?",
				(rs, n) -> rs.getBytes(1), organisationId);
		return (found.isEmpty() || found.get(0) == null) ? new byte[32] : found.get(0);
	}

}
