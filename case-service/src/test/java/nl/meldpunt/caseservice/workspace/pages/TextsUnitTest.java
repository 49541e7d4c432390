package nl.meldpunt.caseservice.workspace.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsUnitTest {

	@Test
	void messagesWhenBothLanguagesThenSameKeys() throws IOException {
		assertThat(load("workspace/messages_en.properties").keySet())
			.isEqualTo(load("workspace/messages.properties").keySet());
	}

	/**
	 * Every literal key the workspace's scripts ask {@code text("…")} for exists in both
	 * languages (a missing one would show the key itself).
	 */
	@Test
	void scriptsWhenReadThenEveryTextKeyTheyUseExistsInBothLanguages() throws IOException {
		Pattern call = Pattern.compile("\\btext\\(\"([A-Za-z0-9_.-]+)\"");
		List<String> keys = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/workspace/assets"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".js")).toList()) {
				Matcher calls = call.matcher(Files.readString(file));
				while (calls.find()) {
					keys.add(calls.group(1));
				}
			}
		}
		assertThat(keys).contains("propose.sent", "minutes.saved", "inbox.filter.none");
		assertThat(load("workspace/messages.properties").stringPropertyNames()).containsAll(keys);
		assertThat(load("workspace/messages_en.properties").stringPropertyNames()).containsAll(keys);
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
