/**
 * What an operator's Prometheus may see: counts without names. Every metric here is a
 * plain count or an age; no tag carries an organisation, case, token, account or address
 * (the scrape test checks). The endpoint {@code /actuator/prometheus} answers loopback
 * callers only.
 */
package nl.meldpunt.caseservice.monitoring;
