package nl.meldpunt.caseservice.organisations;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coarse organisational unit (department, region) used only for statistics. */
@Entity
@Table(name = "org_unit")
public class OrganisationUnit {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	private String code;

	@Column(name = "name_nl")
	private String nameNl;

	@Column(name = "name_en")
	private String nameEn;

	protected OrganisationUnit() {
	}

	public OrganisationUnit(UUID organisationId, String code, String nameNl, String nameEn) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.code = code;
		this.nameNl = nameNl;
		this.nameEn = nameEn;
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

}
