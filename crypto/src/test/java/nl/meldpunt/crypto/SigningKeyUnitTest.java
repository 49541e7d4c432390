package nl.meldpunt.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The signing key wrapped beside the X25519 key: one passphrase opens both, each only
 * beside its own companion; any changed byte fails; old wrapped keys are untouched.
 */
class SigningKeyUnitTest {

	private static final String PASSPHRASE = "een lange geheime zin";

	// made once: every wrap and unwrap costs one slow passphrase derivation
	private static final RecipientPrivateKey KEY = RecipientPrivateKey.generate();

	private static final Enrolment ENROLMENT = KEY.wrap(PASSPHRASE);

	private static final SigningKey SIGNING = SigningKey.generate();

	private static final WrappedSigningKey WRAPPED = wrapped();

	private final RecipientPrivateKey key = KEY;

	private final Enrolment enrolment = ENROLMENT;

	private final SigningKey signing = SIGNING;

	private static WrappedSigningKey wrapped() {
		try {
			return SIGNING.wrap(ENROLMENT.wrappedKey(), PASSPHRASE);
		}
		catch (CryptoException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void unwrapWhenRightPassphraseAndCompanionThenSameKey() throws Exception {
		WrappedSigningKey wrapped = WRAPPED;

		assertThat(wrapped.toBytes()).hasSize(WrappedSigningKey.LENGTH).startsWith(1, 4);
		assertThat(wrapped.publicKey()).isEqualTo(this.signing.publicKey());
		SigningKey opened = WrappedSigningKey.parse(wrapped.toBytes()).unwrap(this.enrolment.wrappedKey(), PASSPHRASE);
		assertThat(opened.publicKey()).isEqualTo(this.signing.publicKey());
		assertThat(opened.sign(new byte[] { 7 })).isEqualTo(this.signing.sign(new byte[] { 7 }));
		assertThat(this.signing.sign(new byte[0])).hasSize(64);
	}

	@Test
	void wrapWhenWrongPassphraseThenRefusedBeforeAnythingIsStored() {
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> this.signing.wrap(this.enrolment.wrappedKey(), "een andere zin"));
	}

	@Test
	void unwrapWhenWrongPassphraseForeignCompanionOrAnyByteFlippedThenFails() throws Exception {
		WrappedSigningKey wrapped = WRAPPED;
		Enrolment other = RecipientPrivateKey.generate().wrap(PASSPHRASE);

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> wrapped.unwrap(this.enrolment.wrappedKey(), "fout"));
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> wrapped.unwrap(other.wrappedKey(), PASSPHRASE));
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> wrapped.unwrap(this.enrolment.wrappedKey(), ""));
		// the slow derivation once; then every byte of the value and of the companion's
		// header
		byte[] master = this.enrolment.wrappedKey().header().stretch(KdfHeader.forOpening(PASSPHRASE));
		assertThat(wrapped.unwrap(this.enrolment.wrappedKey(), master).publicKey()).isEqualTo(this.signing.publicKey());
		byte[] bytes = wrapped.toBytes();
		for (int i = 0; i < bytes.length; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(CryptoException.class).as("byte %d", i)
				.isThrownBy(() -> WrappedSigningKey.parse(tampered).unwrap(this.enrolment.wrappedKey(), master));
		}
		byte[] companion = this.enrolment.wrappedKey().toBytes();
		for (int i = 23; i < 55; i++) { // the companion's public key
			byte[] tampered = companion.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(CryptoException.class).as("companion byte %d", i)
				.isThrownBy(() -> wrapped.unwrap(WrappedPrivateKey.parse(tampered), master));
		}
	}

	@Test
	void parseWhenWrongLengthSuiteOrKeyThenFails() {
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> WrappedSigningKey.parse(new byte[94]));
		byte[] shortOne = new byte[93];
		shortOne[0] = 1;
		shortOne[1] = 4;
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> WrappedSigningKey.parse(shortOne));
		byte[] smallOrderKey = new byte[94];
		smallOrderKey[0] = 1;
		smallOrderKey[1] = 4;
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> WrappedSigningKey.parse(smallOrderKey));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> SigningPublicKey.fromBytes(new byte[32]));
	}

	@Test
	void fingerprintsWhenComputedThenDomainSeparatedAndCoverBothKeys() {
		RecipientPublicKeys keys = new RecipientPublicKeys(this.key.publicKey(), this.signing.publicKey());
		RecipientPublicKeys otherSigning = new RecipientPublicKeys(this.key.publicKey(),
				SigningKey.generate().publicKey());

		assertThat(keys.fingerprint()).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}")
			.isNotEqualTo(otherSigning.fingerprint())
			.isNotEqualTo(this.key.publicKey().fingerprint());
		assertThat(this.signing.publicKey().fingerprint()).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}");
		assertThat(this.signing.toString()).doesNotContain("seed");
	}

	@Test
	void signWhenDestroyedThenRefused() {
		SigningKey key = SigningKey.generate();
		key.destroy();
		assertThat(key.isDestroyed()).isTrue();
		assertThat(key.publicKey()).isNotNull();
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> key.sign(new byte[1]));
	}

}
