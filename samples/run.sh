#!/usr/bin/env bash
# The main job on the samples: extract the sample articles into one graph, run
# the example queries, and draw the graph (DOT, and SVG when graphviz is here).
#   bash samples/run.sh [KG_BINARY] [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kg=${1:-$here/../build/cli/kg}
out=${2:-$here/../out}
mkdir -p "$out"

echo "== kg extract: samples/*.txt -> $out/graph.json"
"$kg" extract "$here" -o "$out/graph.json"

echo "== kg query: samples/queries.cypher"
"$kg" query -g "$out/graph.json" -f "$here/queries.cypher"

echo "== kg dot: $out/graph.dot"
"$kg" dot -g "$out/graph.json" -o "$out/graph.dot"
"$kg" dot -g "$out/graph.json" -o "$out/investments.dot" \
  --query "MATCH p = ()-[:INVESTS_IN]->() RETURN p"
if command -v dot >/dev/null; then
  dot -Tsvg "$out/graph.dot" -o "$out/graph.svg"
  dot -Tsvg "$out/investments.dot" -o "$out/investments.svg"
  echo "== graphviz: $out/graph.svg, $out/investments.svg"
else
  echo "== graphviz is not installed: no SVG (apt-get install graphviz)"
fi
