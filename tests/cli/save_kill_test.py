"""A kg killed with SIGKILL in the middle of a save leaves the old graph intact
and no partial file beside it.

usage: python3 save_kill_test.py PATH/TO/kg

kg loads a graph of tens of MB and saves it over a small one (kg query
--save). The test watches /proc/PID/fd for the file being written in the
output folder, waits a few milliseconds more (a different delay each round),
stops kg (SIGSTOP) to check it is still writing that file, then kills it
(SIGKILL). A round where kg had already finished writing is not a kill in the
middle of a save, and is tried again.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

KG = None
DELAYS = [0.0, 0.002, 0.01, 0.05]  # seconds between seeing the file open and the kill
TRIES = 8


def write_big_graph(path, nodes=250_000):
    """A chain of `nodes` nodes with some text each: about 60 MB of node-link JSON."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"directed": True, "multigraph": True, "graph": {},
                   "nodes": [{"id": i, "labels": ["Thing"], "name": f"thing {i}", "text": "lorem ipsum " * 12}
                             for i in range(nodes)],
                   "links": [{"source": i, "target": i + 1, "key": 0, "type": "NEXT"} for i in range(nodes - 1)]}, f)


def open_files_in(pid, folder):
    """What the files kg holds open inside `folder` link to (an O_TMPFILE file shows as 'FOLDER/#N (deleted)')."""
    found = []
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith(folder + os.sep):
                found.append(target)
    except OSError:
        pass
    return found


class KillDuringSave(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=os.getcwd())
        self.big = os.path.join(self.dir, "big.json")
        write_big_graph(self.big)
        self.out_dir = os.path.join(self.dir, "out")
        os.mkdir(self.out_dir)
        self.target = os.path.join(self.out_dir, "graph.json")
        made = subprocess.run([KG, "query", "--save", self.target, "CREATE (:Old {name: 'the old graph'})"],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(made.returncode, 0, made.stderr)
        with open(self.target, "rb") as f:
            self.old = f.read()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def kill_while_saving(self, delay):
        """Runs one save and kills it `delay` s after its output file appears; True when
        kg was still writing (the output file open and unnamed) at the kill."""
        kg = subprocess.Popen([KG, "query", "-g", self.big, "--save", self.target, "RETURN 1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while kg.poll() is None and not open_files_in(kg.pid, self.out_dir):
                time.sleep(0.0002)
            if kg.poll() is not None:
                return False
            time.sleep(delay)
            os.kill(kg.pid, signal.SIGSTOP)
            writing = open_files_in(kg.pid, self.out_dir)
            os.kill(kg.pid, signal.SIGKILL)
            kg.wait(timeout=60)
            if kg.returncode != -signal.SIGKILL:
                return False
            # Once the file is named (complete, an instant before the rename) the
            # kill is no longer in the middle of writing it.
            return bool(writing) and all(name.endswith(" (deleted)") for name in writing)
        finally:
            if kg.poll() is None:
                kg.kill()
                kg.wait()

    def test_the_old_graph_survives_a_kill_at_any_point_of_the_save(self):
        for delay in DELAYS:
            with self.subTest(delay=delay):
                for _ in range(TRIES):
                    killed_mid_save = self.kill_while_saving(delay)
                    if killed_mid_save:
                        break
                    with open(self.target, "wb") as f:  # kg won the race: put the old graph back
                        f.write(self.old)
                    for name in os.listdir(self.out_dir):
                        if name != "graph.json":
                            os.unlink(os.path.join(self.out_dir, name))
                self.assertTrue(killed_mid_save, f"never caught kg writing in {TRIES} tries")
                with open(self.target, "rb") as f:
                    self.assertEqual(f.read(), self.old)
                self.assertEqual(os.listdir(self.out_dir), ["graph.json"])

    def test_an_uninterrupted_save_replaces_the_graph_and_leaves_nothing_else(self):
        r = subprocess.run([KG, "query", "-g", self.big, "--save", self.target, "RETURN 1"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.listdir(self.out_dir), ["graph.json"])
        with open(self.target, encoding="utf-8") as f:
            self.assertEqual(len(json.load(f)["nodes"]), 250_000)


if __name__ == "__main__":
    KG = os.path.abspath(sys.argv.pop(1))
    unittest.main()
