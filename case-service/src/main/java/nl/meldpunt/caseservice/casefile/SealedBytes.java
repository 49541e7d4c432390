package nl.meldpunt.caseservice.casefile;

import java.util.Arrays;
import java.util.Base64;

/** Immutable bytes of a ciphertext, key envelope or public key, comparable by content. */
public final class SealedBytes {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final byte[] bytes;

	private SealedBytes(byte[] bytes) {
		this.bytes = bytes;
	}

	public static SealedBytes of(byte[] bytes) {
		return new SealedBytes(bytes.clone());
	}

	public byte[] bytes() {
		return this.bytes.clone();
	}

	public int length() {
		return this.bytes.length;
	}

	public String base64Url() {
		return ENCODER.encodeToString(this.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SealedBytes that && Arrays.equals(this.bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "SealedBytes[" + this.bytes.length + " bytes]";
	}

}
