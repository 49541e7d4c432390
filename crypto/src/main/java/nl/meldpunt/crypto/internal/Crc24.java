package nl.meldpunt.crypto.internal;

/**
 * CRC-24 as in OpenPGP (RFC 4880 §6.1: initial value 0xB704CE, polynomial 0x1864CFB). It
 * catches every error within a burst of 24 bits, so every wrong symbol of a base32 code
 * and every swap of two neighbouring symbols.
 */
public final class Crc24 {

	private Crc24() {
	}

	public static int of(byte[] bytes) {
		int crc = 0xB704CE;
		for (byte b : bytes) {
			crc ^= (b & 0xFF) << 16;
			for (int i = 0; i < 8; i++) {
				crc <<= 1;
				if ((crc & 0x1000000) != 0) {
					crc ^= 0x1864CFB;
				}
			}
		}
		return crc & 0xFFFFFF;
	}

}
