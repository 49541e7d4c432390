package nl.meldpunt.caseservice.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.caseservice.problem.Refusal;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.SigningKey;

/**
 * The names reporters choose between: each must be one a key book accepts (the crypto
 * module's rule: NFC, 1 to 64 characters, single spaces, no control or format characters
 * such as bidi overrides) and differ, ignoring case and compatibility forms, from every
 * other recipient's of the organisation — so that "Anna Adviseur" cannot be invited
 * twice.
 */
final class DisplayNames {

	/** Keys to try a name on: the rule lives in the crypto module's member type only. */
	private static final RecipientPublicKeys PROBE = new RecipientPublicKeys(RecipientPrivateKey.generate().publicKey(),
			SigningKey.generate().publicKey());

	private DisplayNames() {
	}

	/** Refuses a name no key book would take. */
	static String checked(String displayName) {
		try {
			KeyBookMember.adviser(new UUID(0, 0), displayName, PROBE);
			return displayName;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw Refusal.invalid("displayName", "1 to 64 characters, single spaces, no control characters");
		}
	}

	/** What two names are compared by (the key book's rule). */
	static String key(String displayName) {
		return Normalizer.normalize(displayName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	static Refusal taken() {
		return new Refusal(Problem.DISPLAY_NAME_TAKEN,
				"Another recipient of this organisation has this name: reporters must be able to tell them apart.");
	}

}
