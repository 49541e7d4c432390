package nl.meldpunt.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RollingLogUnitTest {

	@TempDir
	Path temp;

	@Test
	void logWhenOutgrowingItsSizeThenRolledOverAndOnlyTheNewestKeptOwnerOnly() throws Exception {
		Path file = this.temp.resolve("case-service.log");
		try (RollingLog log = new RollingLog(file, 1000, 3, Duration.ofDays(30))) {
			for (int i = 0; i < 100; i++) {
				log.line(i + " " + "x".repeat(90));
			}
		}
		try (var files = Files.list(this.temp)) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactlyInAnyOrder("case-service.log",
					"case-service.1.log", "case-service.2.log", "case-service.3.log");
		}
		assertThat(Files.readString(file)).contains("99 ");
		assertThat(Files.readString(this.temp.resolve("case-service.1.log"))).doesNotContain("99 ");
		for (String name : new String[] { "case-service.log", "case-service.1.log", "case-service.3.log" }) {
			assertThat(Files.size(this.temp.resolve(name))).isLessThan(1100);
			assertThat(DatabaseLockdownIntegrationTest.mode(this.temp.resolve(name))).isEqualTo("rw-------");
		}
	}

	@Test
	void archivesWhenOlderThanTheAgeLimitThenDeletedOnOpen() throws Exception {
		Path file = this.temp.resolve("portal.log");
		Path old = this.temp.resolve("portal.2.log");
		Files.writeString(old, "old");
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
		Path recent = this.temp.resolve("portal.1.log");
		Files.writeString(recent, "recent");
		try (RollingLog log = new RollingLog(file, 1000, 3, Duration.ofDays(30))) {
			log.line("started");
		}
		assertThat(old).doesNotExist();
		assertThat(recent).exists();

		Path postgres = Files.createDirectories(this.temp.resolve("postgres"));
		Path ancient = Files.writeString(postgres.resolve("postgresql-2026-01-01_000000.log"), "x");
		Files.setLastModifiedTime(ancient, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
		Path current = Files.writeString(postgres.resolve("postgresql-2026-11-01_000000.log"), "y");
		RollingLog.sweep(postgres, Duration.ofDays(30));
		assertThat(ancient).doesNotExist();
		assertThat(current).exists();
	}

}
