"""The interactive shell, driven through a real pseudo-terminal (pexpect).

    python3 shell_pty_test.py KG_BINARY GRAPH.json

Each test starts `kg shell` afresh in a temporary folder with its own
XDG_STATE_HOME, types as a person would, and reads the screen.
"""
import os
import shutil
import sys
import tempfile
import time
import traceback

import pexpect

KG, GRAPH = sys.argv[1], sys.argv[2]
TIMEOUT = 20  # seconds per expectation: generous for a loaded CI machine
PROMPT = "kg> "
DIRTY_PROMPT = r"kg\*> "
LONG_QUERY = ("MATCH (n:Organization) SET n.touched = true WITH n "
              "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b RETURN count(*);")


class Shell:
    """One `kg shell` session on a copy of the test graph."""

    def __init__(self, state_dir, work_dir, colour=False):
        env = dict(os.environ, XDG_STATE_HOME=state_dir, TERM="xterm", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        if not colour:
            env["NO_COLOR"] = "1"
        graph = os.path.join(work_dir, "graph.json")
        if not os.path.exists(graph):
            shutil.copy(GRAPH, graph)
        self.child = pexpect.spawn(KG, ["shell", graph], env=env, cwd=work_dir, encoding="utf-8",
                                   timeout=TIMEOUT, dimensions=(40, 120))
        self.expect(PROMPT)

    def expect(self, pattern):
        return self.child.expect(pattern)

    def run(self, line, *patterns, prompt=PROMPT):
        """Types a line, waits for each pattern in turn, then for the prompt."""
        self.child.send(line + "\r")
        for pattern in patterns:
            self.expect(pattern)
        self.expect(prompt)

    def quit(self):
        self.child.send(":quit!\r")
        self.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


def test_query_table(state, work):
    sh = Shell(state, work)
    sh.run("MATCH (n:Organization) RETURN n.name AS name ORDER BY name;",
           "│ name", "'Lumen AI'", "'Société Générale'", r"4 rows, [0-9.]+ ms")
    assert sh.quit() == 0


def test_complete_label(state, work):
    sh = Shell(state, work)
    sh.child.send("MATCH (n:Pers\t")
    sh.expect("on")  # libedit redraws only what changed: "Pers" + "on"
    # Only the completed label, Person, finds him.
    sh.run(") RETURN n.name AS who;", "'Masayoshi Son'", "1 row")
    sh.quit()


def test_complete_node_name(state, work):
    sh = Shell(state, work)
    sh.child.send("MATCH (n {name: 'Masa\t")
    sh.expect("yoshi Son'")  # the rest of the name and the closing quote
    sh.run("}) RETURN n.name AS found;", "'Masayoshi Son'", "1 row")
    sh.child.send(":neigh\t")
    sh.expect("bors ")
    sh.child.send("soci\t")
    sh.expect("été Générale")
    sh.run("", "INVESTS_IN", "'Lumen AI'")
    sh.quit()


def test_history_after_restart(state, work):
    sh = Shell(state, work)
    sh.run("RETURN 'remember me' AS note;", "'remember me'")
    sh.quit()
    assert os.path.exists(os.path.join(state, "kg", "history")), "no history file"
    sh = Shell(state, work)
    sh.child.send("\x1b[A")  # up arrow: the line before ":quit!" is the statement
    sh.child.send("\x1b[A")
    sh.expect("remember me")
    sh.run("", "│ note", "'remember me'", "1 row")
    sh.run(":history", "RETURN 'remember me' AS note;")
    sh.quit()


def test_multi_line_statement(state, work):
    sh = Shell(state, work)
    sh.run("MATCH (n:Organization)", prompt=r"\.\.> ")
    sh.run("// a comment; not the end", prompt=r"\.\.> ")
    sh.run("RETURN count(n) AS organizations;", "│ organizations", "│ 4 ", "1 row")
    sh.quit()


def test_syntax_error(state, work):
    sh = Shell(state, work)
    sh.run("MATCH (n RETURN n;", "SyntaxError", r"\^")
    sh.run("RETURN 2 AS two;", "│ two", "1 row")
    sh.quit()


def test_ctrl_c_cancels(state, work):
    sh = Shell(state, work)
    sh.child.send(LONG_QUERY + "\r")
    time.sleep(1.0)
    sh.child.sendintr()
    sh.expect("Cancelled")
    sh.expect(PROMPT)  # not kg*>: the SET was undone
    sh.child.sendintr()  # at an empty prompt: harmless
    sh.expect(PROMPT)
    sh.child.sendintr()
    sh.expect(PROMPT)
    sh.run("MATCH (n) WHERE n.touched RETURN count(n) AS touched;", "│ 0 ", "1 row")
    sh.run("RETURN 42 AS answer;", "│ 42 ", "1 row")
    sh.quit()


def test_unsaved_changes_question(state, work):
    sh = Shell(state, work)
    sh.run("CREATE (:Thing {name: 'New'});", "1 node created", prompt=DIRTY_PROMPT)
    sh.child.sendeof()  # Ctrl-D
    sh.expect(r"Quit without saving\? \[y/N\] ")
    sh.child.send("n\r")
    sh.expect(DIRTY_PROMPT)
    sh.child.send(":quit\r")
    sh.expect(r"Quit without saving\? \[y/N\] ")
    sh.child.send("y\r")
    sh.expect(pexpect.EOF)
    sh.child.close()
    assert sh.child.exitstatus == 0
    # Saved changes need no question.
    sh = Shell(state, work)
    sh.run("CREATE (:Thing {name: 'Kept'});", prompt=DIRTY_PROMPT)
    sh.run(":save", "Saved")
    sh.child.sendeof()
    sh.expect(pexpect.EOF)


def test_colour_on_a_terminal(state, work):
    sh = Shell(state, work, colour=True)
    sh.child.send("RETURN 1 AS one;\r")
    sh.expect("\x1b\\[1m")  # the bold header
    sh.expect(PROMPT)
    sh.quit()


def main():
    failures = 0
    tests = [(name, f) for name, f in globals().items() if name.startswith("test_")]
    for name, test in tests:
        state, work = tempfile.mkdtemp(), tempfile.mkdtemp()
        started = time.monotonic()
        try:
            test(state, work)
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)")
        except Exception:
            failures += 1
            print(f"FAIL {name}")
            traceback.print_exc()
        finally:
            shutil.rmtree(state, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(tests) - failures}/{len(tests)} shell tests passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
