#!/usr/bin/env bash
# Benchmarks of `rehearse sync` (docs/sync.md), timing whole processes (not
# part of `cargo test`):
#
#   - the first sync of a year of history into an empty collection: 10,000
#     cards and 100,000 answers from another device    (target: median < 2 s)
#   - an incremental sync of one day's answers (300) into a collection that
#     holds that year already                            (target: median < 50 ms)
#
# Usage: benches/sync.sh [RUNS]      (RUNS per case, default 10)
#        BENCH_BIN=path/to/rehearse benches/sync.sh   times another build
#
# The other device's batch files are written by the Python below in the
# format of src/sync/batch.rs: card contents, then each card's answers as a
# real SM-2 sequence of "good" (fuzz off), one answer a day per card. Git's
# own time is not part of either case (the folder is a plain folder).
set -euo pipefail

RUNS=${1:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
command -v python3 >/dev/null || { echo "benches/sync.sh: needs python3" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "benches/sync.sh: needs hyperfine" >&2; exit 1; }

if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
else
    echo "building --release…" >&2
    cargo build --release --quiet
    BIN="$ROOT/target/release/rehearse"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/year/laptop" "$WORK/day/laptop"

python3 - "$WORK" <<'PY'
import datetime, hashlib, json, sys
work = sys.argv[1]
CARDS, PER_CARD, DAY_ANSWERS = 10_000, 10, 300
start = datetime.date(2025, 1, 1)
t0 = int(datetime.datetime(2025, 1, 1, 9, tzinfo=datetime.timezone.utc).timestamp() * 1000)

def batch(path, first, last, events):
    body = b"".join(json.dumps(e, separators=(",", ":")).encode() + b"\n" for e in events)
    header = {"rehearse_sync": 1, "device": "laptop", "first": first, "last": last,
              "events": len(events), "bytes": len(body), "sha1": hashlib.sha1(body).hexdigest()}
    with open(path, "wb") as f:
        f.write(json.dumps(header).encode() + b"\n" + body)

def answer(seq, card, k, state):
    n, interval = state
    interval = 1 if n == 0 else 6 if n == 1 else round(interval * 2.5)
    n += 1
    day = start + datetime.timedelta(days=k * 36 + card % 36)
    at = t0 + (day - start).days * 86_400_000 + card
    return {"seq": seq, "type": "answer", "deck": "Big", "card": f"c{card}", "at_ms": at,
            "sort_ms": at, "quality": 4, "grade": "good", "kind": "review",
            "day": day.isoformat(), "fuzz": False, "interview": None, "origin": None,
            "was_new": k == 0, "repetition": n, "ease": 2.5, "interval": interval,
            "due": (day + datetime.timedelta(days=interval)).isoformat(), "capped": False}, (n, interval)

events, seq = [], 0
seq += 1
events.append({"seq": seq, "type": "change", "kind": "deck", "deck": "Big", "key": "", "at_ms": 0, "value": ""})
for c in range(CARDS):
    seq += 1
    events.append({"seq": seq, "type": "change", "kind": "card", "deck": "Big", "key": f"c{c}", "at_ms": 0,
                   "value": {"note": f"c{c}", "kind": "basic", "cloze_ord": None, "source": None,
                             "front": f"Question {c}?", "back": f"Answer {c}.", "extra": "", "tags": "",
                             "position": c}})
states = {}
for k in range(PER_CARD):
    for c in range(CARDS):
        seq += 1
        e, states[c] = answer(seq, c, k, states.get(c, (0, 0)))
        events.append(e)
batch(f"{work}/year/laptop/{1:012}-{seq:012}.batch", 1, seq, events)
# One more day: 300 answers, as a second batch of the same device.
day_events, first = [], seq + 1
for c in range(DAY_ANSWERS):
    seq += 1
    e, states[c] = answer(seq, c, PER_CARD, states[c])
    day_events.append(e)
batch(f"{work}/day/laptop/{first:012}-{seq:012}.batch", first, seq, day_events)
PY

export TZ=UTC
# The collection that holds the year: the base of the incremental case.
"$BIN" --db "$WORK/base.db" config device desktop >/dev/null
"$BIN" --db "$WORK/base.db" sync "$WORK/year"
cp "$WORK/year/laptop/"*.batch "$WORK/day/laptop/"

hyperfine --runs "$RUNS" --export-json "$WORK/first.json" \
    --prepare "rm -f '$WORK/fresh.db' '$WORK/fresh.db-wal' '$WORK/fresh.db-shm'; rm -rf '$WORK/year/desktop'" \
    "'$BIN' --db '$WORK/fresh.db' sync '$WORK/year'"
hyperfine --runs "$RUNS" --export-json "$WORK/day.json" \
    --prepare "cp '$WORK/base.db' '$WORK/inc.db'; rm -f '$WORK/inc.db-wal' '$WORK/inc.db-shm'" \
    "'$BIN' --db '$WORK/inc.db' sync '$WORK/day'"
"$BIN" --db "$WORK/inc.db" check >/dev/null && echo "check: the synced collection is sound"
python3 - "$WORK" <<'PY'
import json, sys
for name, label in (("first", "first sync, 100k answers / 10k cards"), ("day", "incremental sync, 300 answers")):
    r = json.load(open(f"{sys.argv[1]}/{name}.json"))["results"][0]
    print(f"{label}: median {r['median'] * 1000:.0f} ms")
PY
