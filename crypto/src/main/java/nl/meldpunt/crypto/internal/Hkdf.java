package nl.meldpunt.crypto.internal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869) from Bouncy Castle. */
public final class Hkdf {

	private Hkdf() {
	}

	public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(ikm, salt, info));
		byte[] out = new byte[length];
		hkdf.generateBytes(out, 0, length);
		return out;
	}

	public static byte[] derive(byte[] ikm, String salt, String info, int length) {
		return derive(ikm, salt.getBytes(StandardCharsets.UTF_8), info.getBytes(StandardCharsets.UTF_8), length);
	}

}
