"""The bad-input catalogue (docs/reliability.md): every case is refused with one
clear line on standard error and exit status 1 (2 for a usage error), within
a time limit, and never a crash.

usage: python3 bad_input_test.py PATH/TO/kg

The inputs, some of 100 MB, are generated into a temporary folder at run time.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

KG = None
TIME_LIMIT = 300  # seconds; a case that takes longer hangs
BIG = 100 * 1024 * 1024
DEEP = 100_000
HUGE_INTEGER = str(2 ** 70)
EXTRACT_SUMMARY = re.compile(r"^kg extract: \d+ articles, \d+ entities, \d+ relations, [0-9.]+ s$")
CRASH_SIGNS = ("Sanitizer", "terminate called", "Segmentation", "Aborted", "core dumped", "std::")


def node_link(node_json):
    """A node-link graph text holding one node written as `node_json` (bytes)."""
    return b'{"directed": true, "multigraph": true, "graph": {}, "nodes": [' + node_json + b'], "links": []}'


# Bad graph files: name -> contents (None: the file is missing; a folder is made for "folder.json").
GRAPH_FILES = {
    "empty.json": b"",
    "binary.json": bytes(range(256)) * 64,
    "invalid-utf8.json": node_link(b'{"id": "n0", "name": "caf\xe9 \xff\xfe"}'),
    "long-line.json": b'{"nodes": [{"id": "' + b"a" * BIG,
    "deep.json": node_link(b'{"id": "n0", "p": ' + b"[" * DEEP + b"]" * DEEP + b"}"),
    "huge-float.json": node_link(b'{"id": "n0", "p": 1e400}'),
    "huge-integer.json": node_link(b'{"id": "n0", "p": ' + HUGE_INTEGER.encode() + b"}"),
    "duplicate-key.json": node_link(b'{"id": "n0", "name": "a", "name": "b"}'),
    "missing.json": None,
}
GRAPHML_FILES = {
    "empty.graphml": b"",
    "binary.graphml": bytes(range(256)) * 64,
    "invalid-utf8.graphml": b'<graphml><graph edgedefault="directed"><node id="caf\xe9\xff"/></graph></graphml>',
    "long-line.graphml": b'<graphml><graph edgedefault="directed"><node id="' + b"a" * BIG,
    "deep.graphml": b"<graphml>" + b"<x>" * DEEP + b"</x>" * DEEP + b"</graphml>",
    "missing.graphml": None,
}
ARTICLES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 64,
    "invalid-utf8.txt": b"Une soci\xe9t\xe9 a lev\xe9 des fonds \xff\xfe.",
    "long-line.txt": b"word " * (BIG // 5),
    "missing.txt": None,
}


def nested(opening, middle, closing, depth=10_000):
    return opening * depth + middle + closing * depth


# Statements kg query refuses: (case, statement, the error class and detail the first line begins with).
# Each is one argument, so below 128 KiB (Linux's MAX_ARG_STRLEN).
STATEMENTS = [
    ("nested parentheses", "RETURN " + nested("(", "1", ")"), "SyntaxError"),
    ("nested lists", "RETURN " + nested("[", "1", "]"), "SyntaxError"),
    ("nested maps", "RETURN " + nested("{a: ", "1", "}"), "SyntaxError"),
    ("nested negations", "RETURN " + "NOT " * 10_000 + "true", "SyntaxError"),
    ("nested subqueries", "MATCH (n) WHERE " + nested("EXISTS { MATCH (n) WHERE ", "true", " }", 1_000) + " RETURN n",
     "SyntaxError"),
    ("a chain of 10,000 operators", "RETURN " + " + ".join(["1"] * 10_000), "SyntaxError"),
    ("unknown function", "RETURN no_such_function(1)", "SyntaxError: UnknownFunction"),
    ("wrong argument type", "RETURN toUpper(1)", "TypeError"),
    ("float overflow", "RETURN 1e400", "SyntaxError: FloatingPointOverflow"),
    ("integer overflow", "RETURN " + HUGE_INTEGER, "SyntaxError: IntegerOverflow"),
    ("invalid UTF-8", b"RETURN 'caf\xe9\xff'", "SyntaxError"),
]


def run(*args, stdin=None):
    r = subprocess.run([KG, *args], input=stdin, capture_output=True, timeout=TIME_LIMIT)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(dir=os.getcwd())
        for files in (GRAPH_FILES, GRAPHML_FILES, ARTICLES):
            for name, contents in files.items():
                if contents is not None:
                    with open(cls.path(name), "wb") as f:
                        f.write(contents)
        os.mkdir(cls.path("folder.json"))
        os.mkdir(cls.path("folder.graphml"))
        with open(cls.path("good.json"), "w") as f:
            f.write('{"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id": "n0"}], "links": []}')
        with open(cls.path("article.txt"), "w") as f:
            f.write("A short article with nothing in it.\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    @classmethod
    def path(cls, name):
        return os.path.join(cls.dir, name)

    def assert_refused(self, result, command, must_name=None, status=1, first_line_starts=None, extra_lines=0):
        """One line on standard error (a query error may add its statement and a caret line), the
        given exit status, nothing on standard output, no sign of a crash."""
        code, stdout, stderr = result
        self.assertEqual(code, status, stderr[:2000])
        self.assertEqual(stdout, b"")
        for sign in CRASH_SIGNS:
            self.assertNotIn(sign, stderr)
        # Lines end with "\n" only: an echoed statement may hold other line-break characters.
        lines = [line for line in stderr.rstrip("\n").split("\n") if not EXTRACT_SUMMARY.match(line)]
        self.assertGreaterEqual(len(lines), 1, stderr)
        self.assertLessEqual(len(lines), 1 + extra_lines, stderr[:2000])
        first = lines[0]
        self.assertLess(len(first), 400, "the message repeats the input: " + first[:400])
        self.assertTrue(first.startswith(first_line_starts or f"kg {command}: "), first)
        if must_name:
            self.assertIn(must_name, first)

    def test_bad_graph_files_are_refused_by_every_command_that_loads_one(self):
        out = self.path("out")
        for name in list(GRAPH_FILES) + ["folder.json"]:
            graph = self.path(name)
            for command, args in [("query", ["-g", graph, "RETURN 1"]), ("dot", ["-g", graph]),
                                  ("export", ["--format", "cypher", "-g", graph, "-o", out]),
                                  ("merge", [self.path("good.json"), graph, "-o", out]),
                                  ("import", [graph, "-o", out]), ("shell", [graph])]:
                if command == "shell" and name == "missing.json":
                    continue  # the shell starts a new graph that :save will write there
                with self.subTest(file=name, command=command):
                    self.assert_refused(run(command, *args, stdin=b""), command, must_name=name)
                    self.assertFalse(os.path.exists(out))

    def test_bad_graphml_files_are_refused(self):
        for name in list(GRAPHML_FILES) + ["folder.graphml"]:
            with self.subTest(file=name):
                self.assert_refused(run("import", self.path(name)), "import", must_name=name)

    def test_bad_articles_are_refused(self):
        for name in ARTICLES:
            with self.subTest(file=name):
                self.assert_refused(run("extract", self.path(name)), "extract", must_name=name)

    def test_bad_statements_fail_with_their_error_class(self):
        for case, statement, error in STATEMENTS:
            with self.subTest(case=case):
                # A syntax error adds the statement's line and a caret under the offending token.
                self.assert_refused(run("query", statement), "query", first_line_starts=error, extra_lines=2)

    def test_bad_scripts_are_refused(self):
        with open(self.path("binary.cypher"), "wb") as f:
            f.write(bytes(range(256)) * 64)
        for name, first_line_starts in [("missing.cypher", "kg query: "), (".", "kg query: "),
                                        ("binary.cypher", "SyntaxError")]:
            with self.subTest(script=name):
                self.assert_refused(run("query", "-f", self.path(name)), "query", first_line_starts=first_line_starts,
                                    must_name=None if first_line_starts == "SyntaxError" else name, extra_lines=2)

    def test_a_folder_where_an_output_file_is_expected_is_refused(self):
        folder = self.path("folder.json")
        for command, args in [("query", ["--save", folder, "CREATE (:A)"]),
                              ("extract", [self.path("article.txt"), "-o", folder]),
                              ("merge", [self.path("good.json"), "-o", folder]),
                              ("dot", ["-g", self.path("good.json"), "-o", folder]),
                              ("export", ["--format", "graphml", "-g", self.path("good.json"), "-o", folder])]:
            with self.subTest(command=command):
                self.assert_refused(run(command, *args), command, must_name="folder.json")
                self.assertEqual(os.listdir(folder), [])

    def test_a_bad_parameter_is_a_usage_error(self):
        # 50,000 deep: one argument may not exceed 128 KiB (Linux's MAX_ARG_STRLEN).
        for value in [nested("[", "1", "]", 50_000), "1e400", HUGE_INTEGER, "'unterminated"]:
            with self.subTest(value=value[:20]):
                self.assert_refused(run("query", "--param", "x=" + value, "RETURN $x"), "query", status=2,
                                    must_name="--param x")


if __name__ == "__main__":
    KG = os.path.abspath(sys.argv.pop(1))
    unittest.main()
