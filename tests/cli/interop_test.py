"""Real clients read what kg writes, and kg reads what they write.

usage: python3 interop_test.py PATH/TO/kg CLIENT_CACHE_DIR TESTCASE

TESTCASE is one class below (Networkx, Graphviz, Kuzu, Cytoscape, CypherScript,
Neo4jCsv, Injection, Usage, Merge); CTest runs each as its own test. A test whose client is not
installed is skipped; the run then exits 77 (CTest's SKIP_RETURN_CODE), except
under CI=true, where a missing client is a failure. The npm packages (kuzu,
cytoscape) are installed on first use into CLIENT_CACHE_DIR.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

KG = None
CACHE = None
SAMPLES = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples"))
NPM_PACKAGES = {"kuzu": "kuzu@0.11.3", "cytoscape": "cytoscape@3.35.0"}

# Every format must carry these names through unchanged (GraphML's U+FFFD for
# control characters aside, which this graph does not use).
HOSTILE_NAMES = [
    'Say "hi", it\'s <b>&amp;</b>',
    "back\\slash, comma; semi|pipe^caret",
    "two\nlines\tand a tab",
    "Société Générale — 日本 🚀",
    "`backtick` [bracket] {brace}",
]
HOSTILE_GRAPH = (
    "CREATE (a:Organization {name: $n0, aliases: [$n1, 'plain'], score: 2.5, rank: 3, listed: true}),"
    " (b:Person {name: $n2, aliases: []}),"
    " (c:`Odd Label` {name: $n3, `odd key, with comma`: $n4}),"
    " (a)-[:INVESTS_IN {amount_min: 1.5e9, currency: 'EUR', all_sources: ['d1:0:1-2']}]->(c),"
    " (b)-[:FOUNDED]->(a), (b)-[:FOUNDED]->(a), (c)-[:`PART OF \"x\"`]->(a)"
)


def kg(*args, check=True, stdin=""):
    r = subprocess.run([KG, *args], capture_output=True, timeout=120, input=stdin.encode())
    out = subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())
    if check and out.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out


def missing(test, what):
    """Skips `test` because `what` is not installed; fails instead under CI."""
    if os.environ.get("CI") == "true":
        test.fail(f"{what} is not installed (required under CI)")
    test.skipTest(f"{what} is not installed")


def canonical(graph):
    """A kg node-link graph without its ids: sorted nodes and sorted links, each
    link naming its endpoints by their canonical form. Two graphs are the same
    graph when their canonical forms are equal."""
    def node_form(n):
        props = {k: v for k, v in n.items() if k not in ("id", "labels", "properties")}
        props.update(n.get("properties", {}))
        return json.dumps([sorted(n.get("labels", [])), props], sort_keys=True, ensure_ascii=False)

    forms = {n["id"]: node_form(n) for n in graph["nodes"]}
    links = []
    for link in graph.get("links", graph.get("edges", [])):
        props = {k: v for k, v in link.items() if k not in ("source", "target", "key", "id", "type", "properties")}
        props.update(link.get("properties", {}))
        links.append(json.dumps([forms[link["source"]], forms[link["target"]], link.get("type", "RELATED"), props],
                                sort_keys=True, ensure_ascii=False))
    return sorted(forms.values()), sorted(links)


def as_graphml_tools_see_it(graph):
    """The graph as a GraphML tool that ignores kg's key descriptions reads it:
    lists as their compact JSON text, names with characters other than
    letters, digits and . - _ : with those replaced by '_'."""
    for element in graph["nodes"] + graph["links"]:
        for key, value in list(element.items()):
            if key in ("id", "labels", "source", "target", "key", "type"):
                continue
            del element[key]
            if isinstance(value, list):
                value = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
            element[re.sub(r"[^A-Za-z0-9._:-]", "_", key)] = value
    return graph


def without_empty_lists(graph):
    """The graph without its empty list properties."""
    for element in graph["nodes"] + graph["links"]:
        for key in [k for k, v in element.items() if v == [] and k != "labels"]:
            del element[key]
    return graph


class Client(unittest.TestCase):
    """A temporary folder holding the hostile graph as g.json."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.graph = self.path("g.json")
        params = [arg for i, name in enumerate(HOSTILE_NAMES) for arg in ("--param", f"n{i}={cypher_string(name)}")]
        kg("query", *params, "--save", self.graph, HOSTILE_GRAPH)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def load(self, name):
        with open(self.path(name), encoding="utf-8") as f:
            return json.load(f)


def cypher_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'"


def pythons_with_networkx():
    """Every interpreter here that imports networkx (pyenv's 3.x and Debian's 2.8, say)."""
    found = {}
    for python in ("python3", "/usr/bin/python3", sys.executable):
        exe = shutil.which(python)
        if not exe:
            continue
        r = subprocess.run([exe, "-c", "import networkx; print(networkx.__version__)"], capture_output=True, text=True)
        if r.returncode == 0:
            found.setdefault(r.stdout.strip(), exe)
    return found


NX_ROUND_TRIP = r"""
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    g = nx.node_link_graph(data, edges="links")
except TypeError:  # networkx < 3.4
    g = nx.node_link_graph(data)
assert g.is_directed() and g.is_multigraph()
json.dump(nx.node_link_data(g), open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
"""

NX_READ_GRAPHML = r"""
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
nodes = {n: d for n, d in g.nodes(data=True)}
out = {"multigraph": g.is_multigraph(), "directed": g.is_directed(),
       "names": sorted(d["name"] for d in nodes.values()),
       "types": {k: type(v).__name__ for d in nodes.values() for k, v in d.items()},
       "labels": sorted(d.get("labels", "") for d in nodes.values()),
       "edges": sorted(d["type"] for _, _, d in g.edges(data=True)),
       "amount": [d["amount_min"] for _, _, d in g.edges(data=True) if "amount_min" in d]}
print(json.dumps(out))
nx.write_graphml(g, sys.argv[2])
"""

NX_WRITE_NATIVE = r"""
import json, sys
import networkx as nx
g = nx.MultiDiGraph(name="made by networkx", year=2024)
g.add_node(1, name="Alpha", weight=0.5)
g.add_node(2, name="Beta")
g.add_edge(1, 2, type="INVESTS_IN", amount=10)
g.add_edge(1, 2)
data = nx.node_link_data(g)
json.dump(data, open(sys.argv[1], "w"))
print("edges" if "edges" in data else "links")
"""


class Networkx(Client):
    def setUp(self):
        super().setUp()
        self.pythons = pythons_with_networkx()
        if not self.pythons:
            missing(self, "networkx (apt-get install python3-networkx)")

    def test_networkx_reads_kg_json_and_writes_one_kg_loads_as_the_same_graph(self):
        for version, python in self.pythons.items():
            with self.subTest(networkx=version):
                out = self.path(f"nx-{version}.json")
                r = subprocess.run([python, "-c", NX_ROUND_TRIP, self.graph, out], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                kg("import", out, "-o", self.path("back.json"))
                self.assertEqual(canonical(self.load("back.json")), canonical(self.load("g.json")))

    def test_kg_imports_what_networkx_writes_with_integer_ids_and_graph_attributes(self):
        for version, python in self.pythons.items():
            with self.subTest(networkx=version):
                out = self.path(f"native-{version}.json")
                r = subprocess.run([python, "-c", NX_WRITE_NATIVE, out], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                kg("import", out, "-o", self.path("native.json"))
                g = self.load("native.json")
                self.assertEqual(g["graph"], {"name": "made by networkx", "year": 2024})
                self.assertEqual(sorted(n["id"] for n in g["nodes"]), [1, 2])
                self.assertEqual(sorted(link.get("type") for link in g["links"]), ["INVESTS_IN", "RELATED"])
                rows = kg("query", "-g", self.path("native.json"), "--format", "tsv",
                          "MATCH (a {name: 'Alpha'})-[r:INVESTS_IN]->(b) RETURN a.weight, r.amount, b.name").stdout
                self.assertEqual(rows, "a.weight\tr.amount\tb.name\n0.5\t10\t'Beta'\n")

    def test_networkx_reads_kg_graphml_with_typed_attributes_and_kg_reads_networkx_graphml(self):
        kg("export", "--format", "graphml", "-g", self.graph, "-o", self.path("g.graphml"))
        if shutil.which("xmllint"):
            r = subprocess.run(["xmllint", "--noout", self.path("g.graphml")], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
        for version, python in self.pythons.items():
            with self.subTest(networkx=version):
                nx_graphml = self.path(f"nx-{version}.graphml")
                r = subprocess.run([python, "-c", NX_READ_GRAPHML, self.path("g.graphml"), nx_graphml],
                                   capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                seen = json.loads(r.stdout)
                self.assertTrue(seen["directed"] and seen["multigraph"])  # FOUNDED is there twice
                self.assertEqual(seen["names"], sorted(HOSTILE_NAMES[i] for i in (0, 2, 3)))
                self.assertEqual(seen["types"]["score"], "float")
                self.assertEqual(seen["types"]["rank"], "int")
                self.assertEqual(seen["types"]["listed"], "bool")
                self.assertEqual(seen["labels"], [":Odd Label", ":Organization", ":Person"])
                self.assertEqual(seen["edges"], ["FOUNDED", "FOUNDED", "INVESTS_IN", 'PART OF "x"'])
                self.assertEqual(seen["amount"], [1.5e9])
                # networkx's own GraphML back into kg: the same graph, except what
                # networkx drops with kg's key descriptions (lists, exact names).
                kg("import", nx_graphml, "-o", self.path("from-nx.json"))
                self.assertEqual(canonical(self.load("from-nx.json")),
                                 canonical(as_graphml_tools_see_it(self.load("g.json"))))
        # kg reads its own GraphML back with lists intact.
        kg("import", self.path("g.graphml"), "-o", self.path("from-kg.json"))
        self.assertEqual(canonical(self.load("from-kg.json")), canonical(self.load("g.json")))


class Graphviz(Client):
    def test_graphviz_renders_kg_dot(self):
        if not shutil.which("dot"):
            missing(self, "graphviz (apt-get install graphviz)")
        kg("dot", "-g", self.graph, "-o", self.path("g.dot"))
        r = subprocess.run(["dot", "-Tsvg", self.path("g.dot")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("<svg", r.stdout)
        self.assertIn("Société Générale", r.stdout)


def npm_package(test, name):
    """The folder of an npm package installed in the cache, installing it on first use."""
    if not shutil.which("node") or not shutil.which("npm"):
        missing(test, "node and npm (apt-get install nodejs npm)")
    prefix = os.path.join(CACHE, name)
    folder = os.path.join(prefix, "node_modules", name)
    if not os.path.isdir(folder):
        os.makedirs(prefix, exist_ok=True)
        r = subprocess.run(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund", NPM_PACKAGES[name]],
                           capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            missing(test, f"npm package {NPM_PACKAGES[name]} ({r.stderr.strip().splitlines()[-1:]})")
    return folder


KUZU_LOAD = r"""
// node -e SCRIPT PACKAGE FOLDER QUERIES.json: process.argv[1] is PACKAGE.
const kuzu = require(process.argv[1]);
const fs = require("fs");
const [folder, queriesFile] = process.argv.slice(2);
(async () => {
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  for (const file of ["schema.cypher", "copy.cypher"]) {
    const text = fs.readFileSync(folder + "/" + file, "utf8");
    for (const line of text.split("\n"))
      if (line.trim() && !line.startsWith("//")) await conn.query(line);
  }
  const out = [];
  for (const q of JSON.parse(fs.readFileSync(queriesFile, "utf8"))) {
    const result = await conn.query(q);
    out.push((await result.getAll()).map(row => Object.values(row)));
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e.message); process.exit(1); });
"""

# The README's example questions (samples/queries.cypher) as (kg, Kùzu) pairs:
# Kùzu spells label(n) for labels(n)[0] and shortest paths as [* SHORTEST 1..4].
SAMPLE_QUERIES = [
    ("MATCH (investor)-[r:INVESTS_IN]->(target) RETURN investor.name, target.name, r.amount_min, r.amount_max,"
     " r.currency, r.status",) * 2,
    ("MATCH (investor)-[:INVESTS_IN]->(:Organization {name: 'OpenAI'}) RETURN investor.name",) * 2,
    ("MATCH (a)-[:COMPETES_WITH]-(b), (investor)-[:INVESTS_IN]->(a), (investor)-[:INVESTS_IN]->(b)"
     " WHERE a.name < b.name RETURN DISTINCT a.name, b.name, investor.name",) * 2,
    ("MATCH (founder)-[:FOUNDED]->(thing) RETURN founder.name, labels(thing)[0], thing.name",
     "MATCH (founder)-[:FOUNDED]->(thing) RETURN founder.name, label(thing), thing.name"),
    ("MATCH (n)-[r]-() RETURN n.name AS entity, count(r) AS relationships"
     " ORDER BY relationships DESC, entity LIMIT 10",) * 2,
    ("MATCH p = shortestPath((a {name: 'Masayoshi Son'})-[*..4]-(b {name: 'Stargate'})) RETURN length(p)",
     "MATCH p = (a {name: 'Masayoshi Son'})-[* SHORTEST 1..4]-(b {name: 'Stargate'}) RETURN length(p)"),
    ("MATCH (investor)-[r:INVESTS_IN]->(target) RETURN investor.name, target.name, r.evidence",) * 2,
]


def rows_equal(a, b):
    """Rows as sets: integers and floats of the same value are equal."""
    def norm(rows):
        return sorted(json.dumps([float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                                  for v in row], ensure_ascii=False) for row in rows)
    return norm(a) == norm(b)


class Kuzu(Client):
    def kuzu_rows(self, graph, queries):
        package = npm_package(self, "kuzu")
        kg("export", "--format", "kuzu", "-g", graph, "-o", self.path("kuzu"))
        with open(self.path("queries.json"), "w") as f:
            json.dump(queries, f)
        r = subprocess.run(["node", "-e", KUZU_LOAD, package, self.path("kuzu"), self.path("queries.json")],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def kg_rows(self, graph, query):
        out = kg("query", "-g", graph, "--format", "json", query).stdout
        return [list(json.loads(line).values()) for line in out.splitlines()]

    def test_kuzu_answers_the_example_queries_with_the_same_rows_as_kg(self):
        graph = self.path("samples.json")
        kg("extract", SAMPLES, "-o", graph)
        answers = self.kuzu_rows(graph, [kuzu for _, kuzu in SAMPLE_QUERIES])
        answered = 0
        for (query, _), kuzu_rows in zip(SAMPLE_QUERIES, answers):
            with self.subTest(query=query):
                kg_rows = self.kg_rows(graph, query)
                answered += bool(kg_rows)
                self.assertTrue(rows_equal(kg_rows, kuzu_rows), f"kg: {kg_rows}\nKùzu: {kuzu_rows}")
        self.assertGreaterEqual(answered, len(SAMPLE_QUERIES) - 1, "the samples answer too few example queries")

    def test_kuzu_loads_hostile_names_and_lists(self):
        query = "MATCH (n) RETURN n.name, n.aliases"
        [kuzu_rows] = self.kuzu_rows(self.graph, [query])
        self.assertTrue(rows_equal(self.kg_rows(self.graph, query), kuzu_rows), kuzu_rows)
        query = "MATCH (a)-[r]->(b) RETURN a.name, label(r), b.name"
        [kuzu_rows] = self.kuzu_rows(self.graph, [query])
        kg_rows = self.kg_rows(self.graph, "MATCH (a)-[r]->(b) RETURN a.name, type(r), b.name")
        self.assertTrue(rows_equal(kg_rows, kuzu_rows), kuzu_rows)


CYTOSCAPE_LOAD = r"""
// node -e SCRIPT PACKAGE ELEMENTS.json: process.argv[1] is PACKAGE.
const cytoscape = require(process.argv[1]);
const data = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({headless: true, elements: data.elements,
                      style: [{selector: "node.Organization", style: {"background-color": "red"}}]});
console.log(JSON.stringify({nodes: cy.nodes().length, edges: cy.edges().length,
  names: cy.nodes().map(n => n.data("name")).sort(), organizations: cy.nodes(".Organization").length,
  founded: cy.edges('[type = "FOUNDED"]').length}));
"""


class Cytoscape(Client):
    def test_cytoscape_js_loads_the_elements(self):
        package = npm_package(self, "cytoscape")
        kg("export", "--format", "cytoscape", "-g", self.graph, "-o", self.path("cy.json"))
        r = subprocess.run(["node", "-e", CYTOSCAPE_LOAD, package, self.path("cy.json")],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        seen = json.loads(r.stdout)
        self.assertEqual(seen, {"nodes": 3, "edges": 4, "names": sorted(HOSTILE_NAMES[i] for i in (0, 2, 3)),
                                "organizations": 1, "founded": 2})


class CypherScript(Client):
    def test_kg_runs_its_cypher_export_and_gets_the_same_graph_back(self):
        for graph in (self.graph, self.path("samples.json")):
            with self.subTest(graph=os.path.basename(graph)):
                if graph != self.graph:
                    kg("extract", SAMPLES, "-o", graph)
                kg("export", "--format", "cypher", "-g", graph, "-o", self.path("g.cypher"))
                kg("query", "-f", self.path("g.cypher"), "--save", self.path("back.json"))
                with open(graph, encoding="utf-8") as f:
                    original = json.load(f)
                self.assertEqual(canonical(self.load("back.json")), canonical(original))


def neo4j_value(text, column_type, array_delimiter="\x1f"):
    """A field as neo4j-admin import reads it, by its header type."""
    if column_type.endswith("[]"):
        return [neo4j_value(e, column_type[:-2]) for e in text.split(array_delimiter)] if text else []
    return {"long": int, "double": float, "boolean": lambda s: s == "true"}.get(column_type, str)(text)


class Neo4jCsv(Client):
    """No Neo4j here: the files are read back as neo4j-admin's documented header format reads them
    (an empty array field is read as no property, so empty lists are left out of the comparison)."""

    def test_neo4j_admin_files_rebuild_the_graph(self):
        r = kg("export", "--format", "neo4j-csv", "-g", self.graph, "-o", self.path("neo4j"))
        command = r.stdout.strip()
        self.assertTrue(command.startswith("neo4j-admin database import full "), command)
        self.assertIn("--array-delimiter=U+001F", command)
        nodes, links = {}, []
        for name in sorted(os.listdir(self.path("neo4j"))):
            self.assertIn(os.path.join(self.path("neo4j"), name), command)
            with open(os.path.join(self.path("neo4j"), name), newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header = [h.rsplit(":", 1) if not h.startswith(":") else ["", h[1:]] for h in rows[0]]
            for row in rows[1:]:
                record = {"props": {}}
                for (key, column_type), field in zip(header, row):
                    if not key:
                        record[column_type] = field
                    elif field != "":
                        record["props"][key] = neo4j_value(field, column_type)
                if "ID" in record:
                    nodes[record["ID"]] = {"id": record["ID"], "labels": record["LABEL"].split("\x1f"),
                                           **record["props"]}
                else:
                    links.append({"source": record["START_ID"], "target": record["END_ID"], "type": record["TYPE"],
                                  **record["props"]})
        self.assertEqual(canonical({"nodes": list(nodes.values()), "links": links}),
                         canonical(without_empty_lists(self.load("g.json"))))


# Names built to break a writer that forgets one escape: control characters,
# CR LF, and the metacharacters of DOT, HTML/XML, CSV and Cypher.
INJECTION_NAMES = [
    "ctrl \x01 bell \x07 esc \x1b del \x7f",
    "crlf\r\nline and lone\rcr",
    'dot "]; n9 [label="pwned"]; // \\N \\G \\l',
    "<TABLE><TR><TD>html</TD></TR></TABLE> &amp; &#0; ]]> <!-- -->",
    'csv "quoted", "", , trailing,',
    "cypher '}) DETACH DELETE n // `) MATCH (x) /*",
]
INJECTION_GRAPH = (
    "CREATE (a:`Back``Tick` {name: $n0, `k``ey 'q'`: $n1}), (b:Person {name: $n1}), (c:`<x>&` {name: $n2}),"
    " (d:Organization {name: $n3, tags: [$n4, $n5]}), (e:Organization {name: $n4}), (f {name: $n5}),"
    " (a)-[:`TY``PE \"q\"` {note: $n2}]->(b), (b)-[:`R,\nS` {note: $n3}]->(c), (e)-[:INVESTS_IN]->(f)"
)


def as_xml_carries(text):
    """`text` as XML 1.0 carries it: C0 control characters other than tab and line breaks as U+FFFD."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)


def graphviz_label(text):
    """A DOT label as graphviz shows it: its escapes (\\\\, \\n, \\l, \\r) read."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), text)


class Injection(unittest.TestCase):
    """Each format's own parser reads hostile names back unchanged (or changed only as the
    format documents): networkx (JSON), python's csv (neo4j-csv), kg's engine (the Cypher
    script), python's XML parser and networkx (GraphML), graphviz (DOT)."""

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.graph = os.path.join(self.dir, "g.json")
        params = [arg for i, name in enumerate(INJECTION_NAMES) for arg in ("--param", f"n{i}={cypher_string(name)}")]
        kg("query", *params, "--save", self.graph, INJECTION_GRAPH)
        with open(self.graph, encoding="utf-8") as f:
            self.saved = json.load(f)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def export(self, form, name):
        out = os.path.join(self.dir, name)
        kg("export", "--format", form, "-g", self.graph, "-o", out)
        return out

    def test_the_saved_json_holds_the_names_exactly(self):
        self.assertEqual(sorted(n["name"] for n in self.saved["nodes"]), sorted(INJECTION_NAMES))
        self.assertIn("Back`Tick", [label for n in self.saved["nodes"] for label in n["labels"]])
        self.assertEqual(sorted(link["type"] for link in self.saved["links"]), ["INVESTS_IN", "R,\nS", 'TY`PE "q"'])

    def test_networkx_reads_the_names(self):
        pythons = pythons_with_networkx()
        if not pythons:
            missing(self, "networkx (apt-get install python3-networkx)")
        for version, python in pythons.items():
            with self.subTest(networkx=version):
                r = subprocess.run([python, "-c", NX_ROUND_TRIP, self.graph, os.path.join(self.dir, "nx.json")],
                                   capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                with open(os.path.join(self.dir, "nx.json"), encoding="utf-8") as f:
                    self.assertEqual(canonical(json.load(f)), canonical(self.saved))

    def test_kg_runs_the_cypher_export_back_to_the_same_graph(self):
        script = self.export("cypher", "g.cypher")
        back = os.path.join(self.dir, "back.json")
        kg("query", "-f", script, "--save", back)
        with open(back, encoding="utf-8") as f:
            self.assertEqual(canonical(json.load(f)), canonical(self.saved))

    def test_python_csv_reads_the_neo4j_files(self):
        folder = self.export("neo4j-csv", "neo4j")
        names, notes = [], []
        for file in sorted(os.listdir(folder)):
            with open(os.path.join(folder, file), newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f, strict=True))
            self.assertTrue(all(len(row) == len(rows[0]) for row in rows), file)
            for row in rows[1:]:
                record = dict(zip(rows[0], row))
                names += [v for k, v in record.items() if k.startswith("name:") and v]
                notes += [v for k, v in record.items() if k.startswith("note:") and v]
        self.assertEqual(sorted(names), sorted(INJECTION_NAMES))
        self.assertEqual(sorted(notes), sorted(INJECTION_NAMES[2:4]))

    def test_an_xml_parser_and_networkx_read_the_graphml(self):
        import xml.etree.ElementTree as ET
        path = self.export("graphml", "g.graphml")
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.parse(path).getroot()
        keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
        names = [d.text or "" for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")
                 if keys.get(d.get("key")) == "name"]
        self.assertEqual(sorted(names), sorted(as_xml_carries(n) for n in INJECTION_NAMES))
        for version, python in pythons_with_networkx().items():
            with self.subTest(networkx=version):
                r = subprocess.run([python, "-c", NX_READ_GRAPHML, path, os.path.join(self.dir, "nx.graphml")],
                                   capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout)["names"], sorted(as_xml_carries(n) for n in INJECTION_NAMES))

    def test_graphviz_reads_the_dot_labels(self):
        if not shutil.which("dot"):
            missing(self, "graphviz (apt-get install graphviz)")
        path = os.path.join(self.dir, "g.dot")
        kg("dot", "-g", self.graph, "-o", path)
        r = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        drawn = json.loads(r.stdout)
        labels = sorted(graphviz_label(o["label"]) for o in drawn["objects"]
                        if o.get("name", "").startswith("n") and "label" in o)
        # DOT drops control characters and CR (docs/exports.md).
        expected = sorted(re.sub(r"[\x00-\x08\x0b-\x1f]", "", n) for n in INJECTION_NAMES)
        self.assertEqual(labels, expected)


class Usage(Client):
    def test_usage_errors_exit_2_and_bad_inputs_exit_1_writing_nothing(self):
        self.assertEqual(kg("export", "--format", "neo4j-csv", "-g", self.graph, check=False).returncode, 2)
        self.assertEqual(kg("export", "--format", "xml", "-g", self.graph, "-o", self.path("x"), check=False).returncode, 2)
        self.assertEqual(kg("export", "-g", self.graph, "-o", self.path("x"), check=False).returncode, 2)
        self.assertEqual(kg("import", self.graph, "--format", "csv", check=False).returncode, 2)
        with open(self.path("g.txt"), "w") as f:
            f.write("{}")
        self.assertEqual(kg("import", self.path("g.txt"), check=False).returncode, 2)
        self.assertEqual(kg("merge", check=False).returncode, 2)
        with open(self.path("bad.graphml"), "w") as f:
            f.write("<graphml><graph><node id='a'>")
        r = kg("import", self.path("bad.graphml"), "-o", self.path("out.json"), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.graphml", r.stderr)
        self.assertFalse(os.path.exists(self.path("out.json")))
        r = kg("merge", self.graph, self.path("bad.graphml"), "-o", self.path("out.json"), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path("out.json")))


class Merge(unittest.TestCase):
    def test_extracting_one_by_one_then_merging_gives_the_graph_of_one_run(self):
        folder = tempfile.mkdtemp()
        try:
            whole = os.path.join(folder, "whole.json")
            kg("extract", SAMPLES, "-o", whole)
            parts = []
            for name in sorted(os.listdir(SAMPLES)):
                if name.endswith(".txt"):
                    parts.append(os.path.join(folder, name + ".json"))
                    kg("extract", os.path.join(SAMPLES, name), "-o", parts[-1])
            merged = os.path.join(folder, "merged.json")
            kg("merge", *parts, "-o", merged)
            # Merging per batch, then merging the batches, gives it too.
            half = len(parts) // 2
            batches = [os.path.join(folder, "batch1.json"), os.path.join(folder, "batch2.json")]
            kg("merge", *parts[:half], "-o", batches[0])
            kg("merge", *parts[half:], "-o", batches[1])
            in_batches = os.path.join(folder, "in-batches.json")
            kg("merge", *batches, "-o", in_batches)
            with open(whole, encoding="utf-8") as f:
                expected = json.load(f)
            for result in (merged, in_batches):
                with open(result, encoding="utf-8") as f:
                    self.assertEqual(json.load(f), expected, os.path.basename(result))
        finally:
            shutil.rmtree(folder)

    def test_json_lines_then_merge_gives_the_graph_of_one_run(self):
        folder = tempfile.mkdtemp()
        try:
            names = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".txt"))
            records = []
            for name in names:
                path = os.path.join(SAMPLES, name)
                with open(path, encoding="utf-8") as f:
                    records.append(json.dumps({"id": path, "text": f.read()}))
            whole = os.path.join(folder, "whole.json")
            kg("extract", *[os.path.join(SAMPLES, n) for n in names], "-o", whole)
            # A blank line is skipped; two threads keep the input order.
            graphs = kg("extract", "--jsonl", "--threads", "2", stdin="\n".join(records[:3] + [""] + records[3:]) + "\n")
            lines = graphs.stdout.splitlines()
            self.assertEqual(len(lines), len(names))
            self.assertEqual([json.loads(line)["graph"]["sources"] for line in lines],
                             [[os.path.join(SAMPLES, n)] for n in names])
            merged = kg("merge", "-", stdin=graphs.stdout)
            with open(whole, encoding="utf-8") as f:
                self.assertEqual(json.loads(merged.stdout), json.load(f))
        finally:
            shutil.rmtree(folder)

    def test_a_refused_record_is_named_and_the_others_are_still_extracted(self):
        good = json.dumps({"id": "ok-1", "text": "Idris Fenwright fonde la société Ostrandel Labs à Rennes.", "date": "2026-03"})
        stdin = "\n".join([good, '{"id": "bad-json", "text": "unterminated}', json.dumps({"id": 7}),
                           json.dumps({"id": "d", "text": "x", "date": "March"}), good.replace("ok-1", "ok-2")])
        r = kg("extract", "--jsonl", check=False, stdin=stdin)
        self.assertEqual(r.returncode, 1)
        self.assertEqual([json.loads(line)["graph"]["sources"] for line in r.stdout.splitlines()], [["ok-1"], ["ok-2"]])
        self.assertRegex(r.stderr, r"<stdin>:2:\d+: ")
        self.assertIn("<stdin>:3:1: article '7': \"text\" must be a string", r.stderr)
        self.assertIn("<stdin>:4:1: article 'd': \"date\" must be", r.stderr)
        out = os.path.join(tempfile.mkdtemp(), "graphs.jsonl")
        r = kg("extract", "--jsonl", "-o", out, check=False, stdin=stdin)
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(kg("extract", check=False).returncode, 2)

    def test_names_identify_a_node_across_graphs_and_descriptions_do_not(self):
        folder = tempfile.mkdtemp()

        def graph(file, name, aliases, descriptions, document):
            node = {"id": "n0", "labels": ["Organization"], "name": name, "aliases": aliases,
                    "documents": [document]}
            if descriptions:
                node["descriptions"] = descriptions
            with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
                json.dump({"directed": True, "multigraph": True, "graph": {"sources": [document]},
                           "nodes": [node], "links": []}, f)
            return os.path.join(folder, file)

        try:
            parts = [graph("a.json", "Zorvanth Robotics", ["Zorvanth", "the start-up"], ["the start-up"], "a"),
                     graph("b.json", "Zorvanth Robotics Inc.", ["Zorvanth"], [], "b"),
                     graph("c.json", "Kelpmoor Motors", ["the start-up"], ["the start-up"], "c")]
            merged = json.loads(kg("merge", *parts).stdout)
            nodes = sorted(merged["nodes"], key=lambda n: n["name"])
            self.assertEqual([(n["name"], n["documents"]) for n in nodes],
                             [("Kelpmoor Motors", ["c"]), ("Zorvanth Robotics", ["a", "b"])])
            self.assertEqual(nodes[1]["aliases"], ["Zorvanth", "the start-up", "Zorvanth Robotics Inc."])
            self.assertEqual(nodes[1]["descriptions"], ["the start-up"])
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    KG = os.path.abspath(sys.argv.pop(1))
    CACHE = os.path.abspath(sys.argv.pop(1))
    suite = unittest.defaultTestLoader.loadTestsFromName(sys.argv.pop(1), sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        sys.exit(1)
    sys.exit(77 if result.skipped else 0)
