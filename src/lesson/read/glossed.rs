//! Headings that carry their own gloss ("### **COUNT**: returns the number
//! of rows", "### INNER JOIN: returns records that match in both
//! tables"), as cheat sheets and references write them: the term before
//! the colon names the section, and the gloss after it, in lower case,
//! is its first sentence (see docs/lessons.md, "What it reads").

use std::collections::BTreeSet;

use super::Section;
use super::markdown::{Block, Kind};
use crate::lesson::language::{LEXICON, Role, advice_start, analyse, known_adjective};
use crate::lesson::text::{capitalise, word_count};

/// Most words of the term before the colon.
const TERM_WORDS: usize = 5;

/// Fewest words of the gloss after it (fewer are a label's value:
/// "Disadvantages: failover", "Drawback: load balancer").
const GLOSS_WORDS: usize = 3;

/// Words that label a part of a text rather than name a term ("Tip: use
/// a timer", "Note: keep it short", "Steps: …").
const LABEL_ROLES: [Role; 8] = [
    Role::AnnouncedNoun,
    Role::NotesHeading,
    Role::StepsHeading,
    Role::ExampleHeading,
    Role::SummaryHeading,
    Role::IntroHeading,
    Role::ContentsLabel,
    Role::Ordinal,
];

/// "COUNT: returns the number of rows" → ("COUNT", "Returns the number of
/// rows."): a short term, then a gloss that goes on in lower case, as a
/// definition does after its term; not a label naming a part of the text
/// ("Tip: …", "Note: …"), nor a numbered one ("Step 2: …", "0:15: …"),
/// whose text after the colon is the heading itself.
pub(super) fn split(text: &str) -> Option<(String, String)> {
    let (term, gloss) = text.split_once(": ")?;
    let term = term.trim();
    let gloss = gloss.trim();
    let words = word_count(term);
    let label = term.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // ("Tip" is one of the "tips" a text announces.)
        let plural = format!("{w}s");
        LABEL_ROLES
            .iter()
            .any(|&r| LEXICON.is(&w, r) || LEXICON.is(&plural, r))
    });
    // ("ERROR: unable to download video data: HTTP Error 403": a message
    // quoted as it is printed, its level before the colon.)
    let message = LEXICON.is(&term.to_lowercase(), Role::MessageLevel) || gloss.contains(": ");
    // ("Optional: use swing top bottles", "Mandatory: keep notes": one
    // adjective before advice names no term; it labels the advice, which
    // is the heading.)
    let adjective = words == 1 && known_adjective(&term.to_lowercase()) == Some(true) && {
        let a = analyse(&capitalise(gloss));
        advice_start(&a.words.iter().collect::<Vec<_>>()) == Some(0)
    };
    let ok = (1..=TERM_WORDS).contains(&words)
        && !message
        && term.chars().any(char::is_alphabetic)
        && !term.chars().any(|c| c.is_ascii_digit())
        && !label
        && !adjective
        // ("Disadvantage(s): …" labels what follows.)
        && !term.ends_with("(s)")
        && gloss.starts_with(char::is_lowercase)
        && word_count(gloss) >= GLOSS_WORDS
        && !gloss.ends_with('?');
    if !ok {
        return None;
    }
    let mut sentence = capitalise(gloss);
    if !sentence.ends_with(['.', '!', ')']) {
        sentence.push('.');
    }
    Some((term.to_string(), sentence))
}

/// Splits every heading that carries its gloss into the term, as the
/// heading, and the gloss, as the first paragraph under it. Also gives the
/// lines of those headings.
pub(super) fn split_glossed_headings(blocks: Vec<Block>) -> (Vec<Block>, BTreeSet<usize>) {
    let mut out = Vec::with_capacity(blocks.len());
    let mut lines = BTreeSet::new();
    for b in blocks {
        let parts = matches!(b.kind, Kind::Heading(_))
            .then(|| split(&b.text()))
            .flatten();
        match parts {
            Some((term, gloss)) => {
                let mut para = b.clone();
                para.kind = Kind::Para;
                para.lines = vec![gloss];
                para.stressed.clear();
                para.terms.clear();
                para.lead = None;
                lines.insert(b.line);
                let mut heading = b;
                heading.lines = vec![term];
                out.push(heading);
                out.push(para);
            }
            None => out.push(b),
        }
    }
    (out, lines)
}

/// Marks the sections whose heading carried its gloss (their heading's
/// line is among `lines`; section 0 is the introduction).
pub(super) fn mark(sections: &mut [Section], lines: &BTreeSet<usize>) {
    for s in sections.iter_mut().skip(1) {
        s.glossed = lines.contains(&s.line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_and_its_gloss_in_lower_case_split() {
        assert_eq!(
            split("INSERT INTO: used to insert new rows in a table"),
            Some((
                "INSERT INTO".into(),
                "Used to insert new rows in a table.".into()
            ))
        );
        assert_eq!(
            split("Postel's Law: be liberal in what you accept"),
            Some((
                "Postel's Law".into(),
                "Be liberal in what you accept.".into()
            ))
        );
    }

    #[test]
    fn a_glossed_heading_heads_its_gloss_and_its_code() {
        let text = "# SQL\n\n## Reports\n\n### **COUNT**: returns the number of rows\n\n* `SELECT COUNT(*)` FROM t;\n\n### Joins\n\nJoins match rows of two tables.\n";
        let lesson = super::super::read(std::path::Path::new("sql.md"), text).unwrap();
        let s = &lesson.sections;
        assert_eq!(s[0].heading.as_deref(), Some("COUNT"));
        assert_eq!(s[0].context.as_deref(), Some("Reports"));
        assert_eq!(s[0].body[0].text, "Returns the number of rows.");
        assert!(s[0].glossed);
        assert!(!s[1].glossed);
    }

    #[test]
    fn labels_numbers_and_capitalised_headings_do_not_split() {
        // The text after the colon is the heading: a label, a step.
        assert_eq!(split("Step 2: add the salt"), None);
        assert_eq!(split("Tip: use a timer"), None);
        assert_eq!(split("Note: keep it short"), None);
        assert_eq!(split("Conclusion: A few steps"), None);
        assert_eq!(split("Optional: use swing top bottles"), None);
        assert_eq!(split("Mandatory: keep notes on every batch"), None);
        // One word of gloss is a label's value; a question asks.
        assert_eq!(split("Disadvantages: failover"), None);
        assert_eq!(split("Disadvantage(s): load balancer"), None);
        assert_eq!(split("Drawback(s): the cost of the setup"), None);
        assert_eq!(split("Caching: when is it stale?"), None);
        // A message as printed is no term and gloss.
        assert_eq!(split("ERROR: unable to download video data"), None);
        assert_eq!(split("fatal: not a git repository: .git"), None);
        // A long opening is a sentence, not a term.
        assert_eq!(
            split("The one thing most teams forget: writing the tests"),
            None
        );
    }
}
