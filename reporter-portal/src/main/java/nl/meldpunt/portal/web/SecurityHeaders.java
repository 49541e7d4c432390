package nl.meldpunt.portal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer. The CSP allows only this origin, no inline script and no
 * inline style; nothing is framed; no referrer leaves the page. Pages and API answers are
 * not cached, because a shared computer's cache must not keep a report's status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000");
		}
		String path = request.getRequestURI();
		if (!isStatic(path)) {
			response.setHeader("Cache-Control", "no-store");
		}
		chain.doFilter(request, response);
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/vendor/")
				|| path.startsWith("/meldpunt-crypto/") || path.startsWith("/meldpunt-base/");
	}

}
