#!/usr/bin/env bash
# Shows that the build is reproducible: two clean builds, in two fresh clones at different paths, give byte-identical
# artifacts (every jar and the spec zip). Prints the sha256 of each and exits non-zero on any difference.
#   bash scripts/check-reproducible.sh        (about 2 minutes; uses the Maven and npm caches, offline)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in a b; do
  git clone -q "$root" "$work/$n"
  (cd "$work/$n" && mvn -B -ntp -o -q -DskipTests package >"$work/$n.log" 2>&1) || { tail -30 "$work/$n.log"; exit 1; }
  (cd "$work/$n" && find . -path ./src/it -prune -o \( -name '*.jar' -o -name '*.zip' \) -path '*/target/*' -print \
     | grep -v node_modules | sort | xargs sha256sum) >"$work/$n.sums"
done
cat "$work/a.sums"
if diff "$work/a.sums" "$work/b.sums"; then
  echo "reproducible: $(wc -l <"$work/a.sums") artifacts byte-identical across two clean builds"
else
  echo "NOT reproducible: the lines above differ"; exit 1
fi
