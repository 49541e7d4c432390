/**
 * The machinery behind the public types: the HPKE and Ed25519 adapters over Bouncy
 * Castle, AES-GCM, HKDF, the passphrase KDFs, the wire format and the token encoding. Not
 * for callers outside the crypto module; the layouts are written down in
 * {@code crypto/FORMAT.md}.
 */
package nl.meldpunt.crypto.internal;
