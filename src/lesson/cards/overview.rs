//! The lesson's overview card: its two to eight sections listed, or their
//! groups when there are too many.

use crate::lesson::text::Casing;

use super::OVERVIEW_MAX;

/// The overview: two to eight sections listed, or their groups, or nothing.
pub(super) fn overview(
    title: &str,
    listed: &[(Option<String>, String)],
    casing: &Casing,
) -> Option<(String, String, String)> {
    let count = listed.len();
    if (2..=OVERVIEW_MAX).contains(&count) {
        return Some((
            format!(
                "\u{201c}{title}\u{201d}: what are its {} {}?",
                number_word(count),
                "parts"
            ),
            listed
                .iter()
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
                .join(" \u{b7} "),
            format!("lists the lesson's {count} sections"),
        ));
    }
    // Too many: their groups, when every section has one.
    let mut groups: Vec<String> = Vec::new();
    for (context, _) in listed {
        let c = casing.sentence_case(context.as_deref()?);
        if groups.last() != Some(&c) {
            if groups.contains(&c) {
                return None;
            }
            groups.push(c);
        }
    }
    (2..=OVERVIEW_MAX).contains(&groups.len()).then(|| {
        (
            format!(
                "\u{201c}{title}\u{201d}: what are its {} main parts?",
                number_word(groups.len())
            ),
            groups.join(" \u{b7} "),
            format!(
                "lists the lesson's {} groups of sections ({count} sections are too many to list)",
                groups.len()
            ),
        )
    })
}

pub(super) fn number_word(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}
