package nl.meldpunt.portal.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses before the application sees them (a malformed URI, headers too
 * large) get a Meldpunt problem document instead of Tomcat's HTML page. The application
 * cannot know the reporter's language here, so the text is in both.
 */
public final class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String slug = ErrorProblems.slugFor(status);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + ProblemTranslator.TYPE_PREFIX + slug + "\",\"status\":" + status
						+ ",\"title\":\"Verzoek geweigerd / Request refused\",\"detail\":\"Dit verzoek kan"
						+ " Meldpunt niet lezen. / Meldpunt cannot read this request.\"}");
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer is under way: nothing more to say
		}
	}

	/** Installs the valve on the embedded Tomcat's host. */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		}

	}

}
