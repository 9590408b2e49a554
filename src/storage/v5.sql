-- Schema version 5: the counts kept for `stats` and `decks` (review_buckets,
-- deck_cards; schema v2) are kept by rehearse itself, in the transaction of
-- each write, instead of by triggers. The triggers wrote the pass mark and
-- the mature interval into SQL a second time; now the domain module defines
-- them once (src/domain/state.rs) and src/storage/counts.rs applies them.
-- The tables and their contents stay as they are.
DROP TRIGGER IF EXISTS review_buckets_add;
DROP TRIGGER IF EXISTS review_buckets_remove;
DROP TRIGGER IF EXISTS review_buckets_change;
DROP TRIGGER IF EXISTS deck_cards_add;
DROP TRIGGER IF EXISTS deck_cards_remove;
DROP TRIGGER IF EXISTS deck_cards_change;
