//! Cloze deletions in Anki's notation: `{{c1::hidden}}` or
//! `{{c1::hidden::hint}}`. Card N shows its own deletions as `[...]` (or
//! `[hint]`) and every other deletion as plain text.

pub use crate::error::ClozeError;

/// One piece of a cloze text.
enum Piece<'a> {
    Text(&'a str),
    Deletion {
        ord: u32,
        answer: &'a str,
        hint: Option<&'a str>,
    },
}

fn pieces(text: &str) -> Result<Vec<Piece<'_>>, ClozeError> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{c") {
        let after = &rest[start + 3..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || !after[digits..].starts_with("::") {
            // Not a deletion ("{{code}}"): keep it as text.
            out.push(Piece::Text(&rest[..start + 3]));
            rest = after;
            continue;
        }
        let ord: u32 = after[..digits]
            .parse()
            .map_err(|_| ClozeError::NumberTooLarge(after[..digits].to_string()))?;
        if ord == 0 {
            return Err(ClozeError::Zero);
        }
        let body_start = digits + 2;
        let Some(end) = after[body_start..].find("}}") else {
            return Err(ClozeError::Unclosed(ord));
        };
        let body = &after[body_start..body_start + end];
        let (answer, hint) = match body.split_once("::") {
            Some((a, h)) => (a, Some(h)),
            None => (body, None),
        };
        if answer.trim().is_empty() {
            return Err(ClozeError::Empty(ord));
        }
        out.push(Piece::Text(&rest[..start]));
        out.push(Piece::Deletion { ord, answer, hint });
        rest = &after[body_start + end + 2..];
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// The distinct cloze numbers, ascending. Errors on malformed deletions.
pub fn numbers(text: &str) -> Result<Vec<u32>, ClozeError> {
    let mut ords: Vec<u32> = pieces(text)?
        .iter()
        .filter_map(|p| match p {
            Piece::Deletion { ord, .. } => Some(*ord),
            Piece::Text(_) => None,
        })
        .collect();
    ords.sort_unstable();
    ords.dedup();
    Ok(ords)
}

/// The question side of card `ord`.
pub fn front(text: &str, ord: u32) -> String {
    render(text, Some(ord), None)
}

/// The full text with every deletion shown: the answer side.
pub fn plain(text: &str) -> String {
    render(text, None, None)
}

/// The answer side of card `ord` with its own deletions between `open` and
/// `close`: how the review screen marks what the front hid
/// (docs/review-session.md, "Card text"). Otherwise [`plain`].
pub fn marked(text: &str, ord: u32, open: &str, close: &str) -> String {
    render(text, None, Some((ord, open, close)))
}

fn render(text: &str, hide: Option<u32>, mark: Option<(u32, &str, &str)>) -> String {
    let Ok(pieces) = pieces(text) else {
        return text.trim().to_string();
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Deletion { ord, answer, .. } if mark.is_some_and(|(m, ..)| m == ord) => {
                let (_, open, close) = mark.unwrap_or_default();
                out.push_str(open);
                out.push_str(answer);
                out.push_str(close);
            }
            Piece::Deletion { ord, hint, .. } if Some(ord) == hide => {
                out.push('[');
                out.push_str(
                    hint.map(str::trim)
                        .filter(|h| !h.is_empty())
                        .unwrap_or("..."),
                );
                out.push(']');
            }
            Piece::Deletion { answer, .. } => out.push_str(answer),
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_distinct_and_sorted() {
        assert_eq!(
            numbers("{{c2::a}} {{c1::b}} {{c2::c}}").unwrap(),
            vec![1, 2]
        );
        assert_eq!(numbers("no deletion {{code}}").unwrap(), Vec::<u32>::new());
    }

    #[test]
    fn fronts_hide_only_their_number() {
        let t = "A {{c1::one}} B {{c2::two::hint}} C {{c1::uno}}";
        assert_eq!(front(t, 1), "A [...] B two C [...]");
        assert_eq!(front(t, 2), "A one B [hint] C uno");
        assert_eq!(plain(t), "A one B two C uno");
    }

    #[test]
    fn marked_backs_mark_only_their_number() {
        let t = "A {{c1::one}} B {{c2::two::hint}} C {{c1::uno}}";
        assert_eq!(marked(t, 1, "<", ">"), "A <one> B two C <uno>");
        assert_eq!(marked(t, 2, "<", ">"), "A one B <two> C uno");
        assert_eq!(
            marked("{{c1::never closed", 1, "<", ">"),
            "{{c1::never closed"
        );
    }

    #[test]
    fn malformed_deletions_are_errors() {
        assert_eq!(numbers("{{c1::never closed"), Err(ClozeError::Unclosed(1)));
        assert_eq!(numbers("{{c0::zero}}"), Err(ClozeError::Zero));
        assert_eq!(numbers("{{c1::}}"), Err(ClozeError::Empty(1)));
        assert_eq!(
            numbers("{{c99999999999::big}}"),
            Err(ClozeError::NumberTooLarge("99999999999".into()))
        );
        assert_eq!(
            ClozeError::Unclosed(3).to_string(),
            "`{{c3::` is never closed with `}}`"
        );
    }
}
