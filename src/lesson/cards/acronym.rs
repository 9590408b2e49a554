//! Glossaries of abbreviations: "**DAG:** Directed Acyclic Graph." The
//! entry's text is a short phrase with no verb, too little for a sentence
//! of substance, and still the point: what the letters stand for (see
//! docs/lessons.md, "Glossary entries").

use super::sentence::Sent;

/// "DAG", "OTel", "OTLP": a heading of one word, two to eight letters, at
/// least two of them capitals, that reads as an abbreviation.
fn abbreviation(heading: &str) -> bool {
    let n = heading.chars().count();
    (2..=8).contains(&n)
        && heading.chars().all(|c| c.is_ascii_alphanumeric())
        && heading.starts_with(|c: char| c.is_ascii_uppercase())
        && heading.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Does `s` spell `heading` out ("Directed Acyclic Graph" for "DAG",
/// "OpenTelemetry Protocol" for "OTLP")? A phrase of one to eight words,
/// opening with the abbreviation's first letter and holding all its
/// letters in order.
pub(super) fn spells_out(heading: &str, s: &Sent) -> bool {
    if !abbreviation(heading) {
        return false;
    }
    let phrase = s.text.trim_end_matches('.');
    let words = phrase.split_whitespace().count();
    if !(1..=8).contains(&words) || phrase.contains(['?', ':', ';']) {
        return false;
    }
    let letters: Vec<char> = phrase
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let wanted: Vec<char> = heading
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut at = 0;
    for c in &letters {
        if at < wanted.len() && *c == wanted[at] {
            at += 1;
        }
    }
    at == wanted.len() && letters.first() == wanted.first()
}

/// "What does DAG stand for?"
pub(super) fn stand_for_question(heading: &str) -> String {
    format!("What does {heading} stand for?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    fn s(text: &str) -> Sent {
        Sent::new(text.into(), PieceKind::Para)
    }

    #[test]
    fn an_abbreviation_is_spelt_out_by_the_capitals_of_its_phrase() {
        assert!(spells_out("DAG", &s("Directed Acyclic Graph.")));
        assert!(spells_out("OTLP", &s("OpenTelemetry Protocol.")));
        assert!(spells_out("OTel", &s("OpenTelemetry")));
        assert!(spells_out("JSON", &s("JavaScript Object Notation.")));
        assert!(spells_out("ETA", &s("Estimated Time of Arrival.")));
    }

    #[test]
    fn words_and_sentences_spell_out_nothing() {
        // (A word, not an abbreviation.)
        assert!(!spells_out("Field", &s("Term used by Log Records.")));
        // (Letters that do not match.)
        assert!(!spells_out("DAG", &s("A graph with no cycles.")));
        // (A sentence with more to say is a card of its own.)
        assert!(!spells_out(
            "API",
            &s(
                "Application Programming Interface: how telemetry data is generated per Data Source."
            )
        ));
    }
}
