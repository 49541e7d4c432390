package nl.meldpunt.crypto.internal;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import static nl.meldpunt.crypto.internal.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9180 test vectors, mode 0, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM.
 */
class Rfc9180VectorsUnitTest {

	private final JsonNode vector = Vectors.read("rfc9180-base-x25519-hkdfsha256-aes256gcm.json").get(0);

	@Test
	void vectorWhenReadThenIsTheSuiteWeUse() {
		assertThat(this.vector.get("mode").asInt()).isZero();
		assertThat(this.vector.get("kem_id").asInt()).isEqualTo(0x20);
		assertThat(this.vector.get("kdf_id").asInt()).isEqualTo(1);
		assertThat(this.vector.get("aead_id").asInt()).isEqualTo(2);
	}

	@Test
	void derivePrivateKeyWhenVectorIkmThenMatchesVectorKeys() {
		assertThat(Hpke.derivePrivateKey(hex(this.vector, "ikmR"))).isEqualTo(hex(this.vector, "skRm"));
		assertThat(Hpke.derivePrivateKey(hex(this.vector, "ikmE"))).isEqualTo(hex(this.vector, "skEm"));
		assertThat(Hpke.publicKeyOf(hex(this.vector, "skRm"))).isEqualTo(hex(this.vector, "pkRm"));
	}

	@Test
	void sealDeterministicWhenVectorEphemeralThenMatchesEncAndFirstCiphertext() {
		JsonNode first = this.vector.get("encryptions").get(0);

		byte[] sealed = Hpke.sealDeterministic(hex(this.vector, "pkRm"), hex(this.vector, "info"), hex(first, "aad"),
				hex(first, "pt"), hex(this.vector, "ikmE"));

		assertThat(Arrays.copyOf(sealed, 32)).isEqualTo(hex(this.vector, "enc"));
		assertThat(Arrays.copyOfRange(sealed, 32, sealed.length)).isEqualTo(hex(first, "ct"));
	}

	@Test
	void openWhenVectorCiphertextThenReturnsVectorPlaintext() throws Exception {
		JsonNode first = this.vector.get("encryptions").get(0);
		byte[] input = new Wire.Fields().bytes(hex(this.vector, "enc")).bytes(hex(first, "ct")).toBytes();

		assertThat(Hpke.open(hex(this.vector, "skRm"), hex(this.vector, "info"), hex(first, "aad"), input))
			.isEqualTo(hex(first, "pt"));
	}

	@Test
	void contextWhenAllSequentialEncryptionsThenEachOpensAndExportsMatch() throws Exception {
		HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
		X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(hex(this.vector, "skRm"));
		HPKEContext context = hpke.setupBaseR(hex(this.vector, "enc"),
				new AsymmetricCipherKeyPair(sk.generatePublicKey(), sk), hex(this.vector, "info"));
		int opened = 0;
		for (JsonNode encryption : this.vector.get("encryptions")) {
			assertThat(context.open(hex(encryption, "aad"), hex(encryption, "ct"))).isEqualTo(hex(encryption, "pt"));
			opened++;
		}
		assertThat(opened).isEqualTo(257);
		for (JsonNode export : this.vector.get("exports")) {
			assertThat(context.export(hex(export, "exporter_context"), export.get("L").asInt()))
				.isEqualTo(hex(export, "exported_value"));
		}
	}

}
