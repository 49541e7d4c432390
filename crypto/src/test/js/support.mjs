// Shared by the node tests: where the module and the committed vectors live.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export const MODULE = new URL("../../main/resources/META-INF/resources/meldpunt-crypto/v1/meldpunt-crypto.js",
	import.meta.url).href;
export const HPKE = new URL("../../main/resources/META-INF/resources/meldpunt-crypto/v1/vendor/hpke-core.js",
	import.meta.url).href;

export function vectors(name) {
	return JSON.parse(readFileSync(here(`../resources/vectors/${name}`), "utf8"));
}

export function vectorsPath(name) {
	return here(`../resources/vectors/${name}`);
}

export const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));
export const toHex = (b) => Buffer.from(b).toString("hex");
export const b64 = (s) => Uint8Array.from(Buffer.from(s, "base64url"));
export const toB64 = (b) => Buffer.from(b).toString("base64url");
export const utf8 = (s) => new TextEncoder().encode(s);
export const fromUtf8 = (b) => new TextDecoder().decode(b);
