package nl.meldpunt.crypto.internal;

import java.security.SecureRandom;
import java.util.Arrays;

import nl.meldpunt.crypto.CryptoException;

/**
 * The Ed25519 adapter (RFC 8032, pure Ed25519, no context) over Bouncy Castle. Keys cross
 * this boundary as raw 32-byte values: the private key is the RFC 8032 seed.
 */
public final class Ed25519 {

	public static final int KEY_LENGTH = 32;

	public static final int SIGNATURE_LENGTH = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The y coordinates (little-endian) of the eight points of small order; a key with
	 * one of them, with either sign bit, lets anyone forge signatures for it.
	 */
	private static final byte[][] SMALL_ORDER_Y = {
			hex("0000000000000000000000000000000000000000000000000000000000000000"),
			hex("0100000000000000000000000000000000000000000000000000000000000000"),
			hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
			hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
			hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") };

	private Ed25519() {
	}

	public static byte[] generatePrivateKey() {
		byte[] seed = new byte[KEY_LENGTH];
		org.bouncycastle.math.ec.rfc8032.Ed25519.generatePrivateKey(RANDOM, seed);
		return seed;
	}

	public static byte[] publicKeyOf(byte[] privateKey) {
		byte[] out = new byte[KEY_LENGTH];
		org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(privateKey, 0, out, 0);
		return out;
	}

	public static byte[] sign(byte[] privateKey, byte[] message) {
		byte[] out = new byte[SIGNATURE_LENGTH];
		org.bouncycastle.math.ec.rfc8032.Ed25519.sign(privateKey, 0, message, 0, message.length, out, 0);
		return out;
	}

	/** Never throws: a malformed key or signature simply does not verify. */
	public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
		if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
			return false;
		}
		try {
			return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0,
					message.length);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The same rule in Java and in the browser: 32 bytes, a canonical y coordinate (below
	 * 2^255 - 19) and not a point of small order. A key that passes but is no curve point
	 * is harmless: no signature verifies under it, on either side.
	 */
	public static void checkPublicKey(byte[] publicKey) throws CryptoException {
		if (publicKey == null || publicKey.length != KEY_LENGTH) {
			throw new CryptoException("A signing public key is 32 bytes");
		}
		byte[] y = publicKey.clone();
		y[31] &= 0x7F;
		boolean aboveP = (y[31] == 0x7F) && ((y[0] & 0xFF) >= 0xED);
		for (int i = 1; i < 31 && aboveP; i++) {
			aboveP = y[i] == (byte) 0xFF;
		}
		if (aboveP) {
			throw new CryptoException("The signing public key is not canonically encoded");
		}
		for (byte[] small : SMALL_ORDER_Y) {
			if (Arrays.equals(small, y)) {
				throw new CryptoException("The signing public key is a point of small order");
			}
		}
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

}
