#!/usr/bin/env bash
# Takes the spec baseline: the bundle of a release, which SpecChangeTest compares every later build's spec with.
# Run it when a version is released, on the released sources, and commit spec/baseline/:
#
#   scripts/spec-baseline.sh 0.1.0
#
# It bundles spec/ exactly as the build does (generator-templates/spec-bundle/bundle.js), stamped with the release's
# version rather than the pom's -SNAPSHOT, and keeps what the comparison reads: the bundled REST and WebSocket
# documents, the meanings table, and VERSION (the release they belong to).
set -euo pipefail
version=${1:-}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: $0 <released version, e.g. 0.1.0>" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
baseline="$root/spec/baseline"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the bundler reads YAML with the AsyncAPI template's pinned library
(cd "$root/generator-templates/asyncapi" && node npm-ci-if-needed.js)
node "$root/generator-templates/spec-bundle/bundle.js" --spec-dir "$root/spec" --out "$work/bundle" --version "$version"

rm -rf "$baseline"
mkdir -p "$baseline"
cp "$work/bundle/spot-rest.yaml" "$work/bundle/spot-ws-api.yaml" "$baseline/"
if [ -f "$work/bundle/meanings.json" ]; then
  cp "$work/bundle/meanings.json" "$baseline/"
else
  echo "spec-baseline: the bundle has no meanings.json; the baseline's meanings cannot be compared" >&2
fi
echo "$version" > "$baseline/VERSION"
echo "spec-baseline: spec/baseline/ is the spec of release $version ($(ls "$baseline" | tr '\n' ' '))"
