package nl.meldpunt.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nl.meldpunt.crypto.CryptoException;

/**
 * AES-256-GCM with a 96-bit nonce and a 128-bit tag. Uses the JDK's provider, which runs
 * on AES-NI; Bouncy Castle's lightweight GCM is several times slower on large items.
 */
public final class AesGcm {

	private static final SecureRandom RANDOM = new SecureRandom();

	private AesGcm() {
	}

	public static byte[] randomNonce() {
		byte[] nonce = new byte[Wire.NONCE_LENGTH];
		RANDOM.nextBytes(nonce);
		return nonce;
	}

	/**
	 * Encrypts {@code plaintext} and writes {@code prefix || ciphertext || tag} into one
	 * array, so callers need no second copy.
	 */
	public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length,
			byte[] prefix) {
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
			cipher.updateAAD(aad);
			byte[] out = new byte[prefix.length + length + Wire.TAG_LENGTH];
			System.arraycopy(prefix, 0, out, 0, prefix.length);
			cipher.doFinal(plaintext, offset, length, out, prefix.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Decrypts {@code input[offset..offset+length)} (ciphertext and tag). */
	public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] input, int offset, int length)
			throws CryptoException {
		if (length < Wire.TAG_LENGTH) {
			throw new CryptoException("Ciphertext is too short");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
			cipher.updateAAD(aad);
			return cipher.doFinal(input, offset, length);
		}
		catch (AEADBadTagException ex) {
			throw new CryptoException("Ciphertext does not open: wrong key, binding or tampered data");
		}
		catch (GeneralSecurityException ex) {
			throw new CryptoException("Ciphertext does not open", ex);
		}
	}

	private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
		if (key.length != Wire.KEY_LENGTH || nonce.length != Wire.NONCE_LENGTH) {
			throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key and a 12-byte nonce");
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(Wire.TAG_LENGTH * 8, nonce));
		return cipher;
	}

}
