//! Cards for the rows of a section's tables (see docs/lessons.md,
//! "Tables"): the row's label asks, its other cells answer. "What does
//! the table under “Loan types” give for “FHA”?" → "Down payment: 3.5% ·
//! Who it suits: first-time buyers".

use std::collections::BTreeSet;

use crate::domain::slug;
use crate::lesson::language::analyse;
use crate::lesson::read::{PieceKind, Section};

use super::forms::is_plural_phrase;
use super::push::Face;
use super::{Maker, SLUG_CHARS, SectionReport};

impl Maker {
    /// A section of a table alone, or of example pairs alone (see
    /// `pairs.rs`), gives their cards, and is listed as a part of the
    /// lesson; false for any other section.
    pub(super) fn table_alone(&mut self, section: &Section, report: &mut SectionReport) -> bool {
        let rows_only = section.body.iter().all(|p| p.kind == PieceKind::Row);
        let pairs_only = section
            .body
            .iter()
            .all(|p| p.kind == PieceKind::Item && p.asked_apart());
        if section.body.is_empty() || !(rows_only || pairs_only) {
            return false;
        }
        report.cards = if rows_only {
            self.row_cards(section, None)
        } else {
            self.pair_cards(section, None)
        };
        if let Some(h) = section.heading.as_ref().filter(|_| report.cards > 0) {
            let shown = self.casing.sentence_case(h);
            self.listed.push((section.context.clone(), shown));
        }
        true
    }

    /// One card per table row of `section`; `base` is the id prefix of the
    /// section's cards, when its text made one. Gives how many.
    pub(super) fn row_cards(&mut self, section: &Section, base: Option<&str>) -> usize {
        let rows: Vec<(&str, &str)> = section
            .body
            .iter()
            .filter(|p| p.kind == PieceKind::Row)
            .filter_map(|p| Some((p.label.as_deref()?, p.text.as_str())))
            .collect();
        if rows.is_empty() || numbered(&rows) {
            return 0;
        }
        let rows = without_rote(rows);
        let named = section
            .heading
            .clone()
            .unwrap_or_else(|| self.title.clone());
        let base = self.section_base(base, &named);
        let shown = self.casing.sentence_case(&named);
        let mut taken = BTreeSet::new();
        for &(label, text) in &rows {
            let mut id = format!("{base}/row-{}", slug(label, SLUG_CHARS));
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}/row-{}-{n}", slug(label, SLUG_CHARS));
                n += 1;
            }
            let (front, back) =
                row_question(section.heading.as_ref().map(|_| &*shown), label, text);
            let front = self.unique_front(front);
            self.push_card(
                id,
                Face::Question(front, back.to_string()),
                "table",
                (
                    vec![text.to_string()],
                    "a table's row: its first cell asks, its other cells answer".into(),
                ),
            );
        }
        rows.len()
    }
}

/// The fewest rows a table needs before an answer most of them share
/// is rote.
const ROTE_ROWS: usize = 4;

/// A table whose rows mostly give the same answer ("window.closed: Read
/// only", "window.frames: Read only", … and one "Read/Write"): asking each
/// row drills the same answer, so only the rows that differ are asked.
/// Rote when two thirds of four rows or more give one answer.
fn without_rote<'a>(rows: Vec<(&'a str, &'a str)>) -> Vec<(&'a str, &'a str)> {
    // (Each answer counted in one pass; two answers cannot both hold two
    // thirds of the rows, so a tie never decides.)
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &(_, t) in &rows {
        match counts.iter_mut().find(|(c, _)| *c == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        }
    }
    let Some(&(common, same)) = counts.iter().max_by_key(|(_, n)| *n) else {
        return rows;
    };
    if rows.len() < ROTE_ROWS || same * 3 < rows.len() * 2 {
        return rows;
    }
    rows.into_iter().filter(|&(_, t)| t != common).collect()
}

/// The question for a row and its answer: by the column's name when the
/// row has one cell besides its label, else for all the row gives. The
/// section's heading, `shown`, names the table (a lesson without headings
/// has none to name it by).
fn row_question<'a>(shown: Option<&str>, label: &str, text: &'a str) -> (String, &'a str) {
    let (open, close) = ('\u{201c}', '\u{201d}');
    // ("Ingredients: …": the verb agrees with the header's noun.)
    let be = |column: &str| {
        if is_plural_phrase(&analyse(column)) {
            "are"
        } else {
            "is"
        }
    };
    match (one_column(text), shown) {
        (Some((column, value)), Some(shown)) => (
            format!(
                "{open}{shown}{close}: what {} the {} for {open}{label}{close}?",
                be(column),
                column.to_lowercase()
            ),
            value,
        ),
        (Some((column, value)), None) => (
            format!(
                "What {} the {} for {open}{label}{close}?",
                be(column),
                column.to_lowercase()
            ),
            value,
        ),
        (None, Some(shown)) => (
            format!(
                "What does the table under {open}{shown}{close} give for {open}{label}{close}?"
            ),
            text,
        ),
        (None, None) => (
            format!("What does the table give for {open}{label}{close}?"),
            text,
        ),
    }
}

/// Rows labelled by numbers alone ("1", "14", "26") are sample data, an
/// example's table of ids or years, not facts to learn: "What does the
/// table give for “14”?" cannot be studied.
fn numbered(rows: &[(&str, &str)]) -> bool {
    let number = |label: &str| {
        label
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' ' | '#'))
    };
    rows.iter().all(|&(label, _)| number(label))
}

/// A row with one cell besides its label, under a column header that
/// names a thing ("Acceptable downtime: 8h 45min"): the header and the
/// value, so the card asks for the value by the header's name. (Not "Who
/// it suits: veterans", a clause, nor a header of many words.)
fn one_column(text: &str) -> Option<(&str, &str)> {
    if text.contains(" \u{b7} ") {
        return None;
    }
    let (column, value) = text.split_once(": ")?;
    let first = column.split_whitespace().next()?.to_lowercase();
    let clause = matches!(
        first.as_str(),
        "who" | "what" | "when" | "where" | "why" | "how" | "which" | "is" | "are" | "does" | "can"
    );
    (!clause && column.split_whitespace().count() <= 4).then_some((column, value))
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_pairs as cards;

    #[test]
    fn a_tables_rows_are_asked_by_their_labels() {
        let got = cards(
            "# Home loans\n\nLenders offer several kinds of loan.\n\n\
             ## Loans at a glance\n\n\
             | Loan | Down payment | Who it suits |\n|---|---|---|\n\
             | FHA | 3.5% | Buyers with lower credit scores |\n\
             | VA | None | Veterans |\n\n\
             ## Uptime\n\n\
             | Level | Downtime |\n|---|---|\n| Three nines | 8.8 hours a year |\n\n\
             ## Pantry\n\n\
             | Colour | Ingredients |\n|---|---|\n| Greens | Leeks and scallions |\n\n\
             ## Fixed rates\n\n\
             A fixed rate stays the same for the whole loan, so the payment never rises.\n",
        );
        let has = |f: &str, b: &str| got.iter().any(|(x, y)| x == f && y == b);
        assert!(
            has(
                "What does the table under \u{201c}Loans at a glance\u{201d} give for \u{201c}FHA\u{201d}?",
                "Down payment: 3.5% \u{b7} Who it suits: Buyers with lower credit scores"
            ),
            "{got:?}"
        );
        // One column besides the label is asked for by its header's name.
        assert!(
            has(
                "\u{201c}Uptime\u{201d}: what is the downtime for \u{201c}Three nines\u{201d}?",
                "8.8 hours a year"
            ),
            "{got:?}"
        );
        // The verb agrees with a plural header.
        assert!(
            has(
                "\u{201c}Pantry\u{201d}: what are the ingredients for \u{201c}Greens\u{201d}?",
                "Leeks and scallions"
            ),
            "{got:?}"
        );
        // A section of a table alone is a part of the lesson.
        let overview = got
            .iter()
            .find(|(f, _)| f.contains("parts"))
            .expect("an overview");
        assert!(overview.1.contains("Loans at a glance"), "{overview:?}");
    }

    #[test]
    fn rows_that_mostly_give_one_answer_ask_only_those_that_differ() {
        let fronts: Vec<String> = cards(
            "# Objects\n\nBrowsers limit what a page may touch in another page.\n\n\
             ## Window\n\n\
             | Property | Access |\n|---|---|\n| closed | Read only |\n| frames | Read only |\n\
             | length | Read only |\n| location | Read and write |\n| parent | Read only |\n\n\
             ## Storage\n\nEach origin gets its own storage, which no other origin can read.\n",
        )
        .into_iter()
        .map(|(f, _)| f)
        .collect();
        assert!(fronts.iter().any(|f| f.contains("location")), "{fronts:?}");
        assert!(!fronts.iter().any(|f| f.contains("frames")), "{fronts:?}");
    }

    #[test]
    fn rows_labelled_by_numbers_are_sample_data() {
        let got = cards(
            "# Indexes\n\nAn index finds rows without reading the whole table.\n\n\
             ## A sample table\n\n\
             Take a table of people and their ages.\n\n\
             | id | name | age |\n|---|---|---|\n| 1 | Ada Byron | 36 |\n| 14 | Alan Kay | 84 |\n\n\
             Without an index, a lookup scans every row, so its cost grows with the table.\n",
        );
        assert!(got.iter().all(|(f, _)| !f.contains("give for")), "{got:?}");
    }
}
