#!/bin/sh
# Rebuilds the vendored HPKE bundle from package-lock.json and records its SHA-256.
# Needs Node and npm; the Maven build never runs this, it uses the committed bundle.
set -eu
cd "$(dirname "$0")"
out=../src/main/resources/META-INF/resources/meldpunt-crypto/v1/vendor
npm ci --no-audit --no-fund
node_modules/.bin/esbuild hpke-entry.js --bundle --format=esm --target=es2020 \
	--legal-comments=inline --outfile="$out/hpke-core.js"
(cd "$out" && sha256sum hpke-core.js > hpke-core.js.sha256)
cat "$out/hpke-core.js.sha256"
