/**
 * Meldpunt's end-to-end encryption: envelope format v1 (HPKE, RFC 9180), per-case content
 * keys, reporter tokens and passphrase-wrapped adviser keys. See
 * {@code crypto/FORMAT.md}.
 */
package nl.meldpunt.crypto;
