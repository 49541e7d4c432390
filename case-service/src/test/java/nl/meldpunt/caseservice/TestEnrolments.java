package nl.meldpunt.caseservice;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.Enrolment;
import nl.meldpunt.crypto.KeyBook;
import nl.meldpunt.crypto.KeyBookMember;
import nl.meldpunt.crypto.RecipientPrivateKey;
import nl.meldpunt.crypto.RecipientPublicKeys;
import nl.meldpunt.crypto.SigningKey;
import nl.meldpunt.crypto.WrappedSigningKey;

/**
 * What an enrolling browser sends ({@code POST /enrol}), made once per test class with
 * the crypto module's Java twin (the passphrase KDF is slow): the X25519 key wrapped
 * under the passphrase, the signing key wrapped beside it, and, for the first member of a
 * book, the genesis its browser would sign.
 */
public final class TestEnrolments {

	public final RecipientPrivateKey key = RecipientPrivateKey.generate();

	public final SigningKey signing = SigningKey.generate();

	public final Enrolment enrolment;

	public final WrappedSigningKey wrappedSigning;

	public TestEnrolments(String passphrase) {
		this.enrolment = this.key.wrap(passphrase);
		try {
			this.wrappedSigning = this.signing.wrap(this.enrolment.wrappedKey(), passphrase);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The account as its key book lists it. */
	public KeyBookMember adviser(UUID accountId, String displayName) {
		return KeyBookMember.adviser(accountId, displayName,
				new RecipientPublicKeys(this.key.publicKey(), this.signing.publicKey()));
	}

	/**
	 * The enrolment of an adviser; with {@code startsBook} (the organisation's first
	 * adviser) the genesis of the organisation's book, naming the account.
	 */
	public Map<String, String> body(String email, String code, UUID organisationId, UUID accountId, String displayName,
			boolean startsBook) {
		Map<String, String> body = new HashMap<>(
				Map.of("email", email, "code", code, "publicKey", Fixtures.b64(this.key.publicKey().toBytes()),
						"wrappedPrivateKey", Fixtures.b64(this.enrolment.wrappedKey().toBytes()), "wrappedSigningKey",
						Fixtures.b64(this.wrappedSigning.toBytes()), "loginSecret",
						Fixtures.b64(this.enrolment.loginSecret().toBytes())));
		if (startsBook) {
			body.put("genesis",
					Fixtures.b64(KeyBook.genesis(organisationId, adviser(accountId, displayName), this.signing)));
		}
		return body;
	}

}
