#!/usr/bin/env python3
"""`kg extract` on samples/: one merged graph where every relationship carries
its provenance and evidence, identical whatever the thread count.

usage: samples_test.py KG SAMPLES_DIR
"""
import json
import re
import subprocess
import sys

kg, samples = sys.argv[1], sys.argv[2]


def extract(threads):
    run = subprocess.run([kg, "extract", "--threads", str(threads), samples],
                         capture_output=True, text=True, check=True)
    assert "articles" in run.stderr.splitlines()[-1], run.stderr
    return run.stdout


one, two = extract(1), extract(2)
assert one == two, "the graph depends on --threads"
timed = subprocess.run([kg, "extract", "--timing", samples], capture_output=True, text=True, check=True)
assert timed.stdout == one, "--timing changes the graph"
stages = r"Time: rules [\d.]+ ms, listing [\d.]+ ms, extraction [\d.]+ ms, writing [\d.]+ ms"
assert re.fullmatch(stages, timed.stderr.splitlines()[-1]), timed.stderr
graph = json.loads(one)
nodes = {n["id"]: n for n in graph["nodes"]}
assert graph["links"], "no relationship extracted from samples/"
for link in graph["links"]:
    for key in ("document", "sentence_index", "start", "end", "evidence", "evidence_count", "rule"):
        assert key in link, f"{key} missing on {link}"
    assert link["start"] < link["end"]
    assert link["evidence"] in link["all_evidence"]
    assert link["source"] in nodes and link["target"] in nodes
types = {link["type"] for link in graph["links"]}
assert types == {"INVESTS_IN", "FOUNDED", "COMPETES_WITH", "PART_OF", "CREATED", "BASED_IN"}, types
for node in nodes.values():
    assert node["labels"] and node["name"] and isinstance(node["aliases"], list) and node["documents"]
print(f"ok: {len(nodes)} nodes, {len(graph['links'])} relationships, all with evidence")
