package nl.meldpunt.crypto;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import nl.meldpunt.crypto.internal.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReporterTokenUnitTest {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final JsonNode derivations = Vectors.read("token-vectors.json").get("derivations");

	@Test
	void deriveWhenFixedEntropyThenMatchesCommittedVectors() throws Exception {
		assertThat(this.derivations.size()).isGreaterThanOrEqualTo(4);
		for (JsonNode d : this.derivations) {
			ReporterToken token = ReporterToken.ofEntropy(HexFormat.of().parseHex(d.get("entropy").asText()));
			assertThat(token.printable()).isEqualTo(d.get("token").asText());
			assertThat(ReporterToken.parse(d.get("token").asText())).isEqualTo(token);
			assertThat(HexFormat.of().formatHex(token.mailboxCredential().toBytes()))
				.isEqualTo(d.get("credential").asText());
			assertThat(token.mailboxCredential().storageHash()).isEqualTo(d.get("storageHash").asText());
			assertThat(HexFormat.of().formatHex(token.reporterKey().publicKey().toBytes()))
				.isEqualTo(d.get("reporterPublicKey").asText());
		}
	}

	@Test
	void deriveWhenSameTokenThenCredentialDiffersFromReporterKeyAndKeyIsReproducible() {
		ReporterToken token = ReporterToken.generate();
		byte[] credential = token.mailboxCredential().toBytes();

		assertThat(ReporterToken.CREDENTIAL_INFO).isNotEqualTo(ReporterToken.KEY_INFO);

		assertThat(credential).isNotEqualTo(token.reporterKey().publicKey().toBytes());
		assertThat(credential).isNotEqualTo(token.reporterKey().exposeSecretBytes());
		assertThat(token.reporterKey().exposeSecretBytes()).isEqualTo(token.reporterKey().exposeSecretBytes());
	}

	@Test
	void generateWhenCalledRepeatedlyThenDistinctPrintableTokens() throws Exception {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String printed = ReporterToken.generate().printable();
			assertThat(printed).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
			assertThat(ReporterToken.parse(printed).printable()).isEqualTo(printed);
			seen.add(printed);
		}
		assertThat(seen).hasSize(200);
	}

	@Test
	void parseWhenTypedLooselyThenSameToken() throws Exception {
		String printed = this.derivations.get(3).get("token").asText();
		ReporterToken token = ReporterToken.parse(printed);

		assertThat(ReporterToken.parse(printed.toLowerCase())).isEqualTo(token);
		assertThat(ReporterToken.parse(printed.replace("-", ""))).isEqualTo(token);
		assertThat(ReporterToken.parse(printed.replace('-', ' '))).isEqualTo(token);
		assertThat(ReporterToken.parse(printed.replace('0', 'O').replace('1', 'l'))).isEqualTo(token);
	}

	@Test
	void parseWhenAnySingleSymbolIsWrongThenFails() {
		String plain = this.derivations.get(3).get("token").asText().replace("-", "");
		int checked = 0;
		for (int i = 0; i < plain.length(); i++) {
			for (char c : ALPHABET.toCharArray()) {
				if (c != plain.charAt(i)) {
					String typo = plain.substring(0, i) + c + plain.substring(i + 1);
					assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(typo));
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(32 * 31);
	}

	@Test
	void parseWhenNeighboursSwappedOrSymbolMissingOrExtraThenFails() {
		for (JsonNode d : this.derivations) {
			String plain = d.get("token").asText().replace("-", "");
			for (int i = 0; i + 1 < plain.length(); i++) {
				if (plain.charAt(i) != plain.charAt(i + 1)) {
					String swapped = plain.substring(0, i) + plain.charAt(i + 1) + plain.charAt(i)
							+ plain.substring(i + 2);
					assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(swapped));
				}
			}
			assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(plain.substring(1)));
			assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(plain + "0"));
		}
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(""));
		assertThatExceptionOfType(CryptoException.class).isThrownBy(() -> ReporterToken.parse(null));
	}

	@Test
	void parseWhenNonAsciiLetterFoldsToValidSymbolsThenFails() throws Exception {
		// ß, ﬀ, ı and ſ upper-case to SS, FF, I and S: valid symbols.
		String[][] substitutions = { { "SS", "\u00df" }, { "FF", "\ufb00" }, { "1", "\u0131" }, { "S", "\u017f" } };
		for (String[] substitution : substitutions) {
			String plain;
			do {
				plain = ReporterToken.generate().printable().replace("-", "");
			}
			while (!plain.contains(substitution[0]));
			String typed = plain.replaceFirst(substitution[0], substitution[1]);

			assertThat(ReporterToken.parse(plain.toLowerCase())).isEqualTo(ReporterToken.parse(plain));
			assertThatExceptionOfType(CryptoException.class).as(substitution[1])
				.isThrownBy(() -> ReporterToken.parse(typed));
		}
	}

	@Test
	void toStringWhenLoggedThenRedacted() {
		ReporterToken token = ReporterToken.generate();

		assertThat(token.toString()).doesNotContain(token.printable().substring(0, 4)).contains("redacted");
		assertThat(token.mailboxCredential().toString()).contains("redacted");
	}

}
