package nl.meldpunt.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.internal.AesGcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
	void unwrapWhenWrongPassphraseThenFails() throws Exception {
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

	@Test
	void deriveWhenOnlyKdfHeaderThenSameLoginSecretAsWrappedKey() throws Exception {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		byte[] header = this.enrolment.wrappedKey().kdfHeader();
		Enrolment argon = this.key.wrap(PASSPHRASE, KdfParameters.Argon2id.recommended());

		assertThat(header).isEqualTo(Arrays.copyOf(bytes, 23));
		assertThat(LoginSecret.derive(header, PASSPHRASE)).isEqualTo(this.enrolment.loginSecret());
		assertThat(LoginSecret.derive(header, PASSPHRASE + "!")).isNotEqualTo(this.enrolment.loginSecret());
		assertThat(argon.wrappedKey().kdfHeader()).hasSize(28);
		assertThat(LoginSecret.derive(argon.wrappedKey().kdfHeader(), PASSPHRASE)).isEqualTo(argon.loginSecret());
	}

	@Test
	void deriveWhenKdfHeaderCutExtendedOrOutOfBoundsThenFails() {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		byte[] header = this.enrolment.wrappedKey().kdfHeader();
		byte[] weak = header.clone();
		weak[4] = 0;
		byte[] slow = header.clone();
		slow[3] = 0x7F;
		byte[] argonTooBig = Arrays
			.copyOf(this.key.wrap(PASSPHRASE, KdfParameters.Argon2id.recommended()).wrappedKey().kdfHeader(), 28);
		argonTooBig[11] = 5;

		for (byte[] bad : new byte[][] { Arrays.copyOf(header, 22), Arrays.copyOf(bytes, 24), bytes, weak, slow,
				changed(header, 0, 2), changed(header, 1, 1), changed(header, 2, 3), changed(header, 2, 2), argonTooBig,
				new byte[0], null }) {
			assertThatExceptionOfType(CryptoException.class).as("%s", Arrays.toString(bad))
				.isThrownBy(() -> LoginSecret.derive(bad, PASSPHRASE));
		}
	}

	@Test
	void decoyKdfHeaderWhenSameNameThenSameHeaderShapedLikeARealOne() throws Exception {
		byte[] secret = "a server secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
		byte[] decoy = WrappedPrivateKey.decoyKdfHeader(secret, "a@example.nl", KdfParameters.defaults());
		byte[] real = this.enrolment.wrappedKey().kdfHeader();

		assertThat(decoy).hasSameSizeAs(real).startsWith(Arrays.copyOf(real, 7));
		assertThat(WrappedPrivateKey.decoyKdfHeader(secret, "a@example.nl", KdfParameters.defaults())).isEqualTo(decoy);
		assertThat(WrappedPrivateKey.decoyKdfHeader(secret, "b@example.nl", KdfParameters.defaults()))
			.isNotEqualTo(decoy);
		assertThat(WrappedPrivateKey.decoyKdfHeader(changed(secret, 0, 'A'), "a@example.nl", KdfParameters.defaults()))
			.isNotEqualTo(decoy);
		assertThat(LoginSecret.derive(decoy, PASSPHRASE)).isNotEqualTo(this.enrolment.loginSecret());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WrappedPrivateKey.decoyKdfHeader(new byte[16], "a@example.nl", KdfParameters.defaults()));
	}

	@Test
	void unwrapOrDeriveWhenPassphraseEmptyThenCryptoExceptionAndWrapRefusesIt() {
		WrappedPrivateKey wrapped = this.enrolment.wrappedKey();

		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> wrapped.unwrap(""));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> wrapped.loginSecret(""));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> LoginSecret.derive(wrapped.kdfHeader(), ""));
		assertThatIllegalArgumentException().isThrownBy(() -> this.key.wrap(""));
	}

	@Test
	void wrapWhenOpenedWithRightWrapKeyButOtherAssociatedDataThenFails() throws Exception {
		byte[] bytes = this.enrolment.wrappedKey().toBytes();
		KdfHeader header = KdfHeader.parse(this.enrolment.wrappedKey().kdfHeader());
		byte[] wrapKey = KdfHeader.derive(header.stretch(PASSPHRASE.getBytes(StandardCharsets.UTF_8)), "key-wrap");
		int nonceOffset = header.length() + 32;
		byte[] aad = Arrays.copyOf(bytes, nonceOffset);
		byte[] nonce = Arrays.copyOfRange(bytes, nonceOffset, nonceOffset + 12);

		assertThat(AesGcm.open(wrapKey, nonce, aad, bytes, nonceOffset + 12, 48))
			.isEqualTo(this.key.exposeSecretBytes());
		for (int i : new int[] { 0, 2, 3, 6, 7, 22, 23, 54 }) {
			byte[] other = changed(aad, i, aad[i] ^ 1);
			assertThatExceptionOfType(CryptoException.class).as("aad byte %d", i)
				.isThrownBy(() -> AesGcm.open(wrapKey, nonce, other, bytes, nonceOffset + 12, 48));
		}
		assertThatExceptionOfType(CryptoException.class)
			.isThrownBy(() -> AesGcm.open(wrapKey, nonce, new byte[0], bytes, nonceOffset + 12, 48));
	}

	@Test
	void hashCodeWhenLoginSecretThenEqualForEqualSecretsAndNotTheRawBytesHash() throws Exception {
		LoginSecret secret = this.enrolment.loginSecret();
		LoginSecret again = this.enrolment.wrappedKey().loginSecret(PASSPHRASE);

		assertThat(again).isEqualTo(secret).hasSameHashCodeAs(secret);
		assertThat(secret.hashCode()).isNotEqualTo(Arrays.hashCode(secret.toBytes()));
	}

	@Test
	void destroyWhenCalledThenKeysZeroedAndRefuseUse() throws Exception {
		CaseKey caseKey = CaseKey.generate();
		KeyEnvelope envelope = this.key.publicKey().seal(caseKey, TestBindings.adviser());
		SealedItem item = caseKey.seal(new byte[] { 1 }, TestBindings.report());
		RecipientPrivateKey other = RecipientPrivateKey.generate();

		caseKey.destroy();
		other.destroy();

		assertThat(caseKey.isDestroyed()).isTrue();
		assertThat(other.isDestroyed()).isTrue();
		assertThat(other.publicKey().toBytes()).hasSize(32);
		assertThatIllegalStateException().isThrownBy(() -> caseKey.open(item, TestBindings.report()));
		assertThatIllegalStateException().isThrownBy(() -> caseKey.seal(new byte[0], TestBindings.report()));
		assertThatIllegalStateException().isThrownBy(() -> other.open(envelope, TestBindings.adviser()));
		assertThat(this.key.open(envelope, TestBindings.adviser()).open(item, TestBindings.report()))
			.isEqualTo(new byte[] { 1 });
	}

	private static byte[] changed(byte[] bytes, int index, int value) {
		byte[] copy = bytes.clone();
		copy[index] = (byte) value;
		return copy;
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
