#!/usr/bin/env bash
# Times `stats`, `stats --json`, `decks` and a `review` up to its first card
# on a big collection: 1,000,000 cards in 10 decks and 10,000,000 log rows
# over three years.
#
#   benches/stats.sh [DB]     # DB defaults to target/bench/big.db; reused if present
#
# The collection is made by the release binary (so the schema is exactly the
# current one), then filled with the sqlite3 CLI in the schema's shape. The
# counts kept beside them (`review_buckets`, `deck_cards`) are then filled
# from the log and the cards, as `check --repair` would, and checked. Needs: cargo, sqlite3, and hyperfine (apt-get install -y hyperfine) or
# it falls back to a loop with `date +%s%N`. Generating takes a few minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
DB=${1:-target/bench/big.db}
RUNS=${RUNS:-15}
NOW=2026-11-25T18:00:00Z
TODAY_DAY=739945 # chrono's num_days_from_ce for 2026-11-25
CARDS=1000000
DECKS=10
REVIEWS=10000000
DAYS=1095 # three years of history, ending yesterday

# BENCH_BIN=path/to/rehearse times another build (say, the one before a
# change) with the same inputs; by default the tree is built and timed.
if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
else
    echo "building --release…" >&2
    cargo build --release --quiet
    BIN=$PWD/target/release/rehearse
fi
export TZ=Europe/Paris NO_COLOR=1
unset REHEARSE_DB REHEARSE_NOW

if [[ ! -s $DB ]]; then
    mkdir -p "$(dirname "$DB")"
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$BIN" --db "$DB" --now "$NOW" decks >/dev/null # creates the current schema
    echo "generating $CARDS cards and $REVIEWS log rows into $DB ..." >&2
    start=$(date +%s)
    # Indexes of the big tables are dropped while filling and made again
    # from their definitions in the schema files, which is much faster than
    # keeping them up to date row by row.
    # (Less those a later schema version drops again.)
    dropped=$(grep -h '^DROP INDEX' src/storage/v*.sql | sed -E 's/^DROP INDEX ([a-z_]+);.*/\1/' | paste -sd'|' -)
    indexes=$(grep -h '^CREATE INDEX' src/storage/v*.sql | grep -E ' ON (cards|reviews) ' | grep -vE "^CREATE INDEX (${dropped:-^}) " | sort -u)
    sqlite3 "$DB" <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
PRAGMA foreign_keys = OFF;
$(echo "$indexes" | sed -E 's/^CREATE INDEX ([a-z_]+) .*/DROP INDEX \1;/')
BEGIN;
INSERT INTO decks (id, name, description)
SELECT value, 'deck-' || (value - 1), 'generated' FROM generate_series(1, $DECKS);
INSERT INTO config (key, value) VALUES ('fuzz', 'false');

-- Card i: 30 % new, 40 % young (interval 1..20), 30 % mature (21..300);
-- learned cards fall due from 20 days ago to 300 days ahead.
INSERT INTO cards (id, deck_id, key, note, kind, front, back, tags, position,
                   repetition, ease, interval_days, due_day, reviews, lapses)
SELECT value,
       (value - 1) / ($CARDS / $DECKS) + 1,
       printf('c%07d', value), printf('c%07d', value), 'basic',
       'What is the answer to generated question ' || value || '?',
       'It is answer number ' || value || '.', 'generated', value,
       CASE WHEN s < 30 THEN 0 ELSE 1 + value % 7 END,
       CASE WHEN s < 30 THEN 2.5 ELSE 1.3 + (value % 15) / 10.0 END,
       CASE WHEN s < 30 THEN 0 WHEN s < 70 THEN 1 + value % 20 ELSE 21 + value % 280 END,
       CASE WHEN s < 30 THEN NULL
            WHEN s < 70 THEN $TODAY_DAY - 20 + (value * 7919) % 41
            ELSE $TODAY_DAY - 20 + (value * 7919) % 321 END,
       CASE WHEN s < 30 THEN 0 ELSE 10 END, 0
FROM (SELECT value, (value * 2654435761) % 100 AS s FROM generate_series(1, $CARDS));
COMMIT;

-- Log row n, in time order: two sessions a day (07:00 and 19:00 UTC, 45
-- minutes each) for $DAYS days; 10 % drills, 7 % first answers.
BEGIN;
INSERT INTO reviews (id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day)
SELECT n, deck, printf('c%07d', (deck - 1) * ($CARDS / $DECKS) + 1 + (n * 7919) % ($CARDS / $DECKS)),
       (($TODAY_DAY - 719163 - $DAYS + day) * 86400 + CASE WHEN k % 2 = 0 THEN 25200 ELSE 68400 END) * 1000
           + (k / 2) * 2700000 / (per_day / 2 + 1),
       q, CASE q WHEN 1 THEN 'again' WHEN 3 THEN 'hard' WHEN 4 THEN 'good' ELSE 'easy' END,
       CASE WHEN n % 10 = 0 THEN 'drill' ELSE 'review' END,
       n % 10 <> 0 AND n % 100 < 7,
       1 + n % 7, 2.5, 1 + n % 40, $TODAY_DAY - $DAYS + day + 1 + n % 40
FROM (SELECT value AS n,
             1 + value % $DECKS AS deck,
             (value - 1) * $DAYS / $REVIEWS AS day,
             (value - 1) % ($REVIEWS / $DAYS) AS k,
             $REVIEWS / $DAYS AS per_day,
             CASE value % 8 WHEN 0 THEN 1 WHEN 1 THEN 3 WHEN 2 THEN 5 ELSE 4 END AS q
      FROM generate_series(1, $REVIEWS));
COMMIT;

-- The counts rehearse keeps beside the log (schema 5 on: kept by rehearse
-- as it writes, not by triggers), filled here the way a rebuild does.
BEGIN;
DELETE FROM review_buckets;
INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed)
SELECT answered_at_ms / 900000 - (answered_at_ms % 900000 < 0), deck_id, count(*),
       sum(quality >= 3), sum(kind = 'drill'), sum(kind = 'review' AND was_new = 0),
       sum(kind = 'review' AND was_new = 0 AND quality >= 3)
FROM reviews GROUP BY 1, 2;
DELETE FROM deck_cards;
INSERT INTO deck_cards (deck_id, new, young, mature)
SELECT deck_id, sum(due_day IS NULL), sum(due_day IS NOT NULL AND interval_days < 21),
       sum(due_day IS NOT NULL AND interval_days >= 21)
FROM cards GROUP BY deck_id;
COMMIT;
$indexes
ANALYZE;
PRAGMA journal_mode = WAL;
SQL
    echo "generated in $(($(date +%s) - start)) s" >&2
    # The maintained counts must equal a rebuild from the log.
    diff=$(sqlite3 "$DB" "
        SELECT count(*) FROM (
          SELECT bucket, deck_id, answers, passed, drills, known, known_passed FROM review_buckets
          EXCEPT
          SELECT answered_at_ms / 900000 - (answered_at_ms % 900000 < 0), deck_id, count(*),
                 sum(quality >= 3), sum(kind = 'drill'), sum(kind = 'review' AND was_new = 0),
                 sum(kind = 'review' AND was_new = 0 AND quality >= 3)
          FROM reviews GROUP BY 1, 2)")
    [[ $diff == 0 ]] || { echo "review_buckets disagrees with the log in $diff rows" >&2; exit 1; }
    diff=$(sqlite3 "$DB" "
        SELECT count(*) FROM (
          SELECT deck_id, new, young, mature FROM deck_cards
          EXCEPT
          SELECT deck_id, sum(due_day IS NULL), sum(due_day IS NOT NULL AND interval_days < 21),
                 sum(due_day IS NOT NULL AND interval_days >= 21)
          FROM cards GROUP BY deck_id)")
    [[ $diff == 0 ]] || { echo "deck_cards disagrees with the cards in $diff rows" >&2; exit 1; }
fi

sqlite3 "$DB" "SELECT 'cards: ' || (SELECT count(*) FROM cards) || ', log rows: ' || (SELECT count(*) FROM reviews) || ', buckets: ' || (SELECT count(*) FROM review_buckets)" >&2
ls -lh "$DB" >&2

cmds=(
    "$BIN --db $DB --now $NOW stats"
    "$BIN --db $DB --now $NOW --json stats"
    "$BIN --db $DB --now $NOW decks"
    "printf 'q\\n' | $BIN --db $DB --now $NOW review"
)
mkdir -p target/bench
if command -v hyperfine >/dev/null; then
    hyperfine --shell=bash --warmup 2 --runs "$RUNS" --export-json target/bench/stats.json "${cmds[@]}" >&2
    python3 - <<'PY'
import json, statistics
for r in json.load(open("target/bench/stats.json"))["results"]:
    print(f"{statistics.median(r['times']) * 1000:8.1f} ms  median  {r['command'].split(' --now ')[-1].split(' ', 1)[-1]}")
PY
else
    for cmd in "${cmds[@]}"; do
        bash -c "$cmd" >/dev/null
        times=()
        for _ in $(seq "$RUNS"); do
            t0=$(date +%s%N)
            bash -c "$cmd" >/dev/null
            times+=($((($(date +%s%N) - t0) / 1000)))
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
        printf '%8.1f ms  median  %s\n' "$(echo "$median / 1000" | bc -l)" "${cmd##*--now $NOW }"
    done
fi
