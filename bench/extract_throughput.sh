#!/bin/bash
# Throughput of `kg extract`: builds a corpus of at least 50 MB by varying the
# articles of samples/ (deterministically: every copy renames the invented
# companies and people and shifts the amounts), then times
# `kg extract --threads 1` and `--threads 2` on it and reports MB/s.
#
#   bench/extract_throughput.sh KG [CORPUS_DIR] [MEGABYTES]
#
# The corpus is kept in CORPUS_DIR (default /tmp/kg_extract_corpus) and reused
# when it already holds MEGABYTES (default 50) of text.
set -euo pipefail
kg=${1:?usage: extract_throughput.sh KG [CORPUS_DIR] [MEGABYTES]}
corpus=${2:-/tmp/kg_extract_corpus}
megabytes=${3:-50}
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
for threads in 1 2; do
  start=$(date +%s.%N)
  "$kg" extract --threads "$threads" "$corpus" -o /tmp/kg_extract_bench.json 2>/tmp/kg_extract_bench.log
  end=$(date +%s.%N)
  awk -v b="$bytes" -v s="$start" -v e="$end" -v t="$threads" \
    'BEGIN { printf "--threads %d: %.2f s, %.1f MB/s\n", t, e - s, b / 1e6 / (e - s) }'
  tail -1 /tmp/kg_extract_bench.log
done
rm -f /tmp/kg_extract_bench.json /tmp/kg_extract_bench.log
