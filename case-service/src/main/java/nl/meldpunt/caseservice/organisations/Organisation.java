package nl.meldpunt.caseservice.organisations;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One employer using Meldpunt, with the settings its procedure and statistics use. */
@Entity
@Table(name = "organisation")
public class Organisation {

	/**
	 * Below this, a statistics cell could point at a person: never configurable lower.
	 */
	public static final int MIN_CELL_SIZE_FLOOR = 3;

	@Id
	private UUID id;

	private String slug;

	private String name;

	@Column(name = "retention_months")
	private int retentionMonths;

	@Column(name = "min_cell_size")
	private int minCellSize;

	@Column(name = "max_attachment_bytes")
	private long maxAttachmentBytes;

	@Column(name = "access_code_hash")
	private String accessCodeHash;

	@Column(name = "created_on")
	private LocalDate createdOn;

	protected Organisation() {
	}

	public Organisation(UUID id, String slug, String name) {
		this.id = Objects.requireNonNull(id);
		this.slug = Objects.requireNonNull(slug);
		this.name = Objects.requireNonNull(name);
		this.retentionMonths = 24;
		this.minCellSize = 5;
		this.maxAttachmentBytes = 50L * 1024 * 1024;
		this.createdOn = LocalDate.now();
	}

	public UUID id() {
		return this.id;
	}

	public String slug() {
		return this.slug;
	}

	public String name() {
		return this.name;
	}

	public int retentionMonths() {
		return this.retentionMonths;
	}

	public int minCellSize() {
		return this.minCellSize;
	}

	public long maxAttachmentBytes() {
		return this.maxAttachmentBytes;
	}

	public boolean accessCodeRequired() {
		return this.accessCodeHash != null;
	}

	/**
	 * Whether {@code code} is this organisation's access code (always true without one).
	 */
	public boolean acceptsAccessCode(String code) {
		return this.accessCodeHash == null || AccessCode.matches(code, this.accessCodeHash);
	}

	public void requireAccessCode(String code) {
		this.accessCodeHash = (code != null) ? AccessCode.hash(code) : null;
	}

	public void retainFor(int months) {
		if (months < 1 || months > 240) {
			throw new IllegalArgumentException("retention must be 1..240 months");
		}
		this.retentionMonths = months;
	}

	public void limitCellsTo(int minimum) {
		if (minimum < MIN_CELL_SIZE_FLOOR) {
			throw new IllegalArgumentException("the minimum cell size is never below " + MIN_CELL_SIZE_FLOOR);
		}
		this.minCellSize = minimum;
	}

	public void limitAttachmentsTo(long bytes) {
		if (bytes <= 0) {
			throw new IllegalArgumentException("attachment limit must be positive");
		}
		this.maxAttachmentBytes = bytes;
	}

}
