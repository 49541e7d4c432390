/**
 * What both applications need to serve the browser files this jar ships
 * ({@code META-INF/resources/meldpunt-crypto/v1/},
 * {@code META-INF/resources/meldpunt-base/v1/}): their Subresource Integrity values.
 * Plain Java, like the rest of the module.
 */
package nl.meldpunt.crypto.browser;
