#!/usr/bin/env bash
# Runs shell_pty_test.py with a Python that has pexpect (python3-pexpect on
# Debian); exits 77 (CTest: skipped) when there is none.
#   bash shell_pty_test.sh KG_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null && "$python" -c 'import pexpect' 2>/dev/null; then
    exec "$python" "$here/shell_pty_test.py" "$1" "$here/shell_graph.json"
  fi
done
echo "skipped: no python3 with pexpect (apt-get install python3-pexpect)"
exit 77
