/**
 * Meldpunt's end-to-end encryption: envelope format v1 (HPKE, RFC 9180), per-case content
 * keys with their purposes and epochs, reporter tokens, passphrase-wrapped adviser keys,
 * Ed25519 signing keys and the organisation's key book with its safety code. See
 * {@code crypto/FORMAT.md}.
 */
package nl.meldpunt.crypto;
