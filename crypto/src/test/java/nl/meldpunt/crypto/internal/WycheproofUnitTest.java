package nl.meldpunt.crypto.internal;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.RecipientPublicKey;

import static nl.meldpunt.crypto.internal.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wycheproof X25519, AES-GCM and HKDF-SHA256 vectors, where they reach our code paths.
 */
class WycheproofUnitTest {

	@Test
	void x25519WhenWycheproofThenSharedSecretMatchesAndSmallOrderKeysAreRefused() throws Exception {
		int refused = 0;
		int checked = 0;
		for (JsonNode test : tests("wycheproof-x25519_test.json")) {
			byte[] publicKey = hex(test, "public");
			byte[] expected = hex(test, "shared");
			if (Arrays.equals(expected, new byte[32])) {
				// Bouncy Castle refuses a zero shared secret; so must we, as a checked
				// failure.
				assertThatThrownBy(() -> agree(test, publicKey)).isInstanceOf(IllegalStateException.class);
				assertThatExceptionOfType(CryptoException.class).as("tcId %s", test.get("tcId"))
					.isThrownBy(() -> RecipientPublicKey.fromBytes(publicKey));
				refused++;
			}
			else {
				assertThat(agree(test, publicKey)).as("tcId %s", test.get("tcId")).isEqualTo(expected);
				assertThat(RecipientPublicKey.fromBytes(publicKey).toBytes()).isEqualTo(publicKey);
			}
			checked++;
		}
		assertThat(checked).isEqualTo(518);
		assertThat(refused).isEqualTo(31);
	}

	@Test
	void aesGcmWhenWycheproof256BitKeyAnd96BitNonceThenSealAndOpenAgree() {
		int checked = 0;
		for (JsonNode group : Vectors.read("wycheproof-aes_gcm_test.json").get("testGroups")) {
			if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != 96
					|| group.get("tagSize").asInt() != 128) {
				continue;
			}
			for (JsonNode test : group.get("tests")) {
				byte[] key = hex(test, "key");
				byte[] iv = hex(test, "iv");
				byte[] aad = hex(test, "aad");
				byte[] msg = hex(test, "msg");
				byte[] sealed = new Wire.Fields().bytes(hex(test, "ct")).bytes(hex(test, "tag")).toBytes();
				if ("invalid".equals(test.get("result").asText())) {
					assertThatExceptionOfType(CryptoException.class).as("tcId %s", test.get("tcId"))
						.isThrownBy(() -> AesGcm.open(key, iv, aad, sealed, 0, sealed.length));
				}
				else {
					assertThat(AesGcm.seal(key, iv, aad, msg, 0, msg.length, new byte[0])).isEqualTo(sealed);
					assertThat(openUnchecked(key, iv, aad, sealed)).isEqualTo(msg);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	@Test
	void hkdfWhenWycheproofThenOutputMatchesOrSizeIsRefused() {
		int checked = 0;
		for (JsonNode test : tests("wycheproof-hkdf_sha256_test.json")) {
			byte[] ikm = hex(test, "ikm");
			byte[] salt = hex(test, "salt");
			byte[] info = hex(test, "info");
			int size = test.get("size").asInt();
			if ("invalid".equals(test.get("result").asText())) {
				assertThatThrownBy(() -> Hkdf.derive(ikm, salt, info, size)).as("tcId %s", test.get("tcId"))
					.isInstanceOf(RuntimeException.class);
			}
			else {
				assertThat(Hkdf.derive(ikm, salt, info, size)).as("tcId %s", test.get("tcId"))
					.isEqualTo(hex(test, "okm"));
			}
			checked++;
		}
		assertThat(checked).isEqualTo(86);
	}

	private static byte[] agree(JsonNode test, byte[] publicKey) {
		byte[] shared = new byte[32];
		new X25519PrivateKeyParameters(hex(test, "private")).generateSecret(new X25519PublicKeyParameters(publicKey),
				shared, 0);
		return shared;
	}

	private static byte[] openUnchecked(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
		try {
			return AesGcm.open(key, iv, aad, sealed, 0, sealed.length);
		}
		catch (CryptoException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Iterable<JsonNode> tests(String file) {
		return () -> java.util.stream.StreamSupport.stream(Vectors.read(file).get("testGroups").spliterator(), false)
			.flatMap((group) -> java.util.stream.StreamSupport.stream(group.get("tests").spliterator(), false))
			.iterator();
	}

}
