#!/usr/bin/env bash
# Shows (by hand, not in CI) that a standard generator decodes the spec's cancelReplace error bodies: generates
# openapi-generator's stock `python` client from the bundled REST document (generated/spec/spot-rest.yaml), installs
# it into a venv (pip, from the machine's package index), and decodes the body of every REST cancelReplace 400/409
# conformance vector (generated/spec/conformance/edge/rest-cancel-replace-*.json), printing both halves.
# It fails when a body with `data` decodes to data=None, or a half to the wrong member of OrderOrError.
#
#   scripts/python-cancel-replace-demo.sh        (after a build has made generated/spec/: mvn -B -ntp -o -pl spec process-resources)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${SPEC_BUNDLE:-$root/generated/spec}  # another bundle (e.g. an older release's) to compare
if [ ! -f "$bundle/spot-rest.yaml" ]; then
  echo "no $bundle/spot-rest.yaml: build the spec bundle first (mvn -B -ntp -o -pl spec process-resources)" >&2
  exit 2
fi
version=$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' "$root/pom.xml")
repo=${MAVEN_REPO:-$HOME/.m2/repository}
jar="$repo/org/openapitools/openapi-generator-cli/$version/openapi-generator-cli-$version.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -ntp -q dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$version")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== openapi-generator $version: stock python client from generated/spec/spot-rest.yaml"
java -jar "$jar" generate -g python -i "$bundle/spot-rest.yaml" -o "$work/client" \
  --package-name spot_rest_client --additional-properties=packageVersion=0.0.0 >"$work/generate.log" 2>&1 \
  || { cat "$work/generate.log"; exit 1; }
echo "== venv + pip install (the client and its dependencies from the package index)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work/client" >"$work/pip.log" 2>&1 || { cat "$work/pip.log"; exit 1; }
"$work/venv/bin/pip" list 2>/dev/null | grep -iE '^(pydantic|spot.rest.client|urllib3) ' | sed 's/^/   /'

echo "== decoding the cancelReplace error bodies"
"$work/venv/bin/python" - "$bundle"/conformance/edge/rest-cancel-replace-*.json <<'PY'
import json, sys
from spot_rest_client.models.cancel_replace_error import CancelReplaceError
from spot_rest_client.models.order import Order
from spot_rest_client.models.error_body import ErrorBody

def half(h):
    if h is None:
        return "None (not attempted)"
    inner = h.actual_instance
    if isinstance(inner, Order):
        return f"Order(symbol={inner.symbol}, orderId={inner.order_id}, status={inner.status}, clientOrderId={inner.client_order_id})"
    if isinstance(inner, ErrorBody):
        return f"ErrorBody(code={inner.code}, msg={inner.msg!r})"
    return f"?? {type(inner).__name__}"

bad = 0
for path in sys.argv[1:]:
    case = json.load(open(path))
    text = case["response"]["body"]["text"]
    raw = json.loads(text)
    err = CancelReplaceError.from_json(text)
    print(f"{path.rsplit('/', 1)[-1]}  (HTTP {case['response']['status']})")
    print(f"   code={err.code} msg={err.msg!r}")
    if err.data is None:
        print("   data=None" + ("  <-- WRONG: the body has data" if "data" in raw else "  (the body has no data)"))
        bad += "data" in raw
        continue
    d = err.data
    print(f"   data.cancelResult={d.cancel_result.value if d.cancel_result else None} "
          f"data.newOrderResult={d.new_order_result.value if d.new_order_result else None}")
    print(f"   data.cancelResponse   = {half(d.cancel_response)}")
    print(f"   data.newOrderResponse = {half(d.new_order_response)}")
    for key, got in (("cancelResponse", d.cancel_response), ("newOrderResponse", d.new_order_response)):
        want = raw["data"].get(key)
        kind = None if want is None else (ErrorBody if "code" in want else Order)
        if (got is None) != (kind is None) or (got is not None and not isinstance(got.actual_instance, kind)):
            print(f"   <-- WRONG: {key} should be {kind.__name__ if kind else None}")
            bad += 1
print(f"decoded: {len(sys.argv) - 1} bodies, {bad} wrong")
sys.exit(1 if bad else 0)
PY
