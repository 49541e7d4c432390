/**
 * The typed identifiers every module shares ({@code CaseId}, {@code OrganisationId},
 * {@code AccountId}); depends on nothing.
 */
package nl.meldpunt.caseservice.ids;
