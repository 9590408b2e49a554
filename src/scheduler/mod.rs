//! SM-2 exactly as docs/scheduling.md (the npm `supermemo` reference), as pure
//! functions of (state, quality, day, fuzz seed). No clock, no database:
//! callers pass `today` and a seed, so every outcome can be tested and
//! replayed from the review log.

mod answer;
pub mod interview;
mod replay;

pub use answer::{Context, FuzzKey, Outcome, answer, next_states};
pub use replay::{Mismatch, Replayed, replay};

use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::clock::add_days;

use crate::domain::PASS_QUALITY;
pub use crate::domain::{Grade, Maturity, Sm2};

/// The next SM-2 state after an answer of quality `q` (0..=5).
pub fn next(state: Sm2, quality: u8) -> Sm2 {
    let q = quality.min(5) as f64;
    let (repetition, interval_days) = if quality >= PASS_QUALITY {
        let interval = match state.repetition {
            0 => 1,
            1 => 6,
            _ => round_half_away(state.interval_days as f64 * state.ease),
        };
        (state.repetition.saturating_add(1), interval)
    } else {
        (0, 1)
    };
    let ease = state.ease + (0.1 - (5.0 - q) * (0.08 + (5.0 - q) * 0.02));
    Sm2 {
        repetition,
        ease: if ease < 1.3 { 1.3 } else { ease },
        interval_days,
    }
}

fn round_half_away(x: f64) -> i64 {
    // f64::round is half away from zero; `as` saturates on overflow.
    x.round() as i64
}

/// The largest jitter, in days either way, for an interval (docs/scheduling.md, "Fuzz").
pub fn fuzz_range(interval_days: i64) -> i64 {
    if interval_days < 3 {
        0
    } else {
        ((interval_days as f64 * 0.05).floor() as i64).max(1)
    }
}

/// A seed that names a card and its repetition, so the same answer always
/// gets the same jitter and cards learnt together drift apart.
pub fn fuzz_seed(deck: &str, card_id: &str, repetition: u32) -> u64 {
    // FNV-1a: stable across platforms and versions, unlike std's hasher.
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in deck
        .bytes()
        .chain([0])
        .chain(card_id.bytes())
        .chain([0])
        .chain(repetition.to_le_bytes())
    {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

/// The jitter in days for this interval and seed, in `-r..=r`.
pub fn fuzz_days(interval_days: i64, seed: u64) -> i64 {
    let range = fuzz_range(interval_days);
    if range == 0 {
        return 0;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.random_range(-range..=range)
}

/// The due day of a state reached `today`; with `fuzz`, jittered by the seed.
pub fn due_day(today: NaiveDate, interval_days: i64, fuzz: Option<u64>) -> NaiveDate {
    let jitter = fuzz.map_or(0, |seed| fuzz_days(interval_days, seed));
    add_days(today, interval_days + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn run(qualities: &[u8]) -> Vec<Sm2> {
        let mut state = Sm2::default();
        qualities
            .iter()
            .map(|&q| {
                state = next(state, q);
                state
            })
            .collect()
    }

    #[test]
    fn known_sequences() {
        // Values from the npm `supermemo` reference implementation.
        let s = run(&[5, 5, 5]);
        assert_eq!(
            s.iter().map(|s| s.interval_days).collect::<Vec<_>>(),
            [1, 6, 16]
        );
        assert!((s[2].ease - 2.8).abs() < 1e-12);
        assert_eq!(s[2].repetition, 3);

        let s = run(&[4, 4, 4, 4]);
        assert_eq!(
            s.iter().map(|s| s.interval_days).collect::<Vec<_>>(),
            [1, 6, 15, 38]
        );
        assert_eq!(s[3].ease, 2.5);

        let s = run(&[3, 3, 3]);
        // EF: 2.5 → 2.36 → 2.22 → 2.08; I3 = round(6 × 2.22) = 13
        assert_eq!(
            s.iter().map(|s| s.interval_days).collect::<Vec<_>>(),
            [1, 6, 13]
        );
        assert!((s[2].ease - 2.08).abs() < 1e-12);

        let s = run(&[5, 5, 1, 4]);
        assert_eq!((s[2].repetition, s[2].interval_days), (0, 1));
        assert!((s[2].ease - (s[1].ease - 0.54)).abs() < 1e-12);
        assert_eq!(s[3].interval_days, 1);
        assert_eq!(s[3].repetition, 1);

        // Ease never drops below 1.3.
        let s = run(&[0, 0, 0, 0, 0]);
        assert_eq!(s[4].ease, 1.3);
    }

    #[test]
    fn ease_uses_the_exact_expression() {
        let mut ef = 2.5_f64;
        let mut state = Sm2::default();
        for q in [4u8, 3, 5, 2, 4, 4, 3, 5] {
            let qf = q as f64;
            ef += 0.1 - (5.0 - qf) * (0.08 + (5.0 - qf) * 0.02);
            if ef < 1.3 {
                ef = 1.3;
            }
            state = next(state, q);
            assert_eq!(state.ease.to_bits(), ef.to_bits());
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // I = 5, EF = 2.5 → 12.5 → 13
        let s = next(
            Sm2 {
                repetition: 2,
                ease: 2.5,
                interval_days: 5,
            },
            4,
        );
        assert_eq!(s.interval_days, 13);
    }

    #[test]
    fn grades_map_to_qualities_and_parse() {
        assert_eq!(Grade::ALL.map(Grade::quality), [1, 3, 4, 5]);
        assert_eq!(Grade::parse("3"), Some(Grade::Good));
        assert_eq!(Grade::parse(" EASY "), Some(Grade::Easy));
        assert_eq!(Grade::parse("5"), None);
    }

    #[test]
    fn fuzz_is_bounded_deterministic_and_off_below_three_days() {
        assert_eq!(fuzz_range(2), 0);
        assert_eq!(fuzz_range(3), 1);
        assert_eq!(fuzz_range(40), 2);
        assert_eq!(fuzz_days(16, 42), fuzz_days(16, 42));
        let spread: std::collections::BTreeSet<i64> = (0..200).map(|s| fuzz_days(100, s)).collect();
        assert_eq!(
            spread.into_iter().collect::<Vec<_>>(),
            (-5..=5).collect::<Vec<_>>()
        );
        assert_ne!(fuzz_seed("d", "a", 1), fuzz_seed("d", "a", 2));
        assert_ne!(fuzz_seed("d", "a", 1), fuzz_seed("d", "b", 1));
    }

    proptest! {
        #[test]
        fn invariants_hold_for_any_answers(qualities in proptest::collection::vec(0u8..=5, 1..40)) {
            let mut state = Sm2::default();
            for q in qualities {
                let before = state;
                state = next(state, q);
                prop_assert!(state.ease >= 1.3);
                prop_assert!(state.interval_days >= 1);
                if q < 3 {
                    prop_assert_eq!(state.repetition, 0);
                    prop_assert_eq!(state.interval_days, 1);
                } else {
                    prop_assert_eq!(state.repetition, before.repetition + 1);
                    if before.repetition >= 2 {
                        // Ease ≥ 1.3 means intervals never shrink on success.
                        prop_assert!(state.interval_days >= before.interval_days);
                    }
                }
                // Ease moves by the formula's bounded step.
                prop_assert!(state.ease - before.ease <= 0.1 + 1e-12);
            }
        }

        #[test]
        fn better_answers_never_give_shorter_intervals(rep in 0u32..10, ease in 1.3f64..3.5, interval in 1i64..400) {
            let state = Sm2 { repetition: rep, ease, interval_days: interval };
            let outcomes = Grade::ALL.map(|g| (g, next(state, g.quality())));
            for pair in outcomes.windows(2) {
                prop_assert!(pair[0].1.interval_days <= pair[1].1.interval_days);
                prop_assert!(pair[0].1.ease <= pair[1].1.ease);
            }
        }

        #[test]
        fn fuzz_stays_in_range(interval in 0i64..100_000, seed in any::<u64>()) {
            let d = fuzz_days(interval, seed);
            prop_assert!(d.abs() <= fuzz_range(interval));
            let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
            let due = due_day(today, interval, Some(seed));
            prop_assert_eq!((due - today).num_days(), interval + d);
        }
    }
}
