#!/usr/bin/env bash
# networkx must read kg's node-link JSON with every node, link and property
# intact, and graphviz must render kg's DOT. Skips (77) when a client is
# missing, except under CI, where a missing client is a failure.
set -euo pipefail
writer=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
missing() {
  echo "$1 is not installed: $2"
  if [ "${CI:-}" = true ]; then exit 1; else exit 77; fi
}
python=""
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import networkx' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || missing networkx "apt-get install python3-networkx"
command -v dot >/dev/null || missing graphviz "apt-get install graphviz"

"$writer" "$dir/g.json" "$dir/g.dot"

"$python" - "$dir/g.json" <<'PY'
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    g = nx.node_link_graph(data, edges="links")
except TypeError:
    g = nx.node_link_graph(data)
assert g.is_directed() and g.is_multigraph(), "not a directed multigraph"
assert g.number_of_nodes() == 3, g.number_of_nodes()
assert g.number_of_edges() == 3, g.number_of_edges()
names = sorted(d["name"] for _, d in g.nodes(data=True))
assert names == sorted(['Say "hi"\\n <b>&amp;</b>', "two\nlines\tand \x01 control", "États-Unis"]), names
amounts = sorted(d.get("amount_min", 0) for _, _, d in g.edges(data=True))
assert amounts == [0, 0, 1.5e9], amounts
assert isinstance(dict(g.nodes(data=True))["n2"]["score"], float)
types = sorted(d["type"] for _, _, d in g.edges(data=True))
assert types == ["BASED_IN", "INVESTS_IN", "INVESTS_IN"], types
print("networkx", nx.__version__, "read", g.number_of_nodes(), "nodes and", g.number_of_edges(), "links")
PY
dot -Tsvg "$dir/g.dot" -o "$dir/g.svg"
grep -q "<svg" "$dir/g.svg"
echo "graphviz rendered $(wc -c < "$dir/g.svg") bytes of SVG"
