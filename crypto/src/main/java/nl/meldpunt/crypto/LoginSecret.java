package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The 32 bytes an adviser's browser sends at log-in. Derived from the passphrase
 * independently of the key that unwraps the private key, so the server, which sees only
 * this value (and stores only a slow hash of it), learns nothing that unwraps. Immutable.
 */
public final class LoginSecret {

	private final byte[] bytes;

	LoginSecret(byte[] bytes) {
		this.bytes = bytes;
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LoginSecret secret && MessageDigest.isEqual(this.bytes, secret.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "LoginSecret[redacted]";
	}

}
