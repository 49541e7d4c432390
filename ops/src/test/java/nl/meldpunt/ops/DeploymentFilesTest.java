package nl.meldpunt.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment examples in {@code ops/deploy/} are checked by the tools that will read
 * them: {@code nginx -t} (Debian's nginx-light, which {@code .ci/run} installs) and
 * {@code systemd-analyze verify}; a test skips, saying why, where the tool is missing.
 * The compose file is parsed and checked for what matters: the portal has no database
 * credentials and no way to the database's network.
 */
class DeploymentFilesTest {

	private static final Path DEPLOY = Path.of("deploy").toAbsolutePath();

	@TempDir
	Path temp;

	@Test
	void nginxConfigurationWhenCheckedByNginxThenValid() throws Exception {
		Path nginx = Path.of("/usr/sbin/nginx");
		Assumptions.assumeTrue(Files.isExecutable(nginx),
				"Debian's nginx is not installed (apt-get install nginx-light)");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")),
				"openssl is needed for a test certificate");
		Path key = this.temp.resolve("key.pem");
		Path certificate = this.temp.resolve("cert.pem");
		assertThat(run(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
				key.toString(), "-out", certificate.toString(), "-subj", "/CN=meldpunt.test", "-days", "1"))
			.exit()).isZero();
		String site = Files.readString(DEPLOY.resolve("nginx/meldpunt.conf"))
			.replaceAll("/etc/letsencrypt/live/[^ ;]+/fullchain\\.pem", certificate.toString())
			.replaceAll("/etc/letsencrypt/live/[^ ;]+/privkey\\.pem", key.toString())
			.replace("/var/log/nginx/", this.temp + "/");
		Files.writeString(this.temp.resolve("meldpunt.conf"), site);
		Files.writeString(this.temp.resolve("nginx.conf"), "pid " + this.temp + "/nginx.pid;\nerror_log " + this.temp
				+ "/error.log;\nevents {}\nhttp {\n    include " + this.temp + "/meldpunt.conf;\n}\n");
		Result check = run(List.of(nginx.toString(), "-t", "-p", this.temp.toString(), "-c",
				this.temp.resolve("nginx.conf").toString()));
		assertThat(check.exit()).as(check.output()).isZero();
		assertThat(check.output()).contains("syntax is ok").doesNotContain("[warn]");
		// reporters are never logged; the internal API is never proxied
		assertThat(site).contains("access_log off;").contains("location /internal/ {\n        return 404;");
	}

	@Test
	void systemdUnitWhenVerifiedBySystemdThenClean() throws Exception {
		Path analyze = Path.of("/usr/bin/systemd-analyze");
		Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/java")),
				"the unit starts /usr/bin/java, which this machine lacks");
		Path unit = Files.copy(DEPLOY.resolve("systemd/meldpunt.service"), this.temp.resolve("meldpunt.service"));
		Result verify = run(List.of(analyze.toString(), "verify", unit.toString()));
		// systemd-analyze exits 0 on directives it ignores: any line about the unit is a
		// mistake
		assertThat(verify.exit()).as(verify.output()).isZero();
		assertThat(verify.output()).doesNotContain("meldpunt.service");
		String text = Files.readString(unit);
		assertThat(text).contains("KillMode=mixed").contains("User=meldpunt").contains("StateDirectoryMode=0700");
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeFileWhenParsedThenThePortalHasNoWayToTheDatabase() throws Exception {
		Map<String, Object> compose = new Yaml()
			.load(Files.readString(DEPLOY.resolve("compose/compose.yaml"), StandardCharsets.UTF_8));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsOnlyKeys("postgres", "case-service", "reporter-portal");
		Map<String, Object> portal = services.get("reporter-portal");
		assertThat(((Map<String, Object>) portal.get("environment")).keySet())
			.noneMatch((name) -> name.contains("DATABASE"));
		assertThat((List<String>) portal.get("networks")).doesNotContain("database");
		assertThat((List<String>) services.get("postgres").get("command")).contains("fsync=on",
				"synchronous_commit=on");
		for (Map<String, Object> service : services.values()) {
			Object ports = service.get("ports");
			if (ports != null) {
				assertThat((List<String>) ports).allMatch((port) -> port.startsWith("127.0.0.1:"));
			}
		}
		assertThat(Files.readString(DEPLOY.resolve("compose/initdb/10-meldpunt-role.sh")))
			.contains("NOSUPERUSER NOCREATEDB NOCREATEROLE");
	}

	private record Result(int exit, String output) {
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command.get(0) + " did not finish within 60 s");
		}
		return new Result(process.exitValue(), output);
	}

}
