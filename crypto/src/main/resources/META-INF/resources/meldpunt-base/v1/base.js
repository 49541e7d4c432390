// Meldpunt's base helpers, served by both applications from the crypto jar: base64url
// as every API speaks it (RFC 4648 section 5, no padding) and a refusal of an API as a
// Problem with its stable slug.

/** Problem types are this prefix plus a stable slug (docs/CONTRACTS.md section 3). */
export const PROBLEM_TYPE_PREFIX = "https://meldpunt.nl/problems/";

export function toBase64Url(bytes) {
	let binary = "";
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function fromBase64Url(value) {
	const base64 = value.replaceAll("-", "+").replaceAll("_", "/");
	const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * A refusal: the HTTP status (0 when nothing answered), the ProblemDetail `type` and its
 * stable slug (`login-failed`, `wrong-access-code`, …), a message fit to show and the
 * fields it names.
 */
export class Problem extends Error {
	constructor(status, { slug, type, detail, fields } = {}) {
		super(detail ?? slug ?? "");
		this.status = status;
		this.type = type ?? (slug ? PROBLEM_TYPE_PREFIX + slug : "");
		this.slug = slug ?? (this.type.split("/").pop() || "other");
		this.fields = fields ?? [];
	}
}
