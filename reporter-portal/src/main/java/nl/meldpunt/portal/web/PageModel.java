package nl.meldpunt.portal.web;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.meldpunt.crypto.browser.ScriptIntegrity;

/**
 * What every page template may use: {@code ${sri.of('/js/x.js')}} for the integrity of a
 * script. A model attribute, because Thymeleaf's restricted mode forbids bean references
 * in the attributes that carry URLs.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final ScriptIntegrity integrity;

	PageModel(ResourceLoader resources) {
		this.integrity = new ScriptIntegrity(resources.getClassLoader());
	}

	@ModelAttribute("sri")
	ScriptIntegrity sri() {
		return this.integrity;
	}

}
