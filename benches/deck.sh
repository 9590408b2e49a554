#!/usr/bin/env bash
# Deck-file benchmark (not part of `cargo test`): whole `rehearse import`
# processes into a fresh collection, comparing binaries side by side.
#
#   - big.toml:   100,000 basic cards, the deck of benches/core.sh
#                 (how fast the TOML reader is, and its peak memory)
#   - cloze.toml: one 134 KB note with 8,000 cloze numbers, past the
#                 limit of 100 per note (docs/deck-format.md)
#   - cloze100.toml: one 134 KB note with 100 cloze numbers, the most a
#                 note may have: its size on disk stays near the note's
#
# Usage: benches/deck.sh [RUNS] [BIN...]   (default 10 runs, target/release/rehearse)
# Each BIN gets a median (hyperfine), a peak RSS and the collection's size
# on disk (db + WAL) after one import. Needs python3 and hyperfine.
set -euo pipefail

RUNS=${1:-10}
shift || true
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [[ $# -eq 0 ]]; then
    echo "building --release…" >&2
    cargo build --release --quiet
    set -- "$ROOT/target/release/rehearse"
fi
command -v hyperfine >/dev/null || { echo "benches/deck.sh: needs hyperfine" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC NO_COLOR=1
unset REHEARSE_DB REHEARSE_NOW

python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/big.toml", "w") as f:
    f.write('name = "Bench"\ndescription = "100,000 generated cards"\n')
    for i in range(100_000):
        f.write(
            f'\n[[cards]]\nid = "card-{i:06d}"\n'
            f'front = "Question {i}: what does the interviewer want to hear about topic {i % 997}?"\n'
            f'back = "Answer {i}: a short, specific story with a result, about topic {i % 997}."\n'
            f'tags = ["bench", "t{i % 10}"]\n'
        )
def cloze(name, numbers, size):
    words = [f"{{{{c{i % numbers + 1}::w{i}}}}}" for i in range(8000)]
    text = " ".join(words)
    text += " " + "x" * max(0, size - len(text) - 1)
    with open(f"{work}/{name}", "w") as f:
        f.write(f'name = "Cloze"\n\n[[cards]]\nid = "long"\ncloze = "{text}"\n')
cloze("cloze.toml", 8000, 134_000)
cloze("cloze100.toml", 100, 134_000)
PY
ls -la "$WORK"/*.toml >&2

printf '\n%-44s %-14s %10s %10s %10s %5s\n' "binary" "deck" "median ms" "peak MiB" "disk MiB" "exit"
for bin in "$@"; do
    for deck in big.toml cloze100.toml cloze.toml; do
        runs=$RUNS
        [[ $deck == cloze.toml ]] && runs=1   # the old code takes minutes on it
        hyperfine --style none --runs "$runs" -i --export-json "$WORK/h.json" \
            --prepare "rm -f $WORK/c.db $WORK/c.db-wal $WORK/c.db-shm" \
            "$bin --db $WORK/c.db import $WORK/$deck" >/dev/null 2>&1
        median=$(python3 -c "import json; print('%.1f' % (json.load(open('$WORK/h.json'))['results'][0]['median'] * 1000))")
        rm -f "$WORK"/c.db*
        set +e
        kib=$(/usr/bin/time -f %M "$bin" --db "$WORK/c.db" import "$WORK/$deck" 2>&1 >/dev/null | tail -1)
        code=$?
        set -e
        disk=$(du -cb "$WORK"/c.db* 2>/dev/null | tail -1 | cut -f1)
        printf '%-44s %-14s %10s %10s %10s %5s\n' "$bin" "$deck" "$median" \
            "$(( kib / 1024 ))" "$(awk -v b="${disk:-0}" 'BEGIN {printf "%.1f", b / 1048576}')" "$code"
        rm -f "$WORK"/c.db*
    done
done
