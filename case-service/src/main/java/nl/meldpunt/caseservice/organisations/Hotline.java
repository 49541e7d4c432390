package nl.meldpunt.caseservice.organisations;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An external hotline an organisation offers its reporters (e.g. an anti-discrimination
 * bureau).
 */
@Entity
@Table(name = "hotline")
public class Hotline {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	private String name;

	@Column(name = "description_nl")
	private String descriptionNl;

	@Column(name = "description_en")
	private String descriptionEn;

	private String contact;

	protected Hotline() {
	}

	public Hotline(UUID id, UUID organisationId, String name, String descriptionNl, String descriptionEn,
			String contact) {
		this.id = Objects.requireNonNull(id);
		this.organisationId = Objects.requireNonNull(organisationId);
		this.name = Objects.requireNonNull(name);
		this.descriptionNl = Objects.requireNonNull(descriptionNl);
		this.descriptionEn = Objects.requireNonNull(descriptionEn);
		this.contact = Objects.requireNonNull(contact);
	}

	public UUID id() {
		return this.id;
	}

	public UUID organisationId() {
		return this.organisationId;
	}

	public String name() {
		return this.name;
	}

	public String descriptionNl() {
		return this.descriptionNl;
	}

	public String descriptionEn() {
		return this.descriptionEn;
	}

	public String contact() {
		return this.contact;
	}

}
