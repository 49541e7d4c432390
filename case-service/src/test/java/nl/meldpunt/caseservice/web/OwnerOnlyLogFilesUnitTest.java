package nl.meldpunt.caseservice.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyLogFilesUnitTest {

	@TempDir
	Path temp;

	@Test
	void postProcessWhenFolderNewThenFolder0700AndFile0600() throws Exception {
		Path file = this.temp.resolve("logs/case-service.log");
		run(Map.of("logging.file.name", file.toString()));
		assertThat(mode(file.getParent())).isEqualTo("rwx------");
		assertThat(mode(file)).isEqualTo("rw-------");
	}

	@Test
	void postProcessWhenFilesReadableByOthersThenActiveAndRolledFilesOwnerOnly() throws Exception {
		Path folder = Files.createDirectory(this.temp.resolve("logs"));
		Path file = Files.writeString(folder.resolve("case-service.log"), "old\n");
		Path rolled = Files.writeString(folder.resolve("case-service.log.2026-11-25.0.gz"), "x");
		Path other = Files.writeString(folder.resolve("someone-else.txt"), "x");
		for (Path p : new Path[] { file, rolled, other }) {
			Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
		}
		run(Map.of("logging.file.name", file.toString()));
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(mode(rolled)).isEqualTo("rw-------");
		assertThat(mode(other)).isEqualTo("rw-r--r--");
		assertThat(Files.readString(file)).isEqualTo("old\n");
	}

	@Test
	void postProcessWhenOnlyLogPathThenSpringLogOwnerOnly() throws Exception {
		Path folder = this.temp.resolve("var-log");
		run(Map.of("logging.file.path", folder.toString()));
		assertThat(mode(folder.resolve("spring.log"))).isEqualTo("rw-------");
	}

	@Test
	void postProcessWhenNoLogFileThenNothingCreated() throws Exception {
		run(Map.of());
		try (var files = Files.list(this.temp)) {
			assertThat(files).isEmpty();
		}
	}

	private static void run(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new OwnerOnlyLogFiles().postProcessEnvironment(environment, new SpringApplication());
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
