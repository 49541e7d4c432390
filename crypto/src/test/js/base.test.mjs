// The base helpers both applications serve (META-INF/resources/meldpunt-base/v1/base.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const BASE = new URL("../../main/resources/META-INF/resources/meldpunt-base/v1/base.js", import.meta.url);
const { fromBase64Url, PROBLEM_TYPE_PREFIX, Problem, toBase64Url } = await import(fileURLToPath(BASE));

test("base64url round trip without padding, also over 32 KiB", () => {
	for (const length of [0, 1, 2, 3, 32, 0x8000 + 5]) {
		const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
		const text = toBase64Url(bytes);
		assert.doesNotMatch(text, /[+/=]/);
		assert.deepEqual(fromBase64Url(text), bytes);
		assert.equal(text, Buffer.from(bytes).toString("base64url"));
	}
});

test("a problem from a type knows its slug; one from a slug knows its type", () => {
	const fromType = new Problem(409, { type: PROBLEM_TYPE_PREFIX + "case-closed", detail: "Closed", fields: ["x"] });
	assert.equal(fromType.slug, "case-closed");
	assert.equal(fromType.message, "Closed");
	assert.deepEqual(fromType.fields, ["x"]);
	const fromSlug = new Problem(404, { slug: "unknown-case" });
	assert.equal(fromSlug.type, PROBLEM_TYPE_PREFIX + "unknown-case");
	assert.equal(fromSlug.message, "unknown-case");
	const nothing = new Problem(0, { detail: "offline" });
	assert.equal(nothing.slug, "other");
	assert.equal(nothing.type, "");
	assert.ok(nothing instanceof Error);
});
