//! Where a card stands: its SM-2 state and due day, or new. The two numbers
//! that classify answers and cards are defined here and nowhere else.

use chrono::NaiveDate;

/// An answer of this quality or better is a pass: SM-2 moves the card on
/// instead of starting it over (docs/scheduling.md).
pub const PASS_QUALITY: u8 = 3;

/// A card whose interval reached this many days is mature; below, young.
pub const MATURE_INTERVAL_DAYS: i64 = 21;

/// SM-2 state of a card that has been answered at least once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sm2 {
    /// `n`: successful answers in a row.
    pub repetition: u32,
    /// `EF`, kept as a full double.
    pub ease: f64,
    /// `I` in days.
    pub interval_days: i64,
}

impl Default for Sm2 {
    fn default() -> Self {
        Sm2 {
            repetition: 0,
            ease: 2.5,
            interval_days: 0,
        }
    }
}

/// Where a card stands in its schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Schedule {
    New,
    Learned { sm2: Sm2, due: NaiveDate },
}

impl Schedule {
    pub fn sm2(&self) -> Sm2 {
        match self {
            Schedule::New => Sm2::default(),
            Schedule::Learned { sm2, .. } => *sm2,
        }
    }

    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Schedule::New => None,
            Schedule::Learned { due, .. } => Some(*due),
        }
    }

    pub fn maturity(&self) -> Maturity {
        match self {
            Schedule::New => Maturity::New,
            Schedule::Learned { sm2, .. } => Maturity::of(true, sm2.interval_days),
        }
    }
}

/// New, young (I < 21) or mature (I ≥ 21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Maturity {
    New,
    Young,
    Mature,
}

impl Maturity {
    pub fn of(answered: bool, interval_days: i64) -> Maturity {
        if !answered {
            Maturity::New
        } else if interval_days < MATURE_INTERVAL_DAYS {
            Maturity::Young
        } else {
            Maturity::Mature
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Maturity::New => "new",
            Maturity::Young => "young",
            Maturity::Mature => "mature",
        }
    }
}
