package nl.meldpunt.crypto.internal;

import java.util.Arrays;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

import nl.meldpunt.crypto.CryptoException;

/**
 * The HPKE adapter: RFC 9180 base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and
 * AES-256-GCM, single-shot, from Bouncy Castle. Keys cross this boundary as raw 32-byte
 * X25519 values.
 */
public final class Hpke {

	public static final int ENC_LENGTH = 32;

	private Hpke() {
	}

	private static HPKE suite() {
		return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
	}

	/** A fresh private key from the CSPRNG. */
	public static byte[] generatePrivateKey() {
		AsymmetricCipherKeyPair pair = suite().generatePrivateKey();
		return ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
	}

	/** RFC 9180 DeriveKeyPair: the private key for input keying material {@code ikm}. */
	public static byte[] derivePrivateKey(byte[] ikm) {
		AsymmetricCipherKeyPair pair = suite().deriveKeyPair(ikm);
		return ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
	}

	public static byte[] publicKeyOf(byte[] privateKey) {
		return new X25519PrivateKeyParameters(privateKey).generatePublicKey().getEncoded();
	}

	/**
	 * Refuses public keys a sender must never seal to: wrong length, or a point of small
	 * order. X25519 ignores the top bit (RFC 7748 section 5) and every clamped scalar is
	 * a multiple of 8, so exactly the u-coordinates whose order divides 8 give an
	 * all-zero shared secret: 0, 1, p - 1, the two points of order 8, and the
	 * non-canonical p and p + 1. Comparing against those seven encodings (the same list
	 * libsodium keeps) is what the probe multiplication this replaced told, at a fraction
	 * of its cost (it ran once per filing in each application); HpkeKeyCheckUnitTest
	 * holds the two to the same verdicts.
	 */
	public static void checkPublicKey(byte[] publicKey) throws CryptoException {
		if (publicKey == null || publicKey.length != 32) {
			throw new CryptoException("A public key is 32 bytes");
		}
		for (byte[] smallOrder : SMALL_ORDER) {
			if (sameUpToTopBit(publicKey, smallOrder)) {
				throw new CryptoException("The public key is a point of small order");
			}
		}
	}

	/**
	 * The little-endian u-coordinates of small order, top bit clear: 0, 1, the two points
	 * of order 8, p - 1, p and p + 1 (p = 2^255 - 19).
	 */
	private static final byte[][] SMALL_ORDER = {
			hex("0000000000000000000000000000000000000000000000000000000000000000"),
			hex("0100000000000000000000000000000000000000000000000000000000000000"),
			hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
			hex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
			hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
			hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
			hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") };

	private static boolean sameUpToTopBit(byte[] key, byte[] smallOrder) {
		for (int i = 0; i < 31; i++) {
			if (key[i] != smallOrder[i]) {
				return false;
			}
		}
		return (key[31] & 0x7f) == smallOrder[31];
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

	/** Seals {@code plaintext}; returns {@code enc || ciphertext}. */
	public static byte[] seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
		HPKEContextWithEncapsulation ctx = suite().setupBaseS(new X25519PublicKeyParameters(recipientPublicKey), info);
		return concat(ctx, aad, plaintext);
	}

	/**
	 * As {@link #seal} with the ephemeral key derived from {@code ikmE}: for test vectors
	 * only.
	 */
	public static byte[] sealDeterministic(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext,
			byte[] ikmE) {
		HPKE hpke = suite();
		HPKEContextWithEncapsulation ctx = hpke.setupBaseS(new X25519PublicKeyParameters(recipientPublicKey), info,
				hpke.deriveKeyPair(ikmE));
		return concat(ctx, aad, plaintext);
	}

	private static byte[] concat(HPKEContextWithEncapsulation ctx, byte[] aad, byte[] plaintext) {
		try {
			byte[] enc = ctx.getEncapsulation();
			byte[] ct = ctx.seal(aad, plaintext);
			byte[] out = Arrays.copyOf(enc, enc.length + ct.length);
			System.arraycopy(ct, 0, out, enc.length, ct.length);
			return out;
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("HPKE seal failed", ex);
		}
	}

	/** Opens {@code enc || ciphertext} with the recipient's private key. */
	public static byte[] open(byte[] privateKey, byte[] info, byte[] aad, byte[] encAndCiphertext)
			throws CryptoException {
		if (encAndCiphertext.length < ENC_LENGTH + Wire.TAG_LENGTH) {
			throw new CryptoException("HPKE ciphertext is too short");
		}
		X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(privateKey);
		AsymmetricCipherKeyPair pair = new AsymmetricCipherKeyPair(sk.generatePublicKey(), sk);
		byte[] enc = Arrays.copyOf(encAndCiphertext, ENC_LENGTH);
		try {
			HPKEContext ctx = suite().setupBaseR(enc, pair, info);
			return ctx.open(aad, Arrays.copyOfRange(encAndCiphertext, ENC_LENGTH, encAndCiphertext.length));
		}
		catch (InvalidCipherTextException ex) {
			throw new CryptoException("Key envelope does not open: wrong recipient, binding or tampered data");
		}
		catch (RuntimeException ex) {
			// Bouncy Castle signals a small-order enc (all-zero shared secret) this way.
			throw new CryptoException("Key envelope does not open: invalid encapsulation");
		}
	}

}
