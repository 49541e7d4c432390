package nl.meldpunt.caseservice.statistics;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.caseservice.organisations.Organisation;
import nl.meldpunt.caseservice.organisations.Organisations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each organisation's {@link DisclosureSettings} come from: k from the organisation
 * (the administrator's one setting), the rest from {@code statistics_settings}; and the
 * secret noise seed, made once and never changed.
 */
@Component
class DisclosureSettingsStore {

	private final JdbcTemplate jdbc;

	private final Organisations organisations;

	private final SecureRandom random = new SecureRandom();

	DisclosureSettingsStore(JdbcTemplate jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	DisclosureSettings forOrganisation(UUID organisationId) {
		int k = this.organisations.findById(organisationId)
			.map(Organisation::minCellSize)
			.orElse(DisclosureSettings.DEFAULT_MIN_CELL_SIZE);
		List<DisclosureSettings> found = this.jdbc.query(
				"select epsilon, settling_days, protection_width, pool from statistics_settings where organisation_id = ?",
				(rs, n) -> new DisclosureSettings(k, (Double) rs.getObject(1), rs.getInt(2), (Integer) rs.getObject(3),
						rs.getString(4)),
				organisationId);
		return found.isEmpty() ? DisclosureSettings.defaults(k) : found.get(0);
	}

	/** Stores the statistics' own settings; k is the organisation's and stays there. */
	@Transactional
	void update(UUID organisationId, DisclosureSettings settings) {
		this.jdbc.update("""
				insert into statistics_settings (organisation_id, epsilon, settling_days, protection_width, pool)
				values (?, ?, ?, ?, ?)
				on conflict (organisation_id) do update
				set epsilon = excluded.epsilon, settling_days = excluded.settling_days,
				    protection_width = excluded.protection_width, pool = excluded.pool
				""", organisationId, settings.epsilon(), settings.settlingDays(), settings.protectionUpTo(),
				settings.pool());
		if (settings.epsilon() != null) {
			noiseSeed(organisationId);
		}
	}

	/** The organisations that opted in to a pool, in a stable order. */
	List<UUID> members(String pool) {
		return this.jdbc.queryForList("select organisation_id from statistics_settings where pool = ? order by 1",
				UUID.class, pool);
	}

	/**
	 * The organisation's secret noise seed, made on first use from a strong random
	 * source. It can never be unset or changed (the table refuses both), so there is no
	 * public all-zero seed to fall back to.
	 */
	byte[] noiseSeed(UUID organisationId) {
		byte[] seed = new byte[32];
		this.random.nextBytes(seed);
		this.jdbc.update(
				"insert into statistics_noise_seed (organisation_id, seed) values (?, ?) on conflict do nothing",
				organisationId, seed);
		return this.jdbc.queryForObject("select seed from statistics_noise_seed where organisation_id = ?",
				byte[].class, organisationId);
	}

}
