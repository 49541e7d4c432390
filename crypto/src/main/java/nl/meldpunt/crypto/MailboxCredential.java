package nl.meldpunt.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The reporter's 32-byte mailbox credential, derived from the token and sent with every
 * reporter call. The server keeps only {@link #storageHash()}. Immutable.
 */
public final class MailboxCredential {

	public static final int LENGTH = 32;

	private final byte[] bytes;

	private MailboxCredential(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * @param bytes exactly 32 bytes
	 * @return the credential
	 * @throws CryptoException on any other length
	 */
	public static MailboxCredential fromBytes(byte[] bytes) throws CryptoException {
		if (bytes == null || bytes.length != LENGTH) {
			throw new CryptoException("A mailbox credential is 32 bytes");
		}
		return new MailboxCredential(bytes.clone());
	}

	static MailboxCredential ofDerived(byte[] bytes) {
		return new MailboxCredential(bytes);
	}

	public byte[] toBytes() {
		return this.bytes.clone();
	}

	/** Lower-case hex SHA-256 of the credential: what the server stores and looks up. */
	public String storageHash() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailboxCredential credential && MessageDigest.isEqual(this.bytes, credential.bytes);
	}

	@Override
	public int hashCode() {
		return storageHash().hashCode();
	}

	@Override
	public String toString() {
		return "MailboxCredential[redacted]";
	}

}
