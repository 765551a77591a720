"""kg query and kg dot as scripts drive them: formats, parameters, errors, saving.

usage: python3 query_command_test.py PATH/TO/kg
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

KG = None


def kg(*args):
    r = subprocess.run([KG, *args], capture_output=True, timeout=60)
    # Decoded by hand: text mode would turn CSV's CRLF into LF.
    return subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())


class QueryCommand(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.graph = os.path.join(self.dir, "g.json")
        made = kg("query", "--save", self.graph,
                  "CREATE (:Organization {name: 'Fund, \"One\"'})-[:INVESTS_IN {amount_max: 2.0e9, currency: 'EUR'}]->"
                  "(:Organization {name: 'Lab'})")
        self.assertEqual(made.returncode, 0, made.stderr)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_tsv_prints_a_header_and_literal_values_per_statement(self):
        r = kg("query", "-g", self.graph, "--format", "tsv",
               "MATCH (o:Organization) RETURN o.name AS name ORDER BY name; RETURN 1 AS one, 1.0 AS f, null AS n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "name\n'Fund, \"One\"'\n'Lab'\n\none\tf\tn\n1\t1.0\tnull\n")

    def test_csv_quotes_fields_per_rfc_4180(self):
        r = kg("query", "-g", self.graph, "--format", "csv", "MATCH (o:Organization) RETURN o.name ORDER BY o.name")
        self.assertEqual(r.stdout, "o.name\r\n\"'Fund, \"\"One\"\"'\"\r\n'Lab'\r\n")

    def test_json_writes_one_object_per_row(self):
        r = kg("query", "-g", self.graph, "--format", "json",
               "MATCH (a)-[r:invests-in]->(b) RETURN a.name AS investor, r.amount_max AS amount, b")
        rows = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual(rows, [{"investor": 'Fund, "One"', "amount": 2e9,
                                 "b": {"labels": ["Organization"], "properties": {"name": "Lab"}}}])

    def test_parameters_are_cypher_literals(self):
        r = kg("query", "--format", "tsv", "--param", "x=15e9", "--param", "who='l\\'IA'", "--param", "l=[1, 2]",
               "RETURN $x AS x, $who AS who, size($l) AS n")
        self.assertEqual(r.stdout, "x\twho\tn\n1.5e+10\t'l\\'IA'\t2\n")

    def test_timing_and_stats_go_to_standard_error(self):
        r = kg("query", "--timing", "--stats", "--format", "tsv", "CREATE (:A {k: 1})")
        self.assertEqual(r.stdout, "")
        lines = r.stderr.splitlines()
        self.assertRegex(lines[0], r"^Time: \d+\.\d{3} ms$")
        self.assertEqual(lines[1], "Stats: +nodes=1 -nodes=0 +relationships=0 -relationships=0 "
                                   "+labels=1 -labels=0 +properties=1 -properties=0")

    def test_a_script_may_hold_comments_and_semicolons_in_strings(self):
        script = os.path.join(self.dir, "q.cypher")
        with open(script, "w") as f:
            f.write("// count them; all\nMATCH (n) RETURN count(n) AS c;\n/* ; */ RETURN 'a;b' AS s;\n;\n")
        r = kg("query", "-g", self.graph, "--format", "tsv", "-f", script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "c\n2\n\ns\n'a;b'\n")

    def test_a_syntax_error_names_class_line_column_and_shows_a_caret(self):
        r = kg("query", "RETURN 1 +")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("SyntaxError"), r.stderr)
        self.assertIn("line 1, column", r.stderr)
        self.assertIn("^", r.stderr)

    def test_a_failed_statement_saves_nothing(self):
        out = os.path.join(self.dir, "out.json")
        r = kg("query", "-g", self.graph, "--save", out, "CREATE (:New); RETURN 1/0")
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(out))

    def test_save_writes_the_graph_after_the_last_statement(self):
        out = os.path.join(self.dir, "out.json")
        r = kg("query", "-g", self.graph, "--save", out, "MATCH (o {name: 'Lab'}) SET o:Startup")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = kg("query", "-g", out, "--format", "tsv", "MATCH (s:Startup) RETURN s.name")
        self.assertEqual(r.stdout, "s.name\n'Lab'\n")

    def test_usage_errors_exit_2(self):
        self.assertEqual(kg("query").returncode, 2)
        self.assertEqual(kg("query", "--format", "xml", "RETURN 1").returncode, 2)
        self.assertEqual(kg("query", "--param", "novalue", "RETURN 1").returncode, 2)
        self.assertEqual(kg("query", "--max-memory", "lots", "RETURN 1").returncode, 2)
        self.assertEqual(kg("frobnicate").returncode, 2)

    def test_a_runaway_query_stops_at_the_memory_budget_with_one_line(self):
        # Every pair of 8 nodes joined: the trails through them are astronomically many.
        r = kg("query", "--format", "tsv", "--max-memory", "16M",
               "UNWIND range(1, 8) AS i CREATE (:N {i: i}); "
               "MATCH (a:N), (b:N) WHERE a.i < b.i CREATE (a)-[:R]->(b); "
               "MATCH p = ()-[*]-() RETURN p")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertRegex(r.stderr, r"^TransientError: MemoryLimit: .*16 MiB.*--max-memory\)\n$")

    def test_max_memory_takes_sizes_with_units(self):
        for size in ("0", "1G", "512MiB", "4096K", "2000000000"):
            r = kg("query", "--format", "tsv", "--max-memory", size, "UNWIND range(1, 3) AS x RETURN collect(x) AS xs")
            self.assertEqual((r.returncode, r.stdout), (0, "xs\n[1, 2, 3]\n"), size)

    def test_a_broken_graph_file_is_named_with_line_and_column(self):
        bad = os.path.join(self.dir, "bad.json")
        with open(bad, "w") as f:
            f.write('{"nodes": [\n  {"id": 1,,}]}')
        r = kg("query", "-g", bad, "RETURN 1")
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"^kg query: .*bad\.json:2:\d+: ")
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)

    def test_dot_of_a_query_draws_only_what_it_returns(self):
        r = kg("dot", "-g", self.graph, "--query", "MATCH (o {name: 'Lab'}) RETURN o")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('label="Lab"', r.stdout)
        self.assertNotIn("Fund", r.stdout)
        r = kg("dot", "-g", self.graph, "--query", "MATCH p = ()-[:INVESTS_IN]->() RETURN p")
        self.assertIn('invests-in\\nup to 2 bn EUR', r.stdout)
        if shutil.which("dot"):
            svg = subprocess.run(["dot", "-Tsvg"], input=r.stdout, capture_output=True, text=True)
            self.assertEqual(svg.returncode, 0, svg.stderr)


if __name__ == "__main__":
    KG = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
