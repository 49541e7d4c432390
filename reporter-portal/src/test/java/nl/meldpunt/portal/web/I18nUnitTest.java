package nl.meldpunt.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Every text exists in both languages, and no template carries literal text a reporter
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

	@Test
	void messagesWhenComparedThenEveryKeyInBothLanguages() throws IOException {
		Properties dutch = load("messages_nl.properties");
		Properties english = load("messages_en.properties");
		assertThat(dutch.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
		dutch.forEach((key, value) -> assertThat(value.toString()).as("nl " + key).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
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
