package nl.meldpunt.crypto.internal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.CryptoException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap small-order check of X25519 public keys gives the verdict of the scalar
 * multiplication it replaced: a key is refused exactly when a clamped scalar maps it to
 * an all-zero shared secret. Checked on every small-order encoding (both top bits), on
 * every key one bit away from one, and on seeded random keys; the Wycheproof low-order
 * vectors are refused in {@link WycheproofUnitTest}.
 */
class HpkeKeyCheckUnitTest {

	private static final String[] SMALL_ORDER = { "0000000000000000000000000000000000000000000000000000000000000000",
			"0100000000000000000000000000000000000000000000000000000000000000",
			"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
			"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
			"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
			"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
			"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" };

	@Test
	void checkPublicKeyWhenSmallOrderWithEitherTopBitThenRefusedLikeTheMultiplication() {
		for (String hex : SMALL_ORDER) {
			for (int top : new int[] { 0, 0x80 }) {
				byte[] key = HexFormat.of().parseHex(hex);
				key[31] |= (byte) top;
				assertThat(refusedByMultiplication(key)).as(hex).isTrue();
				assertThat(refusedByCheck(key)).as(hex).isTrue();
			}
		}
	}

	@Test
	void checkPublicKeyWhenOneBitAwayFromSmallOrderOrRandomThenSameVerdictAsTheMultiplication() {
		int compared = 0;
		for (String hex : SMALL_ORDER) {
			for (int bit = 0; bit < 255; bit++) {
				byte[] key = HexFormat.of().parseHex(hex);
				key[bit / 8] ^= (byte) (1 << (bit % 8));
				assertThat(refusedByCheck(key)).as("%s bit %d", hex, bit).isEqualTo(refusedByMultiplication(key));
				compared++;
			}
		}
		SplittableRandom random = new SplittableRandom(20261101);
		for (int i = 0; i < 5_000; i++) {
			byte[] key = new byte[32];
			random.nextBytes(key);
			assertThat(refusedByCheck(key)).isEqualTo(refusedByMultiplication(key)).isFalse();
			compared++;
		}
		assertThat(compared).isEqualTo(7 * 255 + 5_000);
	}

	@Test
	void checkPublicKeyWhenNot32BytesThenRefused() {
		assertThat(refusedByCheck(new byte[31])).isTrue();
		assertThat(refusedByCheck(new byte[33])).isTrue();
		assertThat(refusedByCheck(null)).isTrue();
	}

	private static boolean refusedByCheck(byte[] key) {
		try {
			Hpke.checkPublicKey(key);
			return false;
		}
		catch (CryptoException ex) {
			return true;
		}
	}

	/** The former check: one multiplication by a clamped scalar (a multiple of 8). */
	private static boolean refusedByMultiplication(byte[] key) {
		byte[] probe = new byte[32];
		probe[0] = 9;
		byte[] shared = new byte[32];
		try {
			new X25519PrivateKeyParameters(probe).generateSecret(new X25519PublicKeyParameters(key), shared, 0);
		}
		catch (IllegalStateException ex) {
			return true;
		}
		return Arrays.equals(shared, new byte[32]);
	}

}
