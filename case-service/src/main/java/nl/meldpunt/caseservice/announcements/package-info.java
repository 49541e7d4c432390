/**
 * Content-free e-mail that tells people something changed and to look in the workspace:
 * every key-book change, to every adviser of the organisation (and to a hotline's
 * handlers for a change of their hotline's book), so that nobody can add or remove a
 * reader unnoticed.
 */
package nl.meldpunt.caseservice.announcements;
