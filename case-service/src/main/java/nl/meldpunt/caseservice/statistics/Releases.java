package nl.meldpunt.caseservice.statistics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published releases (table {@code statistics_release}, which refuses every UPDATE
 * and DELETE). The content is stored as the JSON a director receives, with its SHA-256;
 * the truth behind it is stored beside it for the auditor and never leaves this class
 * except to {@link StatisticsPublisher}.
 */
@Component
class Releases {

	/** What the auditor keeps of a release: the cells' atoms, the true counts, k. */
	record Truth(ReleaseShape shape, Map<String, Long> atoms, int minCellSize, int protection, String exactDigest) {
	}

	/** A stored release: its content (as published) and the truth behind it. */
	record Stored(UUID id, UUID organisationId, String pool, StatisticsRelease content, Truth truth) {

		DisclosureAudit.Release forAudit() {
			List<boolean[][]> hidden = new ArrayList<>();
			for (PublishedTable table : this.content.tables()) {
				boolean[][] mask = new boolean[table.rowKeys().size()][table.columnKeys().size()];
				for (int r = 0; r < mask.length; r++) {
					for (int c = 0; c < mask[r].length; c++) {
						mask[r][c] = table.cell(r, c).suppressed();
					}
				}
				hidden.add(mask);
			}
			return new DisclosureAudit.Release(this.id.toString(), this.truth.shape(), this.truth.atoms(), hidden,
					this.truth.minCellSize(), this.truth.protection());
		}

	}

	/** A published release was changed after publication. */
	static final class Tampered extends RuntimeException {

		Tampered() {
			super("A published release no longer matches its checksum", null, false, false);
		}

	}

	private static final String COLUMNS = "id, organisation_id, pool, content, content_sha256, truth";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	Releases(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Stores a release for good; returns the SHA-256 of its content. */
	String insert(UUID id, UUID organisationId, String pool, List<UUID> members, StatisticsRelease content,
			Truth truth) {
		String text = write(content);
		String sha256 = sha256(text);
		Period period = content.period();
		this.jdbc.update("""
				insert into statistics_release (id, organisation_id, pool, members, period_kind, year, quarter,
				    version, published_on, content, content_sha256, truth)
				values (?, ?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
				""", id, organisationId, pool,
				(members != null) ? "{" + String.join(",", members.stream().map(UUID::toString).toList()) + "}" : null,
				period.kind().name(), period.year(), period.quarter(), content.version(), content.publishedOn(), text,
				sha256, write(truth));
		return sha256;
	}

	/** Every release of an organisation, in publication order. */
	List<Stored> ofOrganisation(UUID organisationId) {
		return this.jdbc.query("select " + COLUMNS + " from statistics_release where organisation_id = ? order by seq",
				(rs, n) -> stored(rs), organisationId);
	}

	/** Every release of a pool, in publication order. */
	List<Stored> ofPool(String pool) {
		return this.jdbc.query("select " + COLUMNS + " from statistics_release where pool = ? order by seq",
				(rs, n) -> stored(rs), pool);
	}

	/** The newest version of one period of an organisation (or pool). */
	Optional<Stored> latest(UUID organisationId, String pool, Period period) {
		return this.jdbc
			.query("select " + COLUMNS + """
					 from statistics_release
					where (organisation_id = ? or pool = ?) and period_kind = ? and year = ?
					    and coalesce(quarter, 0) = ?
					order by version desc limit 1
					""", (rs, n) -> stored(rs), organisationId, pool, period.kind().name(), period.year(),
					(period.quarter() != null) ? period.quarter() : 0)
			.stream()
			.findFirst();
	}

	/** One version of one period, checked against its checksum. */
	Optional<StatisticsRelease> content(UUID organisationId, String pool, Period period, int version) {
		return this.jdbc
			.query("""
					select content, content_sha256 from statistics_release
					where (organisation_id = ? or pool = ?) and period_kind = ? and year = ?
					    and coalesce(quarter, 0) = ? and version = ?
					""", (rs, n) -> verified(rs.getString(1), rs.getString(2)), organisationId, pool,
					period.kind().name(), period.year(), (period.quarter() != null) ? period.quarter() : 0, version)
			.stream()
			.findFirst();
	}

	/**
	 * What a director may list: period, version, day and level of every release of the
	 * organisation and of its pool, newest period first.
	 */
	List<StatisticsRelease> summaries(UUID organisationId, String pool) {
		return this.jdbc.query("""
				select content, content_sha256 from statistics_release
				where organisation_id = ? or (pool is not null and pool = ?)
				order by (organisation_id is null), year desc, coalesce(quarter, 5) desc, period_kind, version desc
				""", (rs, n) -> verified(rs.getString(1), rs.getString(2)), organisationId, pool);
	}

	/** The pools whose releases count this organisation. */
	List<String> poolsCounting(UUID organisationId) {
		return this.jdbc.queryForList("select distinct pool from statistics_release where ? = any(members)",
				String.class, organisationId);
	}

	/**
	 * A digest of the exact counts behind a release (before any noise), to tell whether a
	 * correction would change anything.
	 */
	static String digest(ReleaseShape shape, Map<String, Long> atoms) {
		StringBuilder text = new StringBuilder(shape.toString());
		new TreeMap<>(atoms).forEach((atom, count) -> text.append('\n').append(atom).append('=').append(count));
		return sha256(text.toString());
	}

	/** Whether the organisation has a release of the period. */
	boolean exists(UUID organisationId, Period period) {
		return latest(organisationId, null, period).isPresent();
	}

	private Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		StatisticsRelease content = verified(rs.getString(4), rs.getString(5));
		try {
			Truth truth = this.json.readValue(rs.getString(6), new TypeReference<Truth>() {
			});
			return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), content,
					truth);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored release could not be read", ex);
		}
	}

	private StatisticsRelease verified(String text, String sha256) {
		// jsonb normalises the text; the checksum is over the normalised form
		try {
			StatisticsRelease content = this.json.readValue(text, StatisticsRelease.class);
			if (!sha256(write(content)).equals(sha256)) {
				throw new Tampered();
			}
			return content;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored release could not be read", ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A release could not be written", ex);
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
