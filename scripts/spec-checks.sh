#!/usr/bin/env bash
# Proves two promises of the build on a scratch copy of the specs:
#   1. a change to the spec reaches the Java model on the next build (no hand-edited generated code);
#   2. an invalid spec fails the build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/pom.xml" "$root/spec" "$root/generator-templates" "$work/" 2>/dev/null || true
mkdir -p "$work/src/sdk" && cp "$root/src/sdk/pom.xml" "$work/src/sdk/"
rm -rf "$work/generator-templates/asyncapi/node_modules"
gen() { (cd "$work" && mvn -B -q -o -f src/sdk/pom.xml org.openapitools:openapi-generator-maven-plugin:generate@rest >"$work/gen.log" 2>&1); }

# 1. add an optional field to a response schema and regenerate
python3 - "$work/spec/common/spot-common.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
anchor = "      properties:\n        serverTime: {type: integer, format: int64}\n"
assert anchor in s, "ServerTime schema not found"
s = s.replace(anchor, anchor + "        leapSecondsApplied: {type: integer, format: int32}\n", 1)
open(p, "w").write(s)
PY
gen || { cat "$work/gen.log"; echo "spec-checks: generation failed on a valid change"; exit 1; }
model="$work/generated/openapi/src/main/java/io/spotsdk/model/ServerTime.java"
if grep -q '@JsonProperty("leapSecondsApplied") Integer leapSecondsApplied' "$model"; then
  echo "spec-checks: regenerate on spec change: OK (ServerTime gained leapSecondsApplied)"
else
  echo "spec-checks: regenerate on spec change: FAILED"; cat "$model"; exit 1
fi

# 2. an invalid spec must fail the build
sed -i 's/^openapi: 3.0.3$/openapi: 3.0.3\nthisIsNotAnOpenApiField: true/' "$work/spec/spot-rest.yaml"
sed -i '0,/      operationId: ping/s//      operationId: ping\n      responses: not-a-map/' "$work/spec/spot-rest.yaml"
if gen; then
  echo "spec-checks: invalid spec: FAILED (the build accepted it)"; exit 1
fi
echo "spec-checks: invalid spec fails the build: OK"
