package nl.meldpunt.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in every language, and no template carries literal text a reporter
 * would read: every word comes from {@code messages_*.properties}.
 */
class I18nUnitTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	/**
	 * Every key in every language of {@link Language}, none blank, and the same
	 * placeholders as in Dutch: a key missing in Turkish, Arabic or Polish fails here.
	 */
	@Test
	void messagesWhenComparedThenEveryKeyInEveryLanguage() throws IOException {
		Properties dutch = load("messages_nl.properties");
		assertThat(dutch.stringPropertyNames()).isNotEmpty();
		assertThat(Language.values()).extracting(Language::code).containsExactly("nl", "en", "tr", "ar", "pl");
		for (Language language : Language.values()) {
			Properties texts = load("messages_" + language.code() + ".properties");
			assertThat(texts.stringPropertyNames()).as(language.code()).isEqualTo(dutch.stringPropertyNames());
			texts.forEach((key, value) -> {
				assertThat(value.toString()).as(language.code() + " " + key).isNotBlank();
				assertThat(placeholders(value.toString())).as(language.code() + " " + key)
					.isEqualTo(placeholders(dutch.getProperty(key.toString())));
			});
		}
	}

	private static List<String> placeholders(String text) {
		return Pattern.compile("\\{\\d}").matcher(text).results().map(MatchResult::group).sorted().toList();
	}

	/**
	 * Every literal key a page's script asks {@code text("…")} for is a script text (sent
	 * to the page) and exists in every language; a missing one would show a generic error
	 * instead of the text.
	 */
	@Test
	void scriptsWhenReadThenEveryTextKeyTheyUseExistsInEveryLanguage() throws IOException {
		Pattern call = Pattern.compile("\\btext\\(\"([A-Za-z0-9_.-]+)\"");
		List<String> keys = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/js"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".js")).toList()) {
				Matcher calls = call.matcher(Files.readString(file));
				while (calls.find()) {
					keys.add(calls.group(1));
				}
			}
		}
		assertThat(keys).contains("js.decided", "js.meetingSent")
			.allSatisfy((key) -> assertThat(key).matches("(js|state|event|author|done)\\..+|problem\\.unexpected"));
		for (Language language : Language.values()) {
			Properties texts = load("messages_" + language.code() + ".properties");
			assertThat(texts.stringPropertyNames()).as(language.code()).containsAll(keys);
		}
	}

	@Test
	void templatesWhenReadThenNoUntranslatedLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		Pattern tag = Pattern.compile("<[^>\"]*(?:\"[^\"]*\"[^>\"]*)*>");
		Pattern attribute = Pattern.compile("\\s(?<!th:)(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"");
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			for (Path file : files.toList()) {
				String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
				for (String text : tag.matcher(html).replaceAll("\u0000").split("\u0000")) {
					if (text.chars().anyMatch(Character::isLetter)) {
						literals.add(file.getFileName() + ": " + text.strip());
					}
				}
				Matcher attributes = attribute.matcher(html);
				while (attributes.find()) {
					literals.add(file.getFileName() + ": " + attributes.group());
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void templatesWhenReadThenNoInlineScriptOrStyle() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			for (Path file : files.toList()) {
				String html = Files.readString(file);
				assertThat(html).as(file.toString())
					.doesNotContain(" style=")
					.doesNotContain("<style")
					.doesNotContainPattern("<script(?![^>]*\\bth:src=)[^>]*>")
					.doesNotContainPattern("\\son[a-z]+=\"");
			}
		}
	}

}
