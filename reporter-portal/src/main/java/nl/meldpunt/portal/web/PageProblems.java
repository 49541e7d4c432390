package nl.meldpunt.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.meldpunt.portal.caseservice.CaseServiceProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that cannot be shown (an unknown organisation, the case service away) becomes a
 * friendly page in the reporter's language with the right status.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final ProblemTranslator translator;

	PageProblems(ProblemTranslator translator) {
		this.translator = translator;
	}

	@ExceptionHandler
	String caseService(CaseServiceProblem problem, Locale locale, Model model, HttpServletResponse response) {
		return page(problem.status(), problem.slug(), locale, model, response);
	}

	@ExceptionHandler
	String portal(PortalProblem problem, Locale locale, Model model, HttpServletResponse response) {
		return page(problem.status(), problem.slug(), locale, model, response);
	}

	private String page(int status, String slug, Locale locale, Model model, HttpServletResponse response) {
		response.setStatus(ProblemTranslator.statusOr500(status));
		model.addAttribute("problem", this.translator.detail(slug, locale));
		Language language = Language.of(locale);
		model.addAttribute("lang", language.code());
		model.addAttribute("dir", language.dir());
		return "problem";
	}

}
