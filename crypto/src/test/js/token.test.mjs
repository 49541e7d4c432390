import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { MODULE, toHex, vectors } from "./support.mjs";

const m = await import(MODULE);
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const { derivations } = vectors("token-vectors.json");

test("deriveReporter when fixed tokens then credential, hash and public key match the Java vectors", async () => {
	assert.ok(derivations.length >= 4);
	for (const d of derivations) {
		const { credential, keyPair } = await m.deriveReporter(d.token);
		assert.equal(toHex(credential), d.credential);
		assert.equal(createHash("sha256").update(credential).digest("hex"), d.storageHash);
		assert.equal(toHex(keyPair.publicKey), d.reporterPublicKey);
		assert.notEqual(toHex(credential), toHex(keyPair.publicKey));
	}
});

test("generateToken when called then 8 groups of 4 symbols, parseable and distinct", () => {
	const seen = new Set();
	for (let i = 0; i < 200; i++) {
		const token = m.generateToken();
		assert.match(token, /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
		assert.equal(m.parseToken(token), token);
		seen.add(token);
	}
	assert.equal(seen.size, 200);
});

test("parseToken when typed loosely then canonical", () => {
	const token = derivations[3].token;
	assert.equal(m.parseToken(token.toLowerCase()), token);
	assert.equal(m.parseToken(token.replaceAll("-", "")), token);
	assert.equal(m.parseToken(token.replaceAll("-", " ")), token);
	assert.equal(m.parseToken(token.replaceAll("0", "O").replaceAll("1", "l")), token);
});

test("parseToken when any single symbol is wrong then TokenTypoError", () => {
	const token = derivations[3].token;
	const positions = [...token].map((c, i) => i).filter((i) => token[i] !== "-");
	let checked = 0;
	for (const i of positions) {
		for (const c of ALPHABET) {
			if (c !== token[i]) {
				assert.throws(() => m.parseToken(token.slice(0, i) + c + token.slice(i + 1)), m.TokenTypoError);
				checked++;
			}
		}
	}
	assert.equal(checked, 32 * 31);
});

test("parseToken when two neighbours are swapped, a symbol is missing or extra then TokenTypoError", () => {
	for (const d of derivations) {
		const plain = d.token.replaceAll("-", "");
		for (let i = 0; i + 1 < plain.length; i++) {
			if (plain[i] !== plain[i + 1]) {
				const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
				assert.throws(() => m.parseToken(swapped), m.TokenTypoError);
			}
		}
		assert.throws(() => m.parseToken(plain.slice(1)), m.TokenTypoError);
		assert.throws(() => m.parseToken(plain + "0"), m.TokenTypoError);
		assert.throws(() => m.parseToken(plain.slice(0, 10) + "U" + plain.slice(11)), m.TokenTypoError);
	}
	assert.throws(() => m.parseToken(""), m.TokenTypoError);
	assert.throws(() => m.parseToken(null), m.TokenTypoError);
});

test("parseToken when a non-ASCII letter folds to valid symbols then TokenTypoError", () => {
	// ß, ﬀ, ı and ſ upper-case to SS, FF, I and S; read after folding they would pass.
	const substitutions = [["SS", "\u00df"], ["FF", "\ufb00"], ["1", "\u0131"], ["S", "\u017f"]];
	for (const [plain, lookalike] of substitutions) {
		let token;
		do {
			token = m.generateToken().replaceAll("-", "");
		} while (!token.includes(plain));
		assert.equal(m.parseToken(token), m.parseToken(token.toLowerCase()));
		assert.throws(() => m.parseToken(token.replace(plain, lookalike)), m.TokenTypoError, lookalike);
	}
});
