package nl.meldpunt.portal.followup;

import java.util.List;

import nl.meldpunt.portal.caseservice.CaseServiceProblem;
import nl.meldpunt.portal.web.Base64Url;

/**
 * The mailbox credential from the {@code X-Mailbox-Credential} header. A missing or
 * malformed one answers exactly like an unknown one: the reporter learns nothing from the
 * difference, and neither does anyone guessing.
 */
final class Credential {

	private Credential() {
	}

	static String checked(String header) {
		if (header == null || Base64Url.Validator.decodedLength(header) != 32) {
			throw unknownToken();
		}
		return header;
	}

	static CaseServiceProblem unknownToken() {
		return new CaseServiceProblem(404, "unknown-token", List.of());
	}

}
