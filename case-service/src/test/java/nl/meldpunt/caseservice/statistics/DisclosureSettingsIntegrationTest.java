package nl.meldpunt.caseservice.statistics;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class DisclosureSettingsIntegrationTest {

	@Autowired
	DisclosureSettingsStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void forOrganisationWhenNothingStoredThenFiveWithoutNoise() {
		assertThat(this.store.forOrganisation(UUID.randomUUID())).isEqualTo(new DisclosureSettings(5, null));
	}

	@Test
	void updateWhenValidThenStoredAndSeedKept() {
		UUID organisation = UUID.randomUUID();
		this.store.update(organisation, new DisclosureSettings(7, 1.0));
		byte[] seed = this.store.noiseSeed(organisation);
		this.store.update(organisation, new DisclosureSettings(3, 0.5));
		assertThat(this.store.forOrganisation(organisation)).isEqualTo(new DisclosureSettings(3, 0.5));
		assertThat(this.store.noiseSeed(organisation)).isEqualTo(seed).isNotEqualTo(new byte[32]);
	}

	@Test
	void settingsWhenBelowThreeOrBadEpsilonThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DisclosureSettings(2, null))
			.withMessageContaining("never below 3");
		assertThatIllegalArgumentException().isThrownBy(() -> new DisclosureSettings(5, 0.0));
		assertThatIllegalArgumentException().isThrownBy(() -> new DisclosureSettings(5, Double.NaN));
	}

	@Test
	void databaseWhenSomeoneWritesTwoDirectlyThenRefusedByConstraint() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into statistics_settings (organisation_id, min_cell_size) values (?, 2)", UUID.randomUUID()));
	}

}
