#!/usr/bin/env bash
# The shell with standard input from a pipe: no prompts, no colours,
# statements and meta-commands in order, exit status 1 if any failed.
#   bash shell_piped_test.sh KG_BINARY
set -uo pipefail
kg=$1
graph=$(cd "$(dirname "$0")" && pwd)/shell_graph.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

# check NAME EXPECTED_STATUS EXPECTED_STDOUT_FILE: runs kg shell on stdin.
check() {
  local name=$1 want_status=$2 want=$3 status=0
  "$kg" shell "$graph" >"$work/out" 2>"$work/err" || status=$?
  if [[ $status != "$want_status" ]] || ! diff -u "$want" "$work/out"; then
    echo "FAIL $name (exit status $status, wanted $want_status)"; cat "$work/err"; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

# Statements and meta-commands in order; ';' inside strings and comments does
# not end a statement; a statement may span lines; the last needs no ';'.
cat >"$work/want1" <<'OUT'
name
'Lumen AI'
'OpenAI'

x;y
'a;b'

from	relationship	to
'Masayoshi Son'	'FOUNDED'	'SoftBank'

from	relationship	to	evidence
'SoftBank'	'INVESTS_IN'	'OpenAI'	'SoftBank invests in OpenAI.'
'SoftBank'	'INVESTS_IN'	'OpenAI'	'SoftBank puts 25 billion dollars into OpenAI.'
{"n":3}
OUT
check "statements and meta-commands in order" 0 "$work/want1" <<'IN'
MATCH (n:Organization) WHERE n.name ENDS WITH 'AI' // names; with a ';' in a comment
RETURN n.name AS name ORDER BY name;
RETURN 'a;b' AS `x;y`; /* a ; in a comment */
:neighbors masayoshi son
:why SoftBank OpenAI
:format json
:param k 3
RETURN $k AS n
IN
grep -q "^MATCH (n {name: 'Masayoshi Son'})" "$work/err" || { echo "FAIL :neighbors did not show its query"; failures=$((failures + 1)); }
if grep -q $'\x1b' "$work/out" || grep -q "kg>" "$work/out"; then
  echo "FAIL piped output holds a prompt or a colour"; failures=$((failures + 1))
fi

# A failed statement and a failed command: the rest still runs, exit status 1.
printf 'twice\n2\n' >"$work/want2"
check "failures give exit status 1" 1 "$work/want2" <<'IN'
RETURN nope(1) AS x;
:neighbors Nobody At All
:no-such-command
RETURN 2 AS twice;
IN
grep -q "SyntaxError\|SemanticError" "$work/err" || { echo "FAIL no error class on stderr"; failures=$((failures + 1)); }
grep -q "No node is named 'Nobody At All'" "$work/err" || { echo "FAIL no message for :neighbors"; failures=$((failures + 1)); }

# :save writes the changed graph; :load reads it back.
printf 'CREATE (:Thing {name: %s});\n:save %s\n:load %s\nMATCH (t:Thing) RETURN t.name;\n' \
  "'Widget'" "$work/saved.json" "$work/saved.json" | "$kg" shell "$graph" >"$work/out" 2>"$work/err"
if [[ $? != 0 ]] || ! grep -q "'Widget'" "$work/out"; then
  echo "FAIL :save then :load"; cat "$work/out" "$work/err"; failures=$((failures + 1))
else
  echo "ok   :save then :load"
fi

# No graph given and no out/graph.json here: an empty graph.
echo "MATCH (n) RETURN count(n) AS n;" | "$kg" shell >"$work/out" 2>"$work/err"
if [[ $? != 0 ]] || [[ $(cat "$work/out") != $'n\n0' ]]; then
  echo "FAIL empty graph by default"; cat "$work/out" "$work/err"; failures=$((failures + 1))
else
  echo "ok   empty graph by default"
fi

exit $((failures > 0))
