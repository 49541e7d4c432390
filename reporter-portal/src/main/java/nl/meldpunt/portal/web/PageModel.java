package nl.meldpunt.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page template may use: {@code ${sri.of('/js/x.js')}} for the integrity of a
 * script. A model attribute, because Thymeleaf's restricted mode forbids bean references
 * in the attributes that carry URLs.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final ScriptIntegrity integrity;

	PageModel(ScriptIntegrity integrity) {
		this.integrity = integrity;
	}

	@ModelAttribute("sri")
	ScriptIntegrity sri() {
		return this.integrity;
	}

}
