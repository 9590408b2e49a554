#!/usr/bin/env bash
# Import benchmark (not part of `cargo test`): whole `rehearse import`
# processes into a fresh collection, for
#   - a 100,000-row CSV in Anki's text format   (target: median < 0.5 s, peak RSS < 80 MiB)
#   - a 100,000-note .apkg made by genanki      (target: median < 1.5 s); its
#     fields are inline HTML (<b>, <br>, &amp;), so it also defends the HTML
#     fast path of src/import/html.rs
#   - a 100,000-card TOML deck                  (target: median < 1 s, peak RSS < 300 MiB)
# and `export --format apkg` of that TOML deck's 100,000 cards (an Anki
# package with schedules and log, docs/imports.md).
#
# Usage: benches/import.sh [RUNS]     (default 10)
# Needs python3 (genanki is pip-installed into a private folder when
# missing) and hyperfine (apt-get installed when missing).
set -euo pipefail

RUNS=${1:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if ! command -v hyperfine >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || { echo "benches/import.sh: needs hyperfine" >&2; exit 1; }
fi
# BENCH_BIN=path/to/rehearse times another build (say, the one before a
# change) with the same inputs; by default the tree is built and timed.
if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
else
    echo "building --release…" >&2
    cargo build --release --quiet
    BIN="$ROOT/target/release/rehearse"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC NO_COLOR=1
unset REHEARSE_DB REHEARSE_NOW
PYDEPS="$WORK/py"
if ! python3 -c "import genanki" 2>/dev/null; then
    echo "installing genanki into $PYDEPS…" >&2
    python3 -m pip install --quiet --target "$PYDEPS" genanki >/dev/null
fi

echo "generating 100,000 rows / notes / cards…" >&2
PYTHONPATH="$PYDEPS" python3 - "$WORK" <<'PY'
import sys, genanki
work = sys.argv[1]
N = 100_000
with open(f"{work}/big.csv", "w") as f:
    f.write("#separator:comma\n#html:false\n#deck:Big CSV\n")
    for i in range(N):
        f.write(f'"What is point {i}, the one about interviews?",The answer to point {i} is a sentence of some length.,tag{i % 10} big\n')
with open(f"{work}/big.toml", "w") as f:
    f.write('name = "Big TOML"\n')
    for i in range(N):
        f.write(f'\n[[cards]]\nid = "card-{i}"\nfront = "What is point {i} of the lesson about interviews?"\n'
                f'back = "The answer to point {i} is a sentence of some length."\ntags = ["big", "t{i % 10}"]\n')
model = genanki.Model(1607392319, "Basic", fields=[{"name": "Front"}, {"name": "Back"}],
                      templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}])
deck = genanki.Deck(2059400110, "Big APKG")
for i in range(N):
    deck.add_note(genanki.Note(model=model, fields=[f"What is <b>point {i}</b>?", f"The answer to point {i}<br>is here &amp; there."],
                               guid=f"g{i:06d}", tags=["big"]))
genanki.Package(deck).write_to_file(f"{work}/big.apkg")
PY
ls -la "$WORK"/big.* >&2

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
printf '\n%-28s %12s %14s\n' "import into a fresh db" "median ms" "peak RSS MiB"
for f in big.csv big.apkg big.toml; do
    json="$WORK/$f.json"
    hyperfine --runs "$RUNS" --warmup 1 --export-json "$json" \
        --prepare "rm -f $WORK/c.db $WORK/c.db-wal $WORK/c.db-shm" \
        "$BIN --db $WORK/c.db import $WORK/$f" >/dev/null 2>&1
    median=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000, 1))" "$json")
    rm -f "$WORK"/c.db*
    kb=$(peak "$BIN" --db "$WORK/c.db" import "$WORK/$f")
    printf '%-28s %12s %14s\n' "$f" "$median" "$(( kb / 1024 ))"
done

rm -f "$WORK"/c.db*
"$BIN" --db "$WORK/c.db" import "$WORK/big.toml" >/dev/null
json="$WORK/export.json"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$json" \
    "$BIN --db $WORK/c.db export --format apkg -o $WORK/out.apkg" >/dev/null 2>&1
median=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['median']*1000, 1))" "$json")
kb=$(peak "$BIN" --db "$WORK/c.db" export --format apkg -o "$WORK/out.apkg")
printf '\n%-28s %12s %14s\n' "export from that db" "median ms" "peak RSS MiB"
printf '%-28s %12s %14s\n' "100,000 cards to .apkg" "$median" "$(( kb / 1024 ))"
