package nl.meldpunt.crypto;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.internal.AesGcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WrappedPrivateKeyUnitTest {

	private static final String PASSPHRASE = "lange zin met spaties en een 7";

	private final RecipientPrivateKey key = RecipientPrivateKey.generate();

	private final Enrolment enrolment = this.key.wrap(PASSPHRASE);

	@Test
	void unwrapWhenRightPassphraseThenSameKeyPair() throws Exception {
		WrappedPrivateKey wrapped = WrappedPrivateKey.parse(this.enrolment.wrappedKey().toBytes());

		RecipientPrivateKey unwrapped = wrapped.unwrap(PASSPHRASE);

		assertThat(unwrapped.exposeSecretBytes()).isEqualTo(this.key.exposeSecretBytes());
		assertThat(wrapped.publicKey()).isEqualTo(this.key.publicKey());
		assertThat(wrapped.kdf()).isEqualTo(new KdfParameters.Pbkdf2(600_000));
		assertThat(wrapped.loginSecret(PASSPHRASE)).isEqualTo(this.enrolment.loginSecret());
	}

	@Test
	void unwrapWhenWrongPassphraseThenFails() {
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> this.enrolment.wrappedKey().unwrap(PASSPHRASE + "!"));
		assertThat(this.enrolment.wrappedKey().loginSecret("other")).isNotEqualTo(this.enrolment.loginSecret());
	}

	@Test
	void loginSecretWhenKnownToServerThenDoesNotUnwrap() {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		byte[] login = this.enrolment.loginSecret().toBytes();
		int nonceOffset = bytes.length - 12 - 48;
		byte[] aad = Arrays.copyOf(bytes, nonceOffset);
		byte[] nonce = Arrays.copyOfRange(bytes, nonceOffset, nonceOffset + 12);

		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> AesGcm.open(login, nonce, aad, bytes, nonceOffset + 12, 48));
		assertThat(indexOf(bytes, login)).isNegative();
	}

	@Test
	void unwrapWhenHeaderSaltPublicKeyOrCiphertextByteFlippedThenFails() {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		// version, suite, kdf id, each iteration byte, then first and last of salt,
		// public
		// key, nonce, ciphertext and tag
		for (int i : new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 22, 23, 54, 55, 66, 67, 98, 99, 114 }) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(CryptoException.class).as("byte %d", i)
				.isThrownBy(() -> WrappedPrivateKey.parse(tampered).unwrap(PASSPHRASE));
		}
		assertThat(bytes).hasSize(115);
	}

	@Test
	void parseWhenIterationsBelowMinimumOrAboveMaximumThenFails() {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		byte[] weak = bytes.clone();
		weak[4] = 0;
		byte[] slow = bytes.clone();
		slow[3] = 0x7F;

		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> WrappedPrivateKey.parse(weak));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> WrappedPrivateKey.parse(slow));
		assertThatIllegalArgumentException().isThrownBy(() -> new KdfParameters.Pbkdf2(100_000));
	}

	@Test
	void unwrapWhenArgon2idThenRoundTripsAndWrongPassphraseFails() throws Exception {
		Enrolment argon = this.key.wrap(PASSPHRASE, KdfParameters.Argon2id.recommended());
		WrappedPrivateKey wrapped = WrappedPrivateKey.parse(argon.wrappedKey().toBytes());

		assertThat(wrapped.kdf()).isEqualTo(KdfParameters.Argon2id.recommended());
		assertThat(wrapped.unwrap(PASSPHRASE).publicKey()).isEqualTo(this.key.publicKey());
		assertThat(wrapped.loginSecret(PASSPHRASE)).isEqualTo(argon.loginSecret());
		assertThat(argon.loginSecret()).isNotEqualTo(this.enrolment.loginSecret());
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> wrapped.unwrap("wrong"));
	}

	@Test
	void wrapWhenSamePassphraseTwiceThenDifferentSaltAndLoginSecret() {
		Enrolment again = this.key.wrap(PASSPHRASE);

		assertThat(again.wrappedKey()).isNotEqualTo(this.enrolment.wrappedKey());
		assertThat(again.loginSecret()).isNotEqualTo(this.enrolment.loginSecret());
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

}
