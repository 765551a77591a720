#!/bin/bash
# Throughput of `kg extract`: builds a corpus of at least 50 MB by varying the
# articles of samples/ (deterministically: every copy renames the invented
# companies and people and shifts the amounts), then times
# `kg extract --threads 1` and `--threads 2` on it and reports MB/s of wall
# time and MB per CPU-second (user + system: steadier than wall time when
# other work shares the machine), with the load average before each run.
# The "1core" run is `--threads 1` pinned to one CPU with taskset: its wall
# MB/s is the speed on one core, whatever threads the build starts.
#
#   [ROUNDS=N] bench/extract_throughput.sh KG [CORPUS_DIR] [MEGABYTES] [PEER_KG]
#
# The corpus is kept in CORPUS_DIR (default /tmp/kg_extract_corpus) and reused
# when it already holds MEGABYTES (default 50) of text. PEER_KG (for instance
# a build of an older commit) is timed the same way, alternating with KG, and
# the ratios KG / PEER_KG are printed. The runs are repeated ROUNDS times
# (default 3), then each build's median wall time per setting is printed with
# its scaling: the one-core time over the `--threads 2` time (2.00 would be
# linear on two cores), for the whole run and, from `kg extract --timing`,
# for the extraction stage alone (reading, extracting and merging, without
# listing the folders or writing the graph).
#
# The writing stage is set beside `dd` writing as many bytes (zeros) into one
# new file and syncing it, in 1 MiB writes, timed after each `--threads 2`
# run: what this machine's file system and disk take for the output alone.
#
# Each round also times what this machine gives any job split in two: two
# one-core runs of KG at once, one on each half of the corpus's folders (two
# graphs, each written to its own file). Its time over the one-core time is
# the ceiling for `--threads 2`, which makes one graph, written to one file.
set -euo pipefail
kg=${1:?usage: extract_throughput.sh KG [CORPUS_DIR] [MEGABYTES] [PEER_KG]}
corpus=${2:-/tmp/kg_extract_corpus}
megabytes=${3:-50}
peer=${4:-}
samples=$(cd "$(dirname "$0")/../samples" && pwd)

if [[ ! -f "$corpus/.complete-$megabytes" ]]; then
  rm -rf "$corpus"
  mkdir -p "$corpus"
  python3 - "$samples" "$corpus" "$megabytes" <<'PY'
import os, re, sys
samples, corpus, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = [open(os.path.join(samples, f), encoding="utf-8").read()
            for f in sorted(os.listdir(samples)) if f.endswith(".txt")]
# Capitalised words that start a name inside a sentence get a variant suffix.
name = re.compile(r"(?<=[a-zà-ÿ,] )([A-Z][a-z]{3,})")
syllables = ["ar", "bel", "cor", "dan", "el", "fio", "gar", "hal", "ix", "jor", "kel", "lum"]
def suffix(i):
    s = ""
    while True:
        s += syllables[i % len(syllables)]
        i //= len(syllables)
        if i == 0:
            return s
target, written, i = megabytes * 1_000_000, 0, 0
while written < target:
    text = articles[i % len(articles)]
    v = suffix(i // len(articles))
    text = name.sub(lambda m: m.group(1) + v, text)
    text = re.sub(r"\b(\d+) (millions|milliards|million|billion)", lambda m: f"{int(m.group(1)) + i % 7} {m.group(2)}", text)
    folder = os.path.join(corpus, f"{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    data = text.encode("utf-8")
    open(os.path.join(folder, f"a{i:06d}.txt"), "wb").write(data)
    written += len(data)
    i += 1
print(f"corpus: {i} articles, {written / 1e6:.1f} MB in {corpus}", file=sys.stderr)
PY
  touch "$corpus/.complete-$megabytes"
fi

bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $(find "$corpus" -name '*.txt' | wc -l) articles, $((bytes / 1000000)) MB"
log=$(mktemp)
times_file=$(mktemp)

# Untimed, before every timed run, so that it measures the extractor rather
# than what the runs before it left: the corpus read once (the kernel drops a
# few hundred of the 50,000 small files from its cache between runs), and the
# previous runs' output removed (the rename that replaces a 430 MB file frees
# its blocks first: 0.1 s here; the write and its fsync stay timed).
settle() {
  find "$corpus" -name '*.txt' -exec cat {} + >/dev/null
  rm -f /tmp/kg_extract_bench*.json
}

# The stage times of `kg extract --timing` (a build that has the option).
timing_flag() { "$1" extract --help | grep -q -- --timing && echo --timing || true; }
kg_timing=$(timing_flag "$kg")
peer_timing=${peer:+$(timing_flag "$peer")}

# run LABEL BINARY THREADS: prints one line and sets $wall_rate, $cpu_rate
# (MB/s), $extraction and $writing (the stages in s, "-" if not timed).
# THREADS "1core" is --threads 1 pinned to CPU 0.
run() {
  local load threads=$3 pin=() timing=$kg_timing
  if [[ $threads == 1core ]]; then threads=1 pin=(taskset -c 0); fi
  [[ $1 == peer ]] && timing=$peer_timing
  settle
  load=$(cut -d' ' -f1 /proc/loadavg)
  TIMEFORMAT='%R %U %S'
  { time "${pin[@]}" "$2" extract $timing --threads "$threads" "$corpus" -o /tmp/kg_extract_bench.json 2>"$log"; } 2>"$times_file"
  extraction=$(sed -n 's/^Time: .*extraction \([0-9.]*\) ms.*/\1/p' "$log" | awk '{ printf "%.3f", $1 / 1000 }')
  extraction=${extraction:--}
  writing=$(sed -n 's/^Time: .*writing \([0-9.]*\) ms.*/\1/p' "$log" | awk '{ printf "%.3f", $1 / 1000 }')
  writing=${writing:--}
  read -r wall user sys <"$times_file"
  wall_rate=$(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.2f", b / 1e6 / t }')
  cpu_rate=$(awk -v b="$bytes" -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", b / 1e6 / (u + s) }')
  printf '%-5s --threads %-5s: %7.2f s wall, %6s MB/s; %7.2f s CPU, %6s MB/CPU-s; load %s before\n' \
    "$1" "$3" "$wall" "$wall_rate" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$cpu_rate" "$load"
  echo "      $(grep -v '^Time:' "$log" | tail -1)"
  grep '^Time:' "$log" | sed 's/^/      /' || true
}

# The corpus's top-level folders in two halves, for the two-process ceiling.
folders=()
while IFS= read -r -d '' folder; do folders+=("$folder"); done < <(find "$corpus" -mindepth 1 -maxdepth 1 -type d -print0 | sort -z)
half=$(( ${#folders[@]} / 2 ))

# dd BYTES: writes BYTES of zeros into a new file and syncs it; sets $wall.
run_dd() {
  rm -f /tmp/kg_extract_bench_dd
  local started ended
  started=$(date +%s.%N)
  dd if=/dev/zero of=/tmp/kg_extract_bench_dd bs=1M count=$(( ($1 + 1048575) / 1048576 )) conv=fsync status=none
  ended=$(date +%s.%N)
  rm -f /tmp/kg_extract_bench_dd
  wall=$(awk -v s="$started" -v e="$ended" 'BEGIN { printf "%.3f", e - s }')
  echo "dd writing $(( $1 / 1000000 )) MB into one file and syncing it: $wall s"
}

# Two one-core runs of KG at once, on the two halves; sets $wall.
run_halves() {
  settle
  local started ended
  started=$(date +%s.%N)
  taskset -c 0 "$kg" extract --threads 1 "${folders[@]:0:half}" -o /tmp/kg_extract_bench_a.json 2>/dev/null &
  taskset -c 1 "$kg" extract --threads 1 "${folders[@]:half}" -o /tmp/kg_extract_bench_b.json 2>/dev/null
  wait
  ended=$(date +%s.%N)
  wall=$(awk -v s="$started" -v e="$ended" 'BEGIN { printf "%.2f", e - s }')
  echo "two one-core runs at once, one per half of the folders: $wall s wall"
}

rounds=${ROUNDS:-3}
results=$(mktemp)
trap 'rm -f "$log" "$times_file" "$results" /tmp/kg_extract_bench.json' EXIT
for round in $(seq "$rounds"); do
  echo "round $round of $rounds"
  for threads in 1core 1 2; do
    if [[ -n "$peer" ]]; then
      run peer "$peer" "$threads"
      peer_wall=$wall_rate peer_cpu=$cpu_rate
      echo "peer $threads $wall $extraction $writing" >>"$results"
    fi
    run kg "$kg" "$threads"
    echo "kg $threads $wall $extraction $writing" >>"$results"
    if [[ $threads == 2 ]]; then
      run_dd "$(stat -c %s /tmp/kg_extract_bench.json)"
      echo "dd dd $wall - -" >>"$results"
    fi
    if [[ -n "$peer" ]]; then
      awk -v w="$wall_rate" -v pw="$peer_wall" -v c="$cpu_rate" -v pc="$peer_cpu" -v t="$threads" \
        'BEGIN { printf "      --threads %s: kg / peer = %.2fx wall MB/s, %.2fx MB/CPU-s\n", t, w / pw, c / pc }'
    fi
  done
  if (( half > 0 )) && [[ $(nproc) -ge 2 ]]; then
    run_halves
    echo "halves halves $wall - -" >>"$results"
  fi
done

# Medians of the wall times (and extraction stages), per build and setting,
# and the scaling.
python3 - "$results" "$bytes" "$rounds" <<'PY'
import statistics, sys
results, size, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
walls, extractions, writings = {}, {}, {}
for line in open(results):
    label, threads, wall, extraction, writing = line.split()
    walls.setdefault((label, threads), []).append(float(wall))
    if extraction != "-":
        extractions.setdefault((label, threads), []).append(float(extraction))
        writings.setdefault((label, threads), []).append(float(writing))
print(f"medians of {rounds} rounds:")
for label in ("peer", "kg"):
    if (label, "1core") not in walls:
        continue
    median = {t: statistics.median(walls[(label, t)]) for t in ("1core", "1", "2")}
    rates = ", ".join(f"--threads {t} {size / 1e6 / median[t]:.2f} MB/s ({median[t]:.2f} s)" for t in median)
    print(f"  {label:4}: {rates}; --threads 2 = {median['1core'] / median['2']:.2f}x one core")
    if (label, "1core") in extractions and (label, "2") in extractions:
        one, two = statistics.median(extractions[(label, "1core")]), statistics.median(extractions[(label, "2")])
        print(f"        extraction stage: one core {one:.2f} s, --threads 2 {two:.2f} s = {one / two:.2f}x")
        one, two = statistics.median(writings[(label, "1core")]), statistics.median(writings[(label, "2")])
        print(f"        writing stage: one core {one:.2f} s, --threads 2 {two:.2f} s", end="")
        if ("dd", "dd") in walls:
            print(f"; dd writes as many bytes in {statistics.median(walls[('dd', 'dd')]):.2f} s", end="")
        print()
if ("halves", "halves") in walls and ("kg", "1core") in walls:
    halves = statistics.median(walls[("halves", "halves")])
    one, two = statistics.median(walls[("kg", "1core")]), statistics.median(walls[("kg", "2")])
    print(f"  ceiling: two one-core runs on the halves at once {halves:.2f} s = {one / halves:.2f}x one core; "
          f"kg --threads 2 reaches {halves / two:.0%} of it")
PY
