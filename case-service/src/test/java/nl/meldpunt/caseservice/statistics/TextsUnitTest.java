package nl.meldpunt.caseservice.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextsUnitTest {

	@Test
	void bundlesWhenComparedThenEveryEnglishTextHasADutchOneAndBack() throws IOException {
		Properties english = load("/statistics/messages.properties");
		Properties dutch = load("/statistics/messages_nl.properties");
		assertThat(dutch.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void ofWhenNoLanguageThenDutchLikeTheWorkspace() {
		assertThat(Texts.of(null).lang()).isEqualTo("nl");
		assertThat(Texts.of("nl").lang()).isEqualTo("nl");
		assertThat(Texts.of("en").get("report.method")).isEqualTo("Method");
		assertThatExceptionOfType(Texts.UnsupportedLanguage.class).isThrownBy(() -> Texts.of("fr"));
	}

	@Test
	void getWhenYearArgumentThenNoThousandsSeparator() {
		assertThat(Texts.of("nl").get("dashboard.title", 2026)).isEqualTo("Meldingen in cijfers: 2026");
	}

	@Test
	void countWhenHiddenThenLessThanKElseLocalisedNumber() {
		Texts dutch = Texts.of("nl");
		assertThat(dutch.count(PublishedCount.hidden(5))).isEqualTo("< 5");
		assertThat(dutch.count(PublishedCount.shown(1234))).isEqualTo("1.234");
		assertThat(Texts.of("en").count(PublishedCount.shown(1234))).isEqualTo("1,234");
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TextsUnitTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
