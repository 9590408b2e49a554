#!/usr/bin/env bash
# Benchmarks of the core commands on a big collection, timing whole
# processes (not part of `cargo test`):
#
#   - import of a 100,000-card TOML deck into a fresh collection
#       (target: median < 1 s, peak RSS < 300 MiB)
#   - grade, decks, cards --due on a collection with 100,000 cards and
#     1,000,000 review-log rows, ~200 cards due   (target: median < 15 ms each)
#
# Usage: benches/core.sh [RUNS]      (RUNS per command, default 30)
#        BENCH_KEEP=1 benches/core.sh   keeps the work folder (deck, db) for profiling
#        BENCH_NO_HYPERFINE=1 benches/core.sh   times with the date +%s%N loop
#
# The review log is written straight into SQLite with the `sqlite3` CLI, in
# the shape `grade` writes (src/storage/v1.sql, src/storage/reviews.rs); each
# card's history is a real SM-2 sequence (SPEC §7, fuzz off) and the card row
# holds the state its last answer left, so the collection is one `grade`
# could have produced. Timings use hyperfine when present (installed with
# apt-get when possible), else a `date +%s%N` loop taking the median.
set -euo pipefail

RUNS=${1:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

need() { command -v "$1" >/dev/null || { echo "benches/core.sh: needs \`$1\`" >&2; exit 1; }; }
need python3
need sqlite3
if ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null; then
    echo "installing hyperfine…" >&2
    apt-get install -y hyperfine >/dev/null 2>&1 || true
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
if [[ -n ${BENCH_KEEP:-} ]]; then
    echo "keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
cd "$WORK"

export TZ=UTC
export NO_COLOR=1
unset REHEARSE_DB REHEARSE_NOW
NOW="2026-06-01T09:00:00Z"
TODAY="2026-06-01"
CARDS=100000
ANSWERED=50000           # cards with a history: 20 answers each = 1,000,000 rows
PER_CARD=20
DUE=200                  # of those, due today or overdue

echo "generating a $CARDS-card deck and $((ANSWERED * PER_CARD)) reviews…" >&2
python3 - "$CARDS" "$ANSWERED" "$PER_CARD" "$DUE" "$TODAY" <<'PY'
import csv, datetime, math, random, sys

cards, answered, per_card, due_count, today = sys.argv[1:6]
cards, answered, per_card, due_count = int(cards), int(answered), int(per_card), int(due_count)
today = datetime.date.fromisoformat(today).toordinal()  # 0001-01-01 is day 1, as in clock.rs

with open("deck.toml", "w") as f:
    f.write('name = "Bench"\ndescription = "100,000 generated cards"\n')
    for i in range(cards):
        f.write(
            f'\n[[cards]]\nid = "card-{i:06d}"\n'
            f'front = "Question {i}: what does the interviewer want to hear about topic {i % 997}?"\n'
            f'back = "Answer {i}: a short, specific story with a result, about topic {i % 997}."\n'
            f'tags = ["bench", "t{i % 10}"]\n'
        )

rng = random.Random(2026)
GRADES = [("again", 1), ("hard", 3), ("good", 4), ("easy", 5)]
WEIGHTS = [0.2, 0.1, 0.55, 0.15]

def next_state(n, ef, ivl, q):
    """SPEC §7, round half away from zero (all values are positive)."""
    if q >= 3:
        ivl = 1 if n == 0 else 6 if n == 1 else math.floor(ivl * ef + 0.5)
        n += 1
    else:
        n, ivl = 0, 1
    ef = max(1.3, ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)))
    return n, ef, ivl

due_cards = set(rng.sample(range(answered), due_count))
with open("reviews.csv", "w", newline="") as rf, open("state.csv", "w", newline="") as sf:
    reviews, states = csv.writer(rf), csv.writer(sf)
    for c in range(answered):
        key = f"card-{c:06d}"
        n, ef, ivl = 0, 2.5, 0
        day, rows, lapses = 0, [], 0
        for k in range(per_card):
            grade, q = rng.choices(GRADES, WEIGHTS)[0]
            if ivl > 400:  # keep histories within a few years
                grade, q = "again", 1
            if c not in due_cards and k >= per_card - 2:
                # Two good answers last: an interval of 6 days or more, so
                # the card can be answered before today and not be due yet.
                grade, q = "good", 4
            if k > 0 and q < 3:
                lapses += 1
            n, ef, ivl = next_state(n, ef, ivl, q)
            rows.append([day, q, grade, int(k == 0), n, ef, ivl])
            day += ivl  # answered on its due day
        # Shift the history so the last due day is today (or overdue) for
        # the due cards, and later than today for the others, with every
        # answer before today (so today's daily limits are untouched).
        if c in due_cards:
            last_due = today - rng.randrange(0, 3)
        else:
            last_due = today + rng.randint(1, ivl - 1)
        shift = last_due - day
        for d, q, grade, was_new, n_, ef_, ivl_ in rows:
            at_ms = ((d + shift - 719163) * 86400 + 12 * 3600) * 1000  # noon UTC
            reviews.writerow([key, at_ms, q, grade, was_new, n_, repr(ef_), ivl_, d + shift + ivl_])
        states.writerow([key, n, repr(ef), ivl, last_due, per_card, lapses])
PY

DB="$WORK/bench.db"
"$BIN" --db "$DB" config fuzz false >/dev/null
"$BIN" --db "$DB" import deck.toml >/dev/null
sqlite3 "$DB" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE r (card_key TEXT, answered_at_ms INTEGER, quality INTEGER, grade TEXT, was_new INTEGER,
                     repetition INTEGER, ease REAL, interval_days INTEGER, due_day INTEGER);
CREATE TEMP TABLE s (key TEXT PRIMARY KEY, repetition INTEGER, ease REAL, interval_days INTEGER,
                     due_day INTEGER, reviews INTEGER, lapses INTEGER);
.import --csv reviews.csv r
.import --csv state.csv s
BEGIN;
INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day)
SELECT (SELECT id FROM decks WHERE name = 'Bench'), card_key, answered_at_ms, quality, grade, 'review',
       was_new, repetition, ease, interval_days, due_day
FROM r ORDER BY answered_at_ms, card_key;
UPDATE cards SET repetition = s.repetition, ease = s.ease, interval_days = s.interval_days,
                 due_day = s.due_day, reviews = s.reviews, lapses = s.lapses
FROM s WHERE cards.key = s.key;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
ANALYZE;
SQL

rows=$(sqlite3 "$DB" "SELECT count(*) FROM reviews")
due_now=$("$BIN" --db "$DB" --now "$NOW" --json cards --due | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "collection: $("$BIN" --db "$DB" --now "$NOW" decks | tail -n +2)" >&2
echo "review rows: $rows, cards due now: $due_now, db size: $(du -h "$DB" | cut -f1)" >&2
# The stored state must be what replaying a card's log gives: check one.
"$BIN" --db "$DB" --json card card-000001 | python3 -c '
import json, math, sys
c = json.load(sys.stdin); n, ef, ivl = 0, 2.5, 0
for r in c["history"]:
    q = r["quality"]
    ivl = (1 if n == 0 else 6 if n == 1 else math.floor(ivl * ef + 0.5)) if q >= 3 else 1
    n = n + 1 if q >= 3 else 0
    ef = max(1.3, ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)))
assert (c["repetition"], c["interval"]) == (n, ivl) and abs(c["ease"] - ef) < 1e-9, (c, n, ef, ivl)
'

# A due card to grade; `again` keeps it at a one-day interval run after run.
GRADE_ID=$("$BIN" --db "$DB" --now "$NOW" --json cards --due | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

declare -A MEDIAN
names=("import 100k TOML (fresh db)" "grade" "decks" "cards --due")
cmds=(
    "rm -f $WORK/fresh.db $WORK/fresh.db-wal $WORK/fresh.db-shm; $BIN --db $WORK/fresh.db import $WORK/deck.toml"
    "$BIN --db $DB --now $NOW grade $GRADE_ID again"
    "$BIN --db $DB --now $NOW decks"
    "$BIN --db $DB --now $NOW cards --due"
)
targets=("1000" "15" "15" "15")
runs=("$(( RUNS < 10 ? RUNS : 10 ))" "$RUNS" "$RUNS" "$RUNS")

median_ms() { # median of a loop of whole-process runs, in ms
    local cmd=$1 n=$2 i t0 t1 run=$1
    local -a times=()
    [[ $cmd == rm* ]] && run=${cmd#*; }
    for ((i = 0; i < n; i++)); do
        [[ $cmd == rm* ]] && rm -f "$WORK"/fresh.db*
        t0=$(date +%s%N); bash -c "$run" >/dev/null; t1=$(date +%s%N)
        times+=("$(( (t1 - t0) / 1000 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

for i in "${!names[@]}"; do
    cmd=${cmds[$i]}
    if command -v hyperfine >/dev/null && [[ -z ${BENCH_NO_HYPERFINE:-} ]]; then
        if [[ $cmd == rm* ]]; then
            prepare=${cmd%%; *}; run=${cmd#*; }
            hyperfine --style none --warmup 1 --runs "${runs[$i]}" --prepare "$prepare" \
                --export-json "$WORK/h$i.json" "$run" >&2
        else
            hyperfine --style none -N --warmup 3 --runs "${runs[$i]}" \
                --export-json "$WORK/h$i.json" "$cmd" >&2
        fi
        MEDIAN[$i]=$(python3 -c "import json; print('%.1f' % (json.load(open('$WORK/h$i.json'))['results'][0]['median'] * 1000))")
    else
        MEDIAN[$i]=$(median_ms "$cmd" "${runs[$i]}")
    fi
done

peak_kib() { # peak RSS of one run, KiB
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
rm -f "$WORK"/fresh.db*
PEAK=("$(peak_kib "$BIN" --db "$WORK/fresh.db" import "$WORK/deck.toml")"
      "$(peak_kib "$BIN" --db "$DB" --now "$NOW" grade "$GRADE_ID" again)"
      "$(peak_kib "$BIN" --db "$DB" --now "$NOW" decks)"
      "$(peak_kib "$BIN" --db "$DB" --now "$NOW" cards --due)")

echo
printf '%-30s %12s %10s %14s  %s\n' "command" "median ms" "target ms" "peak RSS MiB" "ok"
for i in "${!names[@]}"; do
    mib=$(awk -v k="${PEAK[$i]}" 'BEGIN {printf "%.1f", k / 1024}')
    ok=$(awk -v m="${MEDIAN[$i]}" -v t="${targets[$i]}" -v k="${PEAK[$i]}" -v first="$i" \
        'BEGIN {print (m < t && (first != 0 || k < 300 * 1024)) ? "yes" : "MISSED"}')
    printf '%-30s %12s %10s %14s  %s\n' "${names[$i]}" "${MEDIAN[$i]}" "< ${targets[$i]}" "$mib" "$ok"
done
echo "(collection: $CARDS cards, $rows review rows, $due_now due; $RUNS runs per command, import ${runs[0]})"
