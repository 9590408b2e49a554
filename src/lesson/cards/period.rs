//! A heading naming a period of the lesson's story (see docs/lessons.md,
//! "Periods").

/// "1970s", "The 2010s", "Before the 1970s", "In 1905": a heading naming a
/// period, as "in the 1970s" or "before the 1970s" (lower case given).
pub(super) fn period(label: &str) -> Option<String> {
    // "1993 - 2011", "1950s–1970s": a span of years.
    let is_year = |w: &str| {
        let d = w.trim().trim_end_matches('s');
        d.len() == 4 && d.chars().all(|c| c.is_ascii_digit())
    };
    if let Some((from, to)) = label.split_once(['-', '\u{2013}', '\u{2014}'])
        && is_year(from)
        && is_year(to)
    {
        return Some(format!("from {} to {}", from.trim(), to.trim()));
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
    }
}
