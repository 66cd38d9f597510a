#!/usr/bin/env bash
# Compiles the README snippets that need Java 21+ (a switch with patterns), which the consumer's Java 17 build cannot.
# Uses $JAVA21_HOME, else the newest JDK >= 21 under /usr/lib/jvm. Without one it says so and compiles nothing:
# the rest of the consumer test still runs on Java 17.
#   compile-java21-snippets.sh <snippets/java21 dir> <classpath file> <out dir>
set -euo pipefail
src=$1 classpath_file=$2 out=$3
[ -d "$src" ] || { echo "java21 snippets: none in the README"; exit 0; }
javac=""
candidates=()
[ -n "${JAVA21_HOME:-}" ] && candidates+=("$JAVA21_HOME/bin/javac")
for j in /usr/lib/jvm/*/bin/javac; do candidates+=("$j"); done
for c in "${candidates[@]}"; do
  [ -x "$c" ] || continue
  major=$("$c" -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
  if [ "$major" -ge 21 ] 2>/dev/null; then javac=$c; break; fi
done
if [ -z "$javac" ]; then
  echo "WARNING java21 snippets: no JDK 21+ found (set JAVA21_HOME); $(ls "$src" | wc -l) snippet(s) NOT compiled"
  exit 0
fi
mkdir -p "$out"
"$javac" --release 21 -Werror -d "$out" -cp "$(cat "$classpath_file")" $(find "$src" -name '*.java')
echo "java21 snippets: $(find "$src" -name '*.java' | wc -l) compiled with $javac --release 21"
