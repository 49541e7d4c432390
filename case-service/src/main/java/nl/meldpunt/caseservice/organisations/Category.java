package nl.meldpunt.caseservice.organisations;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A statistical category of an organisation, e.g. {@code racism}, named in nl and en. */
@Entity
@Table(name = "category")
public class Category {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	private String code;

	@Column(name = "name_nl")
	private String nameNl;

	@Column(name = "name_en")
	private String nameEn;

	private int position;

	protected Category() {
	}

	public Category(UUID organisationId, String code, String nameNl, String nameEn, int position) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.code = code;
		this.nameNl = nameNl;
		this.nameEn = nameEn;
		this.position = position;
	}

	public String code() {
		return this.code;
	}

	public String nameNl() {
		return this.nameNl;
	}

	public String nameEn() {
		return this.nameEn;
	}

	public UUID organisationId() {
		return this.organisationId;
	}

}
