package nl.meldpunt.portal.submission;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The filing call ({@link SubmissionApi#file}) without Spring MVC's dispatch: the
 * browser's filing is the one request the portal gets thousands of per second, and
 * finding its handler, building a model for it and converting its answer cost a quarter
 * of the portal's CPU per filing. The same controller method does the same checks (slug,
 * body limit, binding, validation, size, rate limit) and passes the same bytes on; a
 * refusal is answered by the same exception handlers, in the reporter's language, as if
 * the controller had thrown it. Runs after the headers ({@code SecurityHeaders}) and the
 * path and size checks ({@code RequestSizeLimit}); any other request goes on unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FilingShortPath extends OncePerRequestFilter {

	private static final Pattern PATH = Pattern.compile("/api/o/([^/]+)/cases");

	private final SubmissionApi api;

	private final LocaleResolver locales;

	private final HandlerExceptionResolver problems;

	private final HandlerMethod handler;

	FilingShortPath(SubmissionApi api, LocaleResolver localeResolver,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws NoSuchMethodException {
		this.api = api;
		this.locales = localeResolver;
		this.problems = problems;
		this.handler = new HandlerMethod(api,
				SubmissionApi.class.getDeclaredMethod("file", String.class, HttpServletRequest.class));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher path = PATH.matcher(request.getRequestURI());
		if (!path.matches()) {
			chain.doFilter(request, response);
			return;
		}
		// what the dispatcher would offer the exception handlers: the reporter's language
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		ResponseEntity<byte[]> answer;
		try {
			answer = this.api.file(path.group(1), request);
		}
		catch (RuntimeException ex) {
			if (this.problems.resolveException(request, response, this.handler, ex) == null) {
				throw ex;
			}
			return;
		}
		byte[] body = answer.getBody();
		response.setStatus(answer.getStatusCode().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		if (body != null) {
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

}
