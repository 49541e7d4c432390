package nl.meldpunt.caseservice.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Anchors the audit chains outside the database. The chains show an edited, inserted or
 * removed entry, but their heads live in the same database: a DBA who removes the newest
 * entries and rewinds the head leaves a shorter, consistent chain. So, hourly, the head
 * of every chain that moved is signed (Ed25519, {@link CheckpointKey}, a key that is not
 * in the database) and appended to the checkpoint file in the checkpoint folder; the
 * newest checkpoint of an organisation also goes out in its content-free notification
 * mails ({@link #mailLine}). {@link #verify} checks every chain against every checkpoint.
 * <p>
 * Without a checkpoint folder ({@code meldpunt.audit.checkpoints.dir}, the launcher sets
 * it to {@code <data>/audit}) no checkpoint is taken and the verification says so.
 */
@Service
public class AuditCheckpoints {

	/**
	 * The append-only checkpoint file in the folder, one {@link AuditCheckpoint} a line.
	 */
	static final String FILE = "checkpoints";

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private static final int LOOKUP_BATCH = 5000;

	/**
	 * The outcome in one sentence.
	 *
	 * @param intact every chain is valid and holds every checkpoint taken of it
	 * @param sentence what was found, or what to look at
	 * @param entriesChecked entries recomputed
	 * @param checkpointsChecked validly signed checkpoints compared
	 */
	public record Verification(boolean intact, String sentence, long entriesChecked, int checkpointsChecked) {

		/**
		 * This verification, or, when it found the log intact but {@code broken} names
		 * something else the log vouches for that no longer matches (a key book), a
		 * failed one saying so.
		 */
		public Verification unless(Optional<String> broken) {
			return (this.intact && broken.isPresent())
					? new Verification(false, broken.get(), this.entriesChecked, this.checkpointsChecked) : this;
		}

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditVerifier chains;

	private final Path folder;

	/** The newest checkpoint written per chain (read from the file on first use). */
	private Map<String, AuditCheckpoint> latest;

	private CheckpointKey key;

	AuditCheckpoints(JdbcTemplate jdbc, Clock clock, AuditVerifier chains,
			@Value("${meldpunt.audit.checkpoints.dir:}") String folder) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.chains = chains;
		this.folder = folder.isBlank() ? null : Path.of(folder).toAbsolutePath();
		if (this.folder != null) {
			// from the first start: the key exists before the first checkpoint is due
			this.key = CheckpointKey.loadOrCreate(this.folder);
		}
	}

	/**
	 * Signs and appends a checkpoint for every chain whose head moved since its last
	 * checkpoint; returns those written. A chain that no longer holds its last checkpoint
	 * gets none (a new one would not hide the cut: {@link #verify} checks them all) and a
	 * warning.
	 */
	public synchronized List<AuditCheckpoint> take() {
		if (this.folder == null) {
			return List.of();
		}
		Map<String, AuditCheckpoint> newest = latest();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<AuditCheckpoint> taken = new ArrayList<>();
		for (Map<String, Object> head : this.jdbc
			.queryForList("select chain, hash, seq from audit_head where seq > 0 order by chain")) {
			String chain = (String) head.get("chain");
			String hash = (String) head.get("hash");
			long seq = ((Number) head.get("seq")).longValue();
			AuditCheckpoint previous = newest.get(chain);
			if (previous != null && previous.seq() == seq && previous.hash().equals(hash)) {
				continue;
			}
			if (previous != null && !holds(previous)) {
				log.warn("Audit chain {} no longer holds its checkpoint at entry {} of {}: run verify-audit.", chain,
						previous.seq(), previous.day());
				continue;
			}
			if (!holds(new AuditCheckpoint(today, organisationOf(chain), chain, seq, hash, null))) {
				// a head without its entry: not a state worth signing
				continue;
			}
			taken.add(key().sign(new AuditCheckpoint(today, organisationOf(chain), chain, seq, hash, null)));
		}
		append(taken);
		taken.forEach((checkpoint) -> newest.put(checkpoint.chain(), checkpoint));
		return taken;
	}

	/**
	 * One short line for the organisation's notification mails: its newest checkpoint
	 * (chain, entry, first 16 hex digits of the hash, day). No case, no person.
	 */
	public synchronized Optional<String> mailLine(UUID organisationId) {
		if (this.folder == null || organisationId == null) {
			return Optional.empty();
		}
		String organisation = organisationId.toString();
		return latest().values()
			.stream()
			.filter((checkpoint) -> checkpoint.organisation().equals(organisation))
			.max(Comparator.comparingLong(AuditCheckpoint::seq))
			.map((checkpoint) -> "Audit-controlepunt / audit checkpoint " + checkpoint.day() + ": " + checkpoint.chain()
					+ " #" + checkpoint.seq() + " " + checkpoint.hashPrefix());
	}

	/**
	 * Checks the chains of one organisation (null: all) against every checkpoint of them
	 * in the file: each line must carry a valid signature, every chain must be valid, and
	 * every checkpointed entry must still be there with the checkpointed hash.
	 */
	public synchronized Verification verify(UUID organisationId) {
		if (this.folder == null) {
			return new Verification(false, "No checkpoint folder is configured (meldpunt.audit.checkpoints.dir), "
					+ "so a cut-off tail of the audit chains cannot be detected.", 0, 0);
		}
		return verify(this.jdbc, this.chains, this.folder, organisationId);
	}

	/** The verification itself, also for the command line ({@link VerifyAudit}). */
	static Verification verify(JdbcTemplate jdbc, AuditVerifier chains, Path folder, UUID organisationId) {
		List<AuditCheckpoint> checkpoints = new ArrayList<>();
		Path file = folder.resolve(FILE);
		if (Files.isRegularFile(file)) {
			CheckpointKey key = CheckpointKey.load(folder);
			List<String> lines = readLines(file);
			for (int i = 0; i < lines.size(); i++) {
				AuditCheckpoint checkpoint;
				try {
					checkpoint = AuditCheckpoint.parse(lines.get(i));
				}
				catch (IllegalArgumentException ex) {
					checkpoint = null;
				}
				if (checkpoint == null || !key.verifies(checkpoint)) {
					return new Verification(false, "Line " + (i + 1) + " of the checkpoint file " + file
							+ " is not a checkpoint signed by this installation's key (forged or damaged): refused.", 0,
							0);
				}
				if (organisationId == null || checkpoint.organisation().equals(organisationId.toString())) {
					checkpoints.add(checkpoint);
				}
			}
		}
		AuditVerifier.Verification linked = chains.verify(organisationId);
		if (!linked.intact()) {
			return new Verification(false, "The audit log was edited: entry " + linked.firstBrokenSeq()
					+ " does not follow from the entries before it.", linked.entriesChecked(), 0);
		}
		for (int from = 0; from < checkpoints.size(); from += LOOKUP_BATCH) {
			List<AuditCheckpoint> batch = checkpoints.subList(from, Math.min(checkpoints.size(), from + LOOKUP_BATCH));
			Map<Long, String[]> stored = new HashMap<>();
			jdbc.query("select seq, chain, hash from audit_entry where seq = any(?)", (rs) -> {
				stored.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			}, (Object) batch.stream().map(AuditCheckpoint::seq).distinct().toArray(Long[]::new));
			for (AuditCheckpoint checkpoint : batch) {
				String[] entry = stored.get(checkpoint.seq());
				if (entry == null || !entry[0].equals(checkpoint.chain()) || !entry[1].equals(checkpoint.hash())) {
					return new Verification(false,
							"The audit chain " + checkpoint.chain() + " was truncated or rewritten after checkpoint "
									+ checkpoint.seq() + " of " + checkpoint.day() + ".",
							linked.entriesChecked(), checkpoints.size());
				}
			}
		}
		if (checkpoints.isEmpty()) {
			return new Verification(true,
					"Intact: " + linked.entriesChecked()
							+ " entries are linked, but no checkpoint has been taken of them yet.",
					linked.entriesChecked(), 0);
		}
		LocalDate newest = checkpoints.stream().map(AuditCheckpoint::day).max(Comparator.naturalOrder()).orElseThrow();
		return new Verification(true, "Intact: " + linked.entriesChecked() + " entries are linked and hold all "
				+ checkpoints.size() + " checkpoints (the newest of " + newest + ").", linked.entriesChecked(),
				checkpoints.size());
	}

	/**
	 * The fingerprint of the checkpoint key, to compare out of band; empty without one.
	 */
	public synchronized Optional<String> keyFingerprint() {
		return (this.folder != null) ? Optional.of(key().fingerprint()) : Optional.empty();
	}

	private boolean holds(AuditCheckpoint checkpoint) {
		List<String> hash = this.jdbc.queryForList("select hash from audit_entry where seq = ? and chain = ?",
				String.class, checkpoint.seq(), checkpoint.chain());
		return hash.size() == 1 && hash.get(0).equals(checkpoint.hash());
	}

	private CheckpointKey key() {
		if (this.key == null) {
			this.key = CheckpointKey.loadOrCreate(Objects.requireNonNull(this.folder));
		}
		return this.key;
	}

	private Map<String, AuditCheckpoint> latest() {
		if (this.latest == null) {
			Map<String, AuditCheckpoint> newest = new HashMap<>();
			Path file = this.folder.resolve(FILE);
			if (Files.isRegularFile(file)) {
				for (String line : readLines(file)) {
					try {
						AuditCheckpoint checkpoint = AuditCheckpoint.parse(line);
						if (key().verifies(checkpoint)) {
							newest.merge(checkpoint.chain(), checkpoint, (a, b) -> (b.seq() >= a.seq()) ? b : a);
						}
					}
					catch (IllegalArgumentException ex) {
						// a damaged line anchors nothing; verify() reports it
					}
				}
			}
			this.latest = newest;
		}
		return this.latest;
	}

	private void append(List<AuditCheckpoint> checkpoints) {
		if (checkpoints.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder();
		checkpoints.forEach((checkpoint) -> text.append(checkpoint.line()).append('\n'));
		Path file = this.folder.resolve(FILE);
		try {
			CheckpointKey.ownerOnlyFolder(this.folder);
			if (!Files.exists(file)) {
				CheckpointKey.createOwnerOnly(file);
			}
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
				ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append to the audit checkpoint file " + file, ex);
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter((l) -> !l.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the audit checkpoint file " + file, ex);
		}
	}

	private static String organisationOf(String chain) {
		return chain.substring(0, chain.indexOf('/'));
	}

}
