package nl.meldpunt.ops.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import nl.meldpunt.ops.MeldpuntSystem;

/**
 * The crash harness: clients file through the portal; once enough filings were
 * acknowledged, one process of the system is killed with SIGKILL (no shutdown hook, no
 * flush, like a power cut to that process); the clients go on until filings are
 * acknowledged again; then the database is asked for every filing that was acknowledged.
 * Reusable for any part ({@code victim}) and any intake behind the portal.
 */
public final class CrashUnderLoad {

	/**
	 * What one crash did.
	 *
	 * @param victim what was killed
	 * @param sent filings sent
	 * @param acknowledged filings answered 201 (or 200)
	 * @param byStatus answers by HTTP status (-1: none)
	 * @param stored what the database holds of the acknowledged filings
	 * @param back time from the kill until the next acknowledged filing sent after it
	 */
	public record Result(String victim, int sent, int acknowledged, Map<Integer, Integer> byStatus,
			StoredFilings stored, Duration back) {

		public String describe() {
			return String.format(
					"Crash test, kill -9 of %s mid-load: %d filings sent, %d acknowledged (answers %s);"
							+ " afterwards %d of %d present, %d complete with report and envelopes, %d twice;"
							+ " filings accepted again %.1f s after the kill",
					this.victim, this.sent, this.acknowledged, this.byStatus, this.stored.present(),
					this.stored.expected(), this.stored.complete(), this.stored.duplicated(),
					this.back.toMillis() / 1000.0);
		}

	}

	private CrashUnderLoad() {
	}

	/** Dead, or a zombie nobody reaps (a container's init may not). */
	private static void awaitEnd(ProcessHandle process) throws Exception {
		java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(process.pid()), "stat");
		while (process.isAlive()) {
			try {
				String fields = java.nio.file.Files.readString(stat);
				if (fields.charAt(fields.lastIndexOf(')') + 2) == 'Z') {
					return;
				}
			}
			catch (java.io.IOException ex) {
				return;
			}
			Thread.sleep(20);
		}
	}

	/**
	 * @param before acknowledged filings before the kill
	 * @param after acknowledged filings needed after the kill to call the system back
	 */
	public static Result run(MeldpuntSystem system, String victim, LongSupplier victimPid, int clients, int before,
			int after, Duration limit) throws Exception {
		FilingLoad.awaitPortal(system.portalUrl(), limit);
		FilingLoad load = FilingLoad.start(system.portalUrl(), clients, limit);
		long killedAt;
		long back;
		try {
			if (!load.awaitAcknowledged(before, limit)) {
				throw new AssertionError(
						"fewer than " + before + " filings acknowledged before the kill: " + load.byStatus());
			}
			long pid = victimPid.getAsLong();
			ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
			long acknowledgedAtKill = load.acknowledgedCount();
			killedAt = System.nanoTime();
			process.destroyForcibly();
			awaitEnd(process);
			// in-flight filings may still be acknowledged; count the ones after a gap
			if (!load.awaitAcknowledged(acknowledgedAtKill + clients + after, limit)) {
				throw new AssertionError(
						victim + " did not come back: no filing acknowledged since the kill (" + load.byStatus() + ")");
			}
			back = System.nanoTime() - killedAt;
		}
		finally {
			load.stop();
		}
		Map<Integer, Integer> byStatus = new TreeMap<>();
		load.byStatus().forEach((status, count) -> byStatus.put(status, count.get()));
		StoredFilings stored = StoredFilings.check(system.database(), load.acknowledged(), load.envelopesPerFiling());
		Result result = new Result(victim, load.sent(), load.acknowledged().size(), byStatus, stored,
				Duration.ofNanos(back));
		System.out.println(result.describe());
		return result;
	}

}
