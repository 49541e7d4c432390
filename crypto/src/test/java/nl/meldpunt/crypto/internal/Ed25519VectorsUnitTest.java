package nl.meldpunt.crypto.internal;

import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.CryptoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Ed25519 adapter against RFC 8032 §7.1 (tests 1 to 3) and Wycheproof's
 * {@code ed25519_test.json}, and the shared public-key rule against Bouncy Castle's full
 * point validation. The small-order y coordinates are those of the eight torsion points
 * (0, 1, p-1 and the two of order 8), as libsodium's blocklist has them.
 */
class Ed25519VectorsUnitTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void signWhenRfc8032VectorsThenSameKeysAndSignatures() {
		String[][] vectors = { { "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
				"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
				"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
				{ "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
						"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
						"92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
				{ "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
						"fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
						"6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" } };
		for (String[] v : vectors) {
			byte[] seed = HEX.parseHex(v[0]);
			byte[] message = HEX.parseHex(v[2]);
			assertThat(HEX.formatHex(Ed25519.publicKeyOf(seed))).isEqualTo(v[1]);
			assertThat(HEX.formatHex(Ed25519.sign(seed, message))).isEqualTo(v[3]);
			assertThat(Ed25519.verify(HEX.parseHex(v[1]), message, HEX.parseHex(v[3]))).isTrue();
		}
	}

	@Test
	void verifyWhenWycheproofThenEveryResultAsExpected() {
		JsonNode root = Vectors.read("wycheproof-ed25519_test.json");
		int checked = 0;
		for (JsonNode group : root.get("testGroups")) {
			byte[] publicKey = Vectors.hex(group.get("publicKey"), "pk");
			for (JsonNode test : group.get("tests")) {
				boolean valid = "valid".equals(test.get("result").asText());
				assertThat(Ed25519.verify(publicKey, Vectors.hex(test, "msg"), Vectors.hex(test, "sig")))
					.as("tcId %s", test.get("tcId"))
					.isEqualTo(valid);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(root.get("numberOfTests").asInt());
	}

	@Test
	void checkPublicKeyWhenSmallOrderOrNonCanonicalThenRefusedAsBouncyCastleFullValidationDoes() {
		String[] smallOrder = { "0000000000000000000000000000000000000000000000000000000000000000",
				"0100000000000000000000000000000000000000000000000000000000000000",
				"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
				"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
				"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" };
		for (String hex : smallOrder) {
			for (int sign : new int[] { 0, 0x80 }) {
				byte[] key = HEX.parseHex(hex);
				key[31] |= (byte) sign;
				assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> Ed25519.checkPublicKey(key));
				assertThat(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(key, 0)).isFalse();
			}
		}
		for (int low = 0xED; low <= 0xFF; low++) {
			byte[] aboveP = HEX.parseHex("00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
			aboveP[0] = (byte) low;
			assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> Ed25519.checkPublicKey(aboveP));
		}
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> Ed25519.checkPublicKey(new byte[31]));
		for (int i = 0; i < 200; i++) {
			byte[] key = Ed25519.publicKeyOf(Ed25519.generatePrivateKey());
			assertThat(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(key, 0)).isTrue();
			try {
				Ed25519.checkPublicKey(key);
			}
			catch (CryptoException ex) {
				throw new AssertionError("a generated key was refused", ex);
			}
		}
	}

}
