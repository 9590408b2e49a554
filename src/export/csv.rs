//! `export --format csv`: Anki's text format with our `Id`, `Extra` and
//! `Cloze` columns, one row per card as shown (a cloze card's rendered
//! sides, and its cloze text), so that reading it back with
//! [`crate::import::csv`] gives the same ids, kinds, sides, extra text and
//! tags (see docs/imports.md).
//!
//! Cells are written exactly, including those starting with `=`, `+`, `-`
//! or `@` that a spreadsheet would run as a formula. The file's first job
//! is to import back unchanged, here and in Anki, and a prefix such as `'`
//! would come back as part of the card ("-5 °C", "=" in maths and code are
//! ordinary card text); the README tells users to open such a file in a
//! spreadsheet only as text.

use crate::domain::{CardDraft, CardKind};

/// The header lines of an exported file.
const COLUMNS: &str = "#columns:Id,Front,Back,Extra,Tags,Cloze\n";

/// The CSV text of deck `deck_name` holding `cards`.
pub fn write(deck_name: &str, cards: &[CardDraft]) -> String {
    let name: String = deck_name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = format!("#separator:comma\n#html:false\n#deck:{name}\n{COLUMNS}");
    for card in cards {
        let cloze = match &card.kind {
            CardKind::Cloze { source, .. } => source.as_str(),
            CardKind::Basic | CardKind::Reverse => "",
        };
        let row = [
            card.id.as_str(),
            card.front.as_str(),
            card.back.as_str(),
            card.extra.as_str(),
            &card.tags.join(" "),
            cloze,
        ];
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, field, i == 0);
        }
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it holds a comma, quote, line break or outer
/// white space, or when it would start a row with `#` (a header line).
fn push_field(out: &mut String, field: &str, first: bool) {
    let needs_quotes = field.contains([',', '"', '\n', '\r'])
        || field.trim() != field
        || (first && field.starts_with('#'));
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::domain::DeckDraft;

    /// Reads `text` back as the CSV importer does.
    fn read_back(text: &str) -> DeckDraft {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, text).unwrap();
        crate::import::csv::read(&path, b'\t', None, &crate::import::NoProgress).unwrap()
    }

    #[test]
    fn write_then_read_gives_the_same_cards() {
        let source = "name = \"Deck, with \\\"quotes\\\"\"\n\
[[cards]]\nid = \"pitch/why\"\nfront = \"Why, \\\"pitch\\\"?\"\nback = \"two\\nlines\"\ntags = [\"a\", \"b\"]\nreverse = true\n\
[[cards]]\nid = \"cl\"\ncloze = \"{{c1::Rust}} is {{c2::safe::what?}}\"\nextra = \"more\"\n\
[[cards]]\nfront = \"#hash first\"\nback = \" spaced \"\n";
        let original = crate::deck::parse(Path::new("d.toml"), source).unwrap();
        let text = write(&original.name, &original.cards);
        assert!(text.starts_with("#separator:comma\n#html:false\n#deck:Deck, with \"quotes\"\n#columns:Id,Front,Back,Extra,Tags,Cloze\n"), "{text}");
        let back = read_back(&text);
        assert_eq!(back.name, original.name);
        assert_eq!(back.cards.len(), original.cards.len());
        for (a, b) in original.cards.iter().zip(&back.cards) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.front, b.front);
            assert_eq!(a.back, b.back);
            assert_eq!(a.extra, b.extra);
            assert_eq!(a.tags, b.tags);
        }
    }

    /// Issue 14.11: cells a spreadsheet would run as formulas are written
    /// exactly, as the module says why, and read back exactly.
    #[test]
    fn formula_like_cells_are_written_and_read_back_exactly() {
        let source = "name = \"d\"\n\
[[cards]]\nid = \"f\"\nfront = \"=1+1\"\nback = \"+33 1 23\"\ntags = [\"@home\"]\n\
[[cards]]\nid = \"g\"\nfront = \"-5 °C is?\"\nback = \"@cmd|' /C calc'!A0\"\n";
        let original = crate::deck::parse(Path::new("d.toml"), source).unwrap();
        let text = write(&original.name, &original.cards);
        assert!(text.contains("\nf,=1+1,+33 1 23,,@home,\n"), "{text}");
        let back = read_back(&text);
        assert_eq!(back.cards, original.cards);
    }
}
