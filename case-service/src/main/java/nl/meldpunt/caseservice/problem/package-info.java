/**
 * Refusals every module may throw: a stable
 * {@link nl.meldpunt.caseservice.problem.Problem} code and a detail safe to show. No HTTP
 * here; {@code web} maps codes to statuses.
 */
package nl.meldpunt.caseservice.problem;
