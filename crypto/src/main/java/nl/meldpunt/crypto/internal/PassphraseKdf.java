package nl.meldpunt.crypto.internal;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** The slow passphrase KDFs, from Bouncy Castle; each yields 32 bytes. */
public final class PassphraseKdf {

	private PassphraseKdf() {
	}

	public static byte[] pbkdf2Sha256(byte[] passphrase, byte[] salt, int iterations) {
		PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
		generator.init(passphrase, salt, iterations);
		return ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
	}

	public static byte[] argon2id(byte[] passphrase, byte[] salt, int memoryKiB, int iterations, int parallelism) {
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withMemoryAsKB(memoryKiB)
			.withIterations(iterations)
			.withParallelism(parallelism)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] out = new byte[32];
		generator.generateBytes(passphrase, out);
		return out;
	}

}
