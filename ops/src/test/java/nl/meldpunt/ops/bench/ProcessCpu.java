package nl.meldpunt.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time per part of the system, read from {@code /proc/<pid>/stat} (user + system, in
 * clock ticks of 10 ms): the portal, the case service, PostgreSQL (the postmaster, the
 * children it reaped and every live backend), the load generator (children this process
 * waited for), and the whole machine from {@code /proc/stat}, so that what other work ran
 * at the same time shows.
 */
final class ProcessCpu {

	/** Ticks per part at one moment. */
	record Snapshot(Map<String, Long> ticks, long machineBusy, long machineTotal) {

		/** Milliseconds of CPU per part between {@code before} and this. */
		Map<String, Double> millisSince(Snapshot before) {
			Map<String, Double> millis = new LinkedHashMap<>();
			this.ticks.forEach((part, t) -> millis.put(part, (t - before.ticks.getOrDefault(part, 0L)) * 10.0));
			return millis;
		}

		/** The machine's busy share of all cores between {@code before} and this. */
		double machineBusyCoresSince(Snapshot before, double seconds) {
			double total = this.machineTotal - before.machineTotal;
			return (total <= 0) ? 0
					: (this.machineBusy - before.machineBusy) / total * Runtime.getRuntime().availableProcessors();
		}

	}

	private ProcessCpu() {
	}

	static Snapshot take(long portal, long caseService, OptionalLong postmaster) {
		Map<String, Long> ticks = new LinkedHashMap<>();
		ticks.put("portal", own(portal));
		ticks.put("case service", own(caseService));
		ticks.put("PostgreSQL", postmaster.isPresent() ? tree(postmaster.getAsLong()) : 0L);
		ticks.put("client (wrk)", reapedChildren(ProcessHandle.current().pid()));
		long[] machine = machine();
		return new Snapshot(ticks, machine[0], machine[1]);
	}

	/** utime + stime. */
	private static long own(long pid) {
		long[] fields = stat(pid);
		return fields[0] + fields[1];
	}

	/** cutime + cstime: children waited for. */
	private static long reapedChildren(long pid) {
		long[] fields = stat(pid);
		return fields[2] + fields[3];
	}

	/** A process, the children it reaped, and its live descendants. */
	private static long tree(long pid) {
		long[] fields = stat(pid);
		long sum = fields[0] + fields[1] + fields[2] + fields[3];
		List<ProcessHandle> children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).toList();
		for (ProcessHandle child : children) {
			sum += own(child.pid());
		}
		return sum;
	}

	/** utime, stime, cutime, cstime (fields 14 to 17); zeros for a process gone. */
	private static long[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state)
			return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
					Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[4];
		}
	}

	/** Busy and total ticks of all cores. */
	private static long[] machine() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
			String cpu = lines.filter((l) -> l.startsWith("cpu ")).findFirst().orElseThrow();
			String[] f = cpu.trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length && i <= 8; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException ex) {
			return new long[2];
		}
	}

	/** The 1-minute load average. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
