package nl.meldpunt.caseservice.workspace.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsUnitTest {

	@Test
	void messagesWhenBothLanguagesThenSameKeys() throws IOException {
		assertThat(load("workspace/messages_en.properties").keySet())
			.isEqualTo(load("workspace/messages.properties").keySet());
	}

	@Test
	void textsWhenEnglishThenEnglishAndJsonCannotCloseItsBlock() {
		assertThat(Texts.of("en").get("login.submit")).isEqualTo("Sign in");
		assertThat(Texts.of("fr").get("login.submit")).isEqualTo("Aanmelden");
		assertThat(Texts.of("nl").json()).contains("\"login.submit\":\"Aanmelden\"").doesNotContain("<");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TextsUnitTest.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
