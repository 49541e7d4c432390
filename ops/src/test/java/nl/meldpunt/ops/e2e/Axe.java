package nl.meldpunt.ops.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/** axe-core, injected into the page under test only (the applications never serve it). */
public final class Axe {

	private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private Axe() {
	}

	/** WCAG 2.0/2.1 A and AA violations axe-core finds on the current page. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(JavascriptExecutor page) {
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
			page.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
					.then((result) => done(result.violations.map((v) => ({ id: v.id,
						nodes: v.nodes.map((n) => n.target.join(' ')).join(' | ') }))));
				""");
		return violations.stream().map((v) -> v.get("id") + " -> " + v.get("nodes")).toList();
	}

}
