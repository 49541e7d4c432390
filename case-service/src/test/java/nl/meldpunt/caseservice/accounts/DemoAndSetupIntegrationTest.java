package nl.meldpunt.caseservice.accounts;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.meldpunt.crypto.LoginSecret;
import nl.meldpunt.crypto.WrappedPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "meldpunt.demo=true", "meldpunt.setup.organisation=first-run-test",
		"meldpunt.setup.organisation-name=First Run", "meldpunt.setup.adminemail=admin@first-run.example" })
class DemoAndSetupIntegrationTest {

	@Autowired
	DemoSeeder seeder;

	@Autowired
	LogIns logIns;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void demoWhenSeededTwiceThenOneOrganisationWithItsPeople() {
		this.seeder.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.queryForObject("select count(*) from organisation where slug = 'demo'", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select a.role from account a join organisation o on o.id = a.organisation_id where o.slug = 'demo'"
						+ " and a.enrolled_on is not null order by a.role",
				String.class))
			.containsExactly("ADMIN", "ADVISER", "ADVISER", "DIRECTOR", "HOTLINE");
	}

	@Test
	void demoAdviserWhenLoggingInLikeTheBrowserThenSignedIn() throws Exception {
		byte[] header = this.logIns.kdfHeader("adviser1@demo.meldpunt.nl");
		byte[] loginSecret = LoginSecret.derive(header, DemoSeeder.PASSPHRASE).toBytes();
		String code = new DefaultCodeGenerator().generate(DemoSeeder.TOTP_SECRET, System.currentTimeMillis() / 30_000);
		Caller caller = this.logIns.logIn("adviser1@demo.meldpunt.nl", loginSecret, code).orElseThrow();
		assertThat(caller.role()).isEqualTo(Role.ADVISER);
		WrappedPrivateKey key = WrappedPrivateKey.parse(this.logIns.wrappedKeys(caller).wrappedKey());
		assertThat(key.unwrap(DemoSeeder.PASSPHRASE).publicKey()).isEqualTo(key.publicKey());
		assertThat(loginSecret).isNotEqualTo(key.kdfHeader());
	}

	@Test
	void firstRunWhenConfiguredThenOrganisationAndInvitedAdminNotYetAccepting() {
		assertThat(
				this.jdbc.queryForObject("select name from organisation where slug = 'first-run-test'", String.class))
			.isEqualTo("First Run");
		assertThat(this.jdbc
			.queryForObject("select count(*) from account where email = 'admin@first-run.example' and role = 'ADMIN'"
					+ " and enrolment_code_hash is not null and enrolled_on is null", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc
			.queryForObject("select count(*) from category c join organisation o on o.id = c.organisation_id"
					+ " where o.slug = 'first-run-test'", Integer.class))
			.isEqualTo(10);
	}

}
