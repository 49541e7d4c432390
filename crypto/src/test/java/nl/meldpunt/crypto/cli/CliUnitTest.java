package nl.meldpunt.crypto.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CliUnitTest {

	private static final Map<String, String> ENV = Map.of("MELDPUNT_PASSPHRASE", "operator passphrase");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path dir;

	@Test
	void sealAndOpenWhenKeygenKeyThenFileRoundTrips() throws Exception {
		byte[] content = new byte[1024 * 1024 + 99];
		content[content.length - 1] = 5;
		Files.write(this.dir.resolve("plain.bin"), content);

		assertThat(cli(ENV).run("keygen", "--out", path("adviser.key"))).isZero();
		String publicKey = find("public key:\\s+(\\S+)");
		assertThat(cli(ENV).run("seal", "--public-key", publicKey, "--organisation", UUID.randomUUID().toString(),
				"--case", UUID.randomUUID().toString(), "--recipient", UUID.randomUUID().toString(), "--in",
				path("plain.bin"), "--out", path("sealed.mpf")))
			.isZero();
		assertThat(cli(ENV).run("open", "--key", path("adviser.key"), "--in", path("sealed.mpf"), "--out",
				path("opened.bin")))
			.isZero();

		assertThat(Files.readAllBytes(this.dir.resolve("opened.bin"))).isEqualTo(content);
	}

	@Test
	void openWhenSealedFileTamperedOrWrongPassphraseThenExitOne() throws Exception {
		Files.writeString(this.dir.resolve("plain.txt"), "vertrouwelijk");
		cli(ENV).run("keygen", "--out", path("adviser.key"));
		String publicKey = find("public key:\\s+(\\S+)");
		cli(ENV).run("seal", "--public-key", publicKey, "--organisation", UUID.randomUUID().toString(), "--case",
				UUID.randomUUID().toString(), "--recipient", "reporter", "--in", path("plain.txt"), "--out",
				path("sealed.mpf"));
		byte[] sealed = Files.readAllBytes(this.dir.resolve("sealed.mpf"));
		sealed[sealed.length - 3] ^= 1;
		Files.write(this.dir.resolve("tampered.mpf"), sealed);

		assertThat(cli(ENV).run("open", "--key", path("adviser.key"), "--in", path("tampered.mpf"), "--out", path("x")))
			.isEqualTo(1);
		assertThat(cli(Map.of("MELDPUNT_PASSPHRASE", "wrong")).run("open", "--key", path("adviser.key"), "--in",
				path("sealed.mpf"), "--out", path("x")))
			.isEqualTo(1);
		Files.write(this.dir.resolve("cut.mpf"), java.util.Arrays.copyOf(sealed, 100));
		assertThat(cli(ENV).run("open", "--key", path("adviser.key"), "--in", path("cut.mpf"), "--out", path("x")))
			.isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("failed:").doesNotContain("Exception");
	}

	@Test
	void openWhenTokenInEnvironmentThenReporterOpensFileSealedToItAndArgumentIsRefused() throws Exception {
		Files.writeString(this.dir.resolve("plain.txt"), "antwoord aan de melder");
		cli(ENV).run("token");
		String token = find("token:\\s+(\\S+)");
		String reporterKey = find("reporter public key:\\s+(\\S+)");
		cli(ENV).run("seal", "--public-key", reporterKey, "--organisation", UUID.randomUUID().toString(), "--case",
				UUID.randomUUID().toString(), "--recipient", "reporter", "--in", path("plain.txt"), "--out",
				path("sealed.mpf"));

		assertThat(
				cli(Map.of()).run("open", "--token", token, "--in", path("sealed.mpf"), "--out", path("refused.txt")))
			.isEqualTo(2);
		assertThat(this.dir.resolve("refused.txt")).doesNotExist();
		assertThat(cli(Map.of("MELDPUNT_TOKEN", token.toLowerCase())).run("open", "--in", path("sealed.mpf"), "--out",
				path("opened.txt")))
			.isZero();
		assertThat(Files.readString(this.dir.resolve("opened.txt"))).isEqualTo("antwoord aan de melder");
	}

	@Test
	void runWhenUnknownCommandOrMissingOptionThenExitTwo() {
		assertThat(cli(ENV).run()).isEqualTo(2);
		assertThat(cli(ENV).run("explode")).isEqualTo(2);
		assertThat(cli(ENV).run("seal", "--in")).isEqualTo(2);
		assertThat(cli(ENV).run("fingerprint", "--public-key", "AAAA")).isEqualTo(1);
	}

	private Cli cli(Map<String, String> env) {
		return new Cli(env, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String path(String name) {
		return this.dir.resolve(name).toString();
	}

	private String find(String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(this.out.toString(StandardCharsets.UTF_8));
		assertThat(matcher.find()).as(this.out.toString(StandardCharsets.UTF_8)).isTrue();
		return matcher.group(1);
	}

}
