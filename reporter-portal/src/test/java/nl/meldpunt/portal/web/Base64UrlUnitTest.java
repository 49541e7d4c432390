package nl.meldpunt.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Base64UrlUnitTest {

	@Test
	void decodedLengthWhenUnpaddedBase64UrlThenItsByteCount() {
		assertThat(Base64Url.Validator.decodedLength("")).isZero();
		assertThat(Base64Url.Validator.decodedLength("AA")).isEqualTo(1);
		assertThat(Base64Url.Validator.decodedLength("AAA")).isEqualTo(2);
		assertThat(Base64Url.Validator.decodedLength("AAAA")).isEqualTo(3);
		assertThat(Base64Url.Validator.decodedLength("A".repeat(43))).isEqualTo(32);
		assertThat(Base64Url.Validator.decodedLength("-_-_")).isEqualTo(3);
	}

	@Test
	void decodedLengthWhenPaddedStandardOrImpossibleThenMinusOne() {
		assertThat(Base64Url.Validator.decodedLength("AA==")).isEqualTo(-1);
		assertThat(Base64Url.Validator.decodedLength("+/AA")).isEqualTo(-1);
		assertThat(Base64Url.Validator.decodedLength("AAAAA")).isEqualTo(-1);
	}

}
