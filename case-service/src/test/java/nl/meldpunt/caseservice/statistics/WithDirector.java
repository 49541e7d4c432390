package nl.meldpunt.caseservice.statistics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a signed-in {@code Caller} of the given organisation, the way the
 * accounts feature will put one into the security context; a director unless
 * {@link #role()} says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
@WithSecurityContext(factory = WithDirectorSecurityContextFactory.class)
@interface WithDirector {

	String organisation();

	nl.meldpunt.caseservice.accounts.Role role() default nl.meldpunt.caseservice.accounts.Role.DIRECTOR;

}
