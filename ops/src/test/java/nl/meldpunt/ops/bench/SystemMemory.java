package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.meldpunt.ops.MeldpuntSystem;

/**
 * The resident memory of a running system: both application JVMs and every PostgreSQL
 * process. PSS (proportional set size) counts shared pages once, so the total is what the
 * system really costs; RSS is printed too.
 */
final class SystemMemory {

	private SystemMemory() {
	}

	static void print(MeldpuntSystem system) throws IOException {
		long caseService = kib(system.caseServicePid(), "Pss");
		long portal = kib(system.portalPid(), "Pss");
		long postgres = 0;
		long postgresRss = 0;
		for (long pid : postgresPids(system)) {
			postgres += kib(pid, "Pss");
			postgresRss += kib(pid, "Rss");
		}
		long total = caseService + portal + postgres;
		System.out.printf(
				"Memory (PSS): case-service %d MiB, portal %d MiB, PostgreSQL %d MiB (RSS %d MiB) = %d MiB in all%n",
				caseService / 1024, portal / 1024, postgres / 1024, postgresRss / 1024, total / 1024);
	}

	private static List<Long> postgresPids(MeldpuntSystem system) throws IOException {
		Path pidFile = system.logDirectory().resolveSibling("postgres").resolve("postmaster.pid");
		List<Long> pids = new ArrayList<>();
		if (!Files.exists(pidFile)) {
			return pids;
		}
		long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		pids.add(postmaster);
		ProcessHandle.of(postmaster).ifPresent((p) -> p.children().forEach((c) -> pids.add(c.pid())));
		return pids;
	}

	private static long kib(long pid, String field) throws IOException {
		Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
		if (!Files.exists(rollup)) {
			return 0;
		}
		for (String line : Files.readAllLines(rollup)) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return 0;
	}

}
