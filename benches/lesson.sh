#!/usr/bin/env bash
# Benchmarks of `rehearse lesson`, timing whole processes (not part of
# `cargo test`); see docs/lessons.md for the targets:
#
#   - lessons of 12,500 / 25,000 / 50,000 characters made of the corpus
#     lessons in tests/lessons/ repeated under fresh headings
#       (target: 50,000 characters < 1 s, the tagger's one-off load included;
#        time linear in length)
#   - a single line of 1 MB and of 2 MB (linear)
#   - 10,000 and 20,000 headings with one sentence each (linear)
#   - a list of 5 MB and 10 MB (linear), and 1 MB of one tip repeated
#     (every item a section with a card)
#   - `stats` on an empty collection (made by `config`), to show other commands do not load
#     the tagger
#
# Usage: benches/lesson.sh [RUNS]      (RUNS per input, default 10)
#        BENCH_BIN=path/to/rehearse benches/lesson.sh   times another build
set -euo pipefail

RUNS=${1:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

need() { command -v "$1" >/dev/null || { echo "benches/lesson.sh: needs \`$1\`" >&2; exit 1; }; }
need python3
if ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null; then
    echo "installing hyperfine…" >&2
    apt-get install -y hyperfine >/dev/null 2>&1 || true
fi
need hyperfine

if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
else
    echo "building --release…" >&2
    cargo build --release --quiet
    BIN="$ROOT/target/release/rehearse"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$ROOT/tests/lessons" <<'PY'
import os, sys, glob
work, corpus = sys.argv[1], sys.argv[2]
bodies = []
for path in sorted(glob.glob(os.path.join(corpus, "*"))):
    lines = open(path, encoding="utf-8").read().splitlines()
    # Drop the title and Markdown heading marks: plain sections remain.
    body = [l.lstrip("#").strip() if l.startswith("#") else l for l in lines[1:]]
    bodies.append("\n".join(body))
def lesson(chars):
    out, n = ["Benchmark Lesson", ""], 0
    while sum(len(x) + 1 for x in out) < chars:
        out.append(f"Part {n} of the Benchmark")
        out.append("")
        out.append(bodies[n % len(bodies)])
        out.append("")
        n += 1
    return "\n".join(out)[:chars] + "\n"
for chars in (12_500, 25_000, 50_000):
    open(os.path.join(work, f"lesson-{chars}.txt"), "w").write(lesson(chars))
sentence = "Keep the main idea of each paragraph in its first sentence, because readers skim. "
for mb in (1, 2):
    n = mb * 1_000_000 // len(sentence)
    open(os.path.join(work, f"line-{mb}mb.txt"), "w").write("One Line\n\n" + sentence * n + "\n")
for n in (10_000, 20_000):
    parts = ["Many Headings", ""]
    for i in range(n):
        parts += [f"Heading Number {i}", "", f"Section {i} says one short thing about topic {i}.", ""]
    open(os.path.join(work, f"headings-{n}.txt"), "w").write("\n".join(parts))
# A list of the same tip again and again: every item a tip of its own,
# each with a card (the names and questions alike must stay linear).
tip = "- Keep the main idea of each paragraph first, because readers skim.\n"
open(os.path.join(work, "tips-1mb.md"), "w").write("# Tips\n\n## Writing tips\n\n" + tip * (1_000_000 // len(tip)))
for mb in (5, 10):
    item = "- an item of a long list that never ends\n"
    n = mb * 1_000_000 // len(item)
    open(os.path.join(work, f"list-{mb}mb.md"), "w").write("# A List\n\n" + item * n)
PY

export REHEARSE_DB="$WORK/c.db"
# Read-only commands never create a collection: start an empty one first.
"$BIN" config new_per_day 20 >/dev/null
args=()
for f in lesson-12500.txt lesson-25000.txt lesson-50000.txt line-1mb.txt line-2mb.txt \
         headings-10000.txt headings-20000.txt tips-1mb.md list-5mb.md list-10mb.md; do
    args+=(-n "lesson $f" "$BIN lesson $WORK/$f -o $WORK/out.toml")
done
args+=(-n "stats (no tagger)" "$BIN stats")
hyperfine --warmup 1 --runs "$RUNS" --style basic --export-json "$WORK/results.json" "${args[@]}" >&2
# Medians, one line per input.
python3 - "$WORK/results.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<32} median {r['median'] * 1000:9.1f} ms   (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f})")
PY
