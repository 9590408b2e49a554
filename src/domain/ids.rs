//! Card ids: stable names inside a deck (`id`, `id#r` for a reverse card,
//! `id#cN` for cloze N; see docs/deck-format.md), and the slugs that give a
//! card without an id one derived from its front.

use std::fmt;

/// A card's stable identity inside its deck.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardId(pub String);

impl CardId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of the reverse card of basic card `note`.
    pub fn reverse_of(note: &str) -> CardId {
        CardId(format!("{note}#r"))
    }

    /// The id of cloze number `ord` of note `note`.
    pub fn cloze_of(note: &str, ord: u32) -> CardId {
        CardId(format!("{note}#c{ord}"))
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Turns free text into an id fragment: lowercase letters and digits (any
/// script), other runs become one `-`, at most `max_chars` characters, never
/// empty.
pub fn slug(text: &str, max_chars: usize) -> String {
    // One pass, one allocation: this runs once per imported row.
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    let mut chars = 0;
    let mut pending_dash = false;
    for ch in text.chars() {
        if chars >= max_chars {
            break;
        }
        if ch.is_ascii_alphanumeric() || (!ch.is_ascii() && ch.is_alphanumeric()) {
            if pending_dash && !out.is_empty() {
                // A dash with no room left after it would end the slug.
                if chars + 1 >= max_chars {
                    break;
                }
                out.push('-');
                chars += 1;
            }
            pending_dash = false;
            if ch.is_ascii() {
                out.push(ch.to_ascii_lowercase());
                chars += 1;
            } else {
                // Some lowercase forms are two characters (İ → i̇).
                for lower in ch.to_lowercase().take(max_chars - chars) {
                    out.push(lower);
                    chars += 1;
                }
            }
        } else if ch == '\'' || ch == '\u{2019}' {
            // "don't" → "dont", not "don-t"
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        "card".to_string()
    } else {
        out
    }
}

/// Gives ids to cards that have none, derived from the front text, so that
/// importing the same file again finds the same cards. A front seen twice
/// gets `~2`, `~3`… in file order.
pub struct IdMaker {
    seen: foldhash::HashMap<String, u32>,
}

impl Default for IdMaker {
    fn default() -> Self {
        Self::new()
    }
}

impl IdMaker {
    pub fn new() -> Self {
        IdMaker {
            seen: foldhash::HashMap::default(),
        }
    }

    pub fn from_front(&mut self, front: &str) -> String {
        let base = slug(front, 60);
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}~{n}") }
    }
}
