//! Answers: the four grades, what one answer asks of the scheduler, and a
//! row of the append-only review log with the state it left.

use std::ops::AddAssign;

use chrono::NaiveDate;

use super::state::{PASS_QUALITY, Sm2};

/// The four buttons of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The SM-2 quality of each button: again→1, hard→3, good→4, easy→5
    /// (docs/scheduling.md).
    pub fn quality(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 3,
            Grade::Good => 4,
            Grade::Easy => 5,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    /// `again|hard|good|easy` or `1..4`.
    pub fn parse(text: &str) -> Option<Grade> {
        match text.trim().to_ascii_lowercase().as_str() {
            "again" | "1" => Some(Grade::Again),
            "hard" | "2" => Some(Grade::Hard),
            "good" | "3" => Some(Grade::Good),
            "easy" | "4" => Some(Grade::Easy),
            _ => None,
        }
    }

    pub fn from_name(name: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.name() == name)
    }

    /// Again and hard bring the card back in the same session (SM-2 step 7).
    pub fn needs_drill(self) -> bool {
        matches!(self, Grade::Again | Grade::Hard)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    /// A scheduled answer: it moves the card's SM-2 state.
    Review,
    /// A repeat inside a session after again/hard: logged, schedule untouched.
    Drill,
}

impl ReviewKind {
    pub fn name(self) -> &'static str {
        match self {
            ReviewKind::Review => "review",
            ReviewKind::Drill => "drill",
        }
    }

    pub fn from_name(name: &str) -> Option<ReviewKind> {
        match name {
            "review" => Some(ReviewKind::Review),
            "drill" => Some(ReviewKind::Drill),
            _ => None,
        }
    }
}

/// One answer as the user gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub quality: u8,
    pub grade: Option<Grade>,
    pub kind: ReviewKind,
}

impl Answer {
    pub fn graded(grade: Grade, kind: ReviewKind) -> Answer {
        Answer {
            quality: grade.quality(),
            grade: Some(grade),
            kind,
        }
    }

    /// Whether this answer is a pass (quality ≥ [`PASS_QUALITY`]).
    pub fn passed(&self) -> bool {
        self.quality >= PASS_QUALITY
    }
}

/// One row of the review log, with the state after the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub id: i64,
    pub deck_id: i64,
    pub deck: String,
    pub card: String,
    pub answered_at_ms: i64,
    pub quality: u8,
    pub grade: Option<Grade>,
    pub kind: ReviewKind,
    pub was_new: bool,
    pub sm2: Sm2,
    pub due: NaiveDate,
    /// Interview mode moved the due day to the eve of the interview.
    pub capped: bool,
    /// Where the answer came from when it was not given here: `anki:<revlog
    /// id>` for one imported from an Anki package (docs/imports.md). `None`
    /// for answers given in this collection.
    pub origin: Option<String>,
}

impl Review {
    /// A scheduled answer that failed a card already learned: a lapse.
    pub fn is_lapse(&self) -> bool {
        self.kind == ReviewKind::Review && !self.was_new && self.quality < PASS_QUALITY
    }

    /// An answer imported from an Anki package with the state Anki gave the
    /// card: replay takes that state as it is, as the seed the answers given
    /// here go on from (docs/imports.md, "Scheduling and history").
    pub fn is_imported_seed(&self) -> bool {
        self.kind == ReviewKind::Review
            && self
                .origin
                .as_deref()
                .is_some_and(|o| o.starts_with(ANKI_ORIGIN))
    }
}

/// The prefix of the `origin` of answers imported from Anki: `anki:` and
/// the revlog row's id.
pub const ANKI_ORIGIN: &str = "anki:";

impl Review {
    /// The `origin` of the answer kept in Anki's revlog row `revlog_id`.
    pub fn anki_origin(revlog_id: i64) -> String {
        format!("{ANKI_ORIGIN}{revlog_id}")
    }
}

/// Answer counts of one local day (or any span), as `stats` reads them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// Every answer, drills included.
    pub answers: i64,
    /// Answers of quality ≥ 3, drills included.
    pub passed: i64,
    pub drills: i64,
    /// Non-drill answers to cards that had been answered before.
    pub known: i64,
    /// Of `known`, those of quality ≥ 3.
    pub known_passed: i64,
}

impl AddAssign for DayCounts {
    fn add_assign(&mut self, other: DayCounts) {
        self.answers += other.answers;
        self.passed += other.passed;
        self.drills += other.drills;
        self.known += other.known;
        self.known_passed += other.known_passed;
    }
}
