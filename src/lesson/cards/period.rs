//! A heading naming a period of the lesson's story (see docs/lessons.md,
//! "Periods").

use crate::lesson::language::{LEXICON, Role};

/// "1970s", "The 2010s", "Before the 1970s", "In 1905": a heading naming a
/// period, as "in the 1970s" or "before the 1970s" (lower case given).
pub(super) fn period(label: &str) -> Option<String> {
    // "1993 - 2011", "1950s–1970s", "1914-april 1917": a span of years
    // or dates.
    let is_year = |w: &str| {
        let d = w.trim().trim_end_matches('s');
        d.len() == 4 && d.chars().all(|c| c.is_ascii_digit())
    };
    let is_point = |w: &str| is_year(w) || date(w).is_some();
    if let Some((from, to)) = label.split_once(['-', '\u{2013}', '\u{2014}'])
        && is_point(from)
        && is_point(to)
    {
        let spelt = |w: &str| date(w).map_or_else(|| w.trim().to_string(), |(_, d)| d);
        return Some(format!("from {} to {}", spelt(from), spelt(to)));
    }
    // "june 1914" → "in June 1914"; "april 6, 1917" → "on April 6, 1917".
    if let Some((day, spelt)) = date(label) {
        return Some(format!("{} {spelt}", if day { "on" } else { "in" }));
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let (&last, rest) = words.split_last()?;
    // "1970s", "1905"; "'90s" (not "01", a number).
    let digits = last.trim_end_matches('s');
    let short = digits.strip_prefix(['\'', '\u{2019}']);
    let year = match short {
        Some(d) => d.len() == 2 && d.chars().all(|c| c.is_ascii_digit()),
        None => digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()),
    };
    if !year || rest.len() > 2 {
        return None;
    }
    let decade = last.ends_with('s');
    match rest {
        [] | ["the"] if decade => Some(format!("in the {last}")),
        [] => Some(format!("in {last}")),
        [p] | [p, "the"]
            if matches!(*p, "before" | "after" | "since" | "until" | "in" | "during") =>
        {
            let the = if decade { "the " } else { "" };
            Some(format!("{p} {the}{last}"))
        }
        _ => None,
    }
}

/// "june 1914", "april 6, 1917", "6 april 1917": a month (lexicon role
/// `calendar`), with or without its day, then a year; whether a day is
/// given, and the date with the month's capital.
fn date(label: &str) -> Option<(bool, String)> {
    let words: Vec<&str> = label
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    let day = |w: &str| {
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())
    };
    let month = |w: &str| w.chars().count() > 2 && LEXICON.is(w, Role::Calendar);
    let has_day = match words[..] {
        [m, y] if month(m) && year(y) => false,
        [m, d, y] | [d, m, y] if month(m) && day(d) && year(y) => true,
        _ => return None,
    };
    let spelt = label
        .split_whitespace()
        .map(|w| {
            if month(w.trim_end_matches(',')) {
                crate::lesson::text::capitalise(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((has_day, spelt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_heading_says_when() {
        assert_eq!(period("1970s").as_deref(), Some("in the 1970s"));
        assert_eq!(period("the 2010s").as_deref(), Some("in the 2010s"));
        assert_eq!(
            period("before the 1970s").as_deref(),
            Some("before the 1970s")
        );
        assert_eq!(period("in 1905").as_deref(), Some("in 1905"));
        assert_eq!(period("step 3"), None);
        assert_eq!(period("http 2"), None);
        assert_eq!(period("01"), None);
        assert_eq!(period("the '90s").as_deref(), Some("in the '90s"));
        assert_eq!(period("1993 - 2011").as_deref(), Some("from 1993 to 2011"));
        assert_eq!(period("june 1914").as_deref(), Some("in June 1914"));
        assert_eq!(period("april 6, 1917").as_deref(), Some("on April 6, 1917"));
        assert_eq!(period("6 may 1940").as_deref(), Some("on 6 May 1940"));
        assert_eq!(
            period("1914-april 1917").as_deref(),
            Some("from 1914 to April 1917")
        );
        // (A month word is no date without its year: "May day".)
        assert_eq!(period("may day"), None);
        assert_eq!(period("march 2"), None);
    }
}
