package nl.meldpunt.caseservice.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.meldpunt.caseservice.problem.Problem;
import nl.meldpunt.internalapi.Limits;
import nl.meldpunt.internalapi.servlet.BoundedRequest;

/**
 * No request body is ever read past {@link Limits#MAX_BODY_BYTES}, whatever its path,
 * content type or declared length: the internal API's own limit, and the whole service's.
 * A declared length over it is refused before anything reads it; an undeclared one fails
 * as soon as it passes it (413 {@code request-too-large}). The chunk upload reads with
 * its own, tighter limit. The bounded stream is the internal API library's
 * {@link BoundedRequest}, the one the portal's filter uses too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > Limits.MAX_BODY_BYTES) {
			response.setHeader("Connection", "close");
			ProblemResponses.write(response, Problem.REQUEST_TOO_LARGE, "The request is too large.");
			return;
		}
		chain.doFilter(new BoundedRequest(request, Limits.MAX_BODY_BYTES), response);
	}

}
