package nl.meldpunt.caseservice.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.meldpunt.caseservice.organisations.OrganisationSetup;
import nl.meldpunt.crypto.LoginSecret;
import nl.meldpunt.crypto.WrappedPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "meldpunt.demo=true", "meldpunt.setup.organisation=first-run-test",
		"meldpunt.setup.organisation-name=First Run", "meldpunt.setup.adminemail=admin@first-run.example",
		"meldpunt.setup.terminal=" + DemoAndSetupIntegrationTest.TERMINAL })
@ExtendWith(OutputCaptureExtension.class)
class DemoAndSetupIntegrationTest {

	/** Stands in for the controlling terminal ({@code /dev/tty}). */
	static final String TERMINAL = "target/first-run-terminal.txt";

	private static final Pattern CODE = Pattern.compile("\\b([0-9a-f]{32})\\b");

	@Autowired
	DemoSeeder seeder;

	@Autowired
	LogIns logIns;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationSetup organisations;

	@Autowired
	Accounts accounts;

	@Autowired
	Enrolments enrolments;

	@Autowired
	TransactionTemplate transactions;

	@BeforeAll
	static void noTerminalOutputYet() throws Exception {
		Files.deleteIfExists(Path.of(TERMINAL));
	}

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
	void firstRunWhenConfiguredThenCodeOnlyOnTheTerminalNeverInTheLogAndValidForADay(CapturedOutput output)
			throws Exception {
		assertThat(
				this.jdbc.queryForObject("select name from organisation where slug = 'first-run-test'", String.class))
			.isEqualTo("First Run");
		assertThat(this.jdbc
			.queryForObject("select count(*) from category c join organisation o on o.id = c.organisation_id"
					+ " where o.slug = 'first-run-test'", Integer.class))
			.isEqualTo(10);
		String code = codeOnTheTerminal();
		assertThat(this.jdbc.queryForObject(
				"select enrolment_code_hash from account where email = 'admin@first-run.example' and role = 'ADMIN'"
						+ " and enrolled_on is null",
				String.class))
			.isEqualTo(Enrolments.hash(code));
		Instant expires = this.jdbc
			.queryForObject("select enrolment_code_expires from account where email = 'admin@first-run.example'",
					Timestamp.class)
			.toInstant();
		assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(23)),
				Instant.now().plus(Duration.ofHours(24)));
		// standard output is what the launcher and service managers keep in log files
		assertThat(output.getAll()).contains("shown on the terminal")
			.contains("Started DemoAndSetupIntegrationTest")
			.doesNotContain(code)
			// nor Spring's generated default-user password
			.doesNotContain("Using generated security password");
	}

	@Test
	void firstRunWhenStartedAgainBeforeEnrolmentThenANewCodeReplacesTheOld() throws Exception {
		String first = codeOnTheTerminal();
		setup("first-run-test", "admin@first-run.example", TERMINAL).run(new DefaultApplicationArguments());
		String second = codeOnTheTerminal();
		assertThat(second).isNotEqualTo(first);
		assertThat(this.jdbc.queryForObject(
				"select enrolment_code_hash from account where email = 'admin@first-run.example'", String.class))
			.isEqualTo(Enrolments.hash(second));
	}

	@Test
	void firstRunWhenNoTerminalThenNoCodeIsMadeAndTheConsoleSaysHowToGetOne(CapturedOutput output) {
		setup("first-run-no-tty", "admin@first-run-no-tty.example", "target/no-such-folder/tty")
			.run(new DefaultApplicationArguments());
		assertThat(this.accounts.findByEmail("admin@first-run-no-tty.example")).isEmpty();
		assertThat(output.getAll()).contains("no terminal to show the administrator's one-time enrolment code on");
	}

	private FirstRunSetup setup(String slug, String adminEmail, String terminal) {
		return new FirstRunSetup(this.organisations, this.accounts, this.enrolments, this.transactions,
				new SetupProperties(slug, "First Run", adminEmail, terminal, Duration.ofHours(24)));
	}

	/** The last code written to the stand-in terminal. */
	private static String codeOnTheTerminal() throws Exception {
		Matcher matcher = CODE.matcher(Files.readString(Path.of(TERMINAL)));
		String code = null;
		while (matcher.find()) {
			code = matcher.group(1);
		}
		assertThat(code).as("a code on the terminal").isNotNull();
		return code;
	}

}
