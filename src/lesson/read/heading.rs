//! A heading's own words: numbering, attribute blocks, pictographs and
//! labels that only place it taken away (see docs/lessons.md, "What it
//! reads"), and the test for a sentence set as a heading.

use super::lists;
use crate::lesson::language::{LEXICON, Role};
use crate::lesson::text::{capitalise, squash, word_count};

/// A heading's text, or `None` when nothing is left to name a section by.
pub(super) fn heading(text: &str) -> Option<String> {
    Some(clean_heading(text)).filter(|h| h.chars().any(char::is_alphanumeric))
}

/// A heading that is prose: more than 25 words, or a sentence of more
/// than ten words closed by a period or "!" (its number, "4.", aside).
pub(super) fn is_lede(text: &str) -> bool {
    let clean = clean_heading(text);
    let words = word_count(&clean);
    // (A long guideline or question without a period is still a heading:
    // "Use the header element for introductory content of its parent
    // section…", "If my plan …, how do I request an external review?")
    // ("Use the main element to wrap the page's content." is a guideline
    // set as a heading, its period or not.)
    let advice = lists::opens_with_advice(&clean);
    // (An FAQ's question runs longer: "What if I inadvertently alter the
    // public API in a way… (i.e. …)?")
    let most = if clean.trim_end().ends_with('?') {
        QUESTION_LEDE_WORDS
    } else {
        LEDE_WORDS
    };
    words > most || (words > 10 && text.trim_end().ends_with(['.', '!']) && !advice)
}

/// "**This part was added by a reader**", "**I've made a repo you can
/// follow along with**": a bold paragraph opening on a pointer, the writer
/// or "Note" remarks on the text; it heads nothing. ("I've", "It's": the
/// word before a contraction.)
pub(super) fn opens_a_remark(text: &str) -> bool {
    text.split(' ').next().is_some_and(|w| {
        let stem = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
        matches!(
            stem.to_lowercase().as_str(),
            "this" | "that" | "these" | "those" | "it" | "we" | "i" | "note"
        )
    })
}

/// A heading of more words than this is a sentence set as a heading,
/// period or not.
const LEDE_WORDS: usize = 25;

/// The same for a heading asking a question.
const QUESTION_LEDE_WORDS: usize = 45;

/// "Speed {#speed}" → "Speed": the id or class block some Markdown tools
/// (kramdown, Pandoc) let a heading carry is no part of its text, nor is
/// Pandoc's "{-}", a heading left unnumbered.
pub(super) fn without_attributes(text: &str) -> &str {
    match text
        .strip_suffix('}')
        .and_then(|t| t.rfind('{').map(|i| (t, i)))
    {
        Some((t, i)) if t[i + 1..].starts_with(['#', '.', ':']) || &t[i + 1..] == "-" => {
            t[..i].trim_end()
        }
        _ => text,
    }
}

/// "2.1 Use promises", "3.2.1. Split the work": the heading without its
/// section's number. ("1.5 million users" counts: a capital opens a
/// heading's words.)
fn without_section_number(t: &str) -> &str {
    match t.split_once(' ') {
        Some((number, rest))
            if number.contains('.')
                && number.trim_end_matches('.').split('.').all(|n| {
                    (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
                })
                && rest.starts_with(char::is_uppercase) =>
        {
            rest.trim()
        }
        _ => t,
    }
}

/// "![✔] 4.1 Tag your tests" → "4.1 Tag your tests": a bracket of no
/// words opening a heading ("![✔]", "[ ]") is a badge or a box whose
/// pictograph is gone, not text.
fn without_badge(t: &str) -> &str {
    let inner = t.strip_prefix('!').unwrap_or(t).strip_prefix('[');
    match inner.and_then(|i| i.split_once(']')) {
        Some((badge, rest))
            if !badge.chars().any(char::is_alphanumeric) && !rest.trim().is_empty() =>
        {
            rest.trim_start()
        }
        _ => t,
    }
}

/// "Tip # 1", "Step 3", "Mistake #2": a label that only counts its place
/// in a series (a capitalised word, a number, "#" or not), naming nothing
/// of what it labels.
pub(super) fn counts_only(label: &str) -> bool {
    let l = label
        .trim()
        .trim_end_matches([':', '.', ')', '-', '\u{2013}', '\u{2014}'])
        .trim_end();
    let Some((word, number)) = l.split_once(' ').or_else(|| l.split_once('#')) else {
        return false;
    };
    let number = number.trim().trim_start_matches('#').trim_start();
    word.chars().all(char::is_alphabetic)
        && word.starts_with(char::is_uppercase)
        && (1..=3).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
}

/// "Tip #3: Know your audience" → "Know your audience": the words after a
/// label that only counts, set off by a colon or a dash.
fn after_counter(t: &str) -> Option<&str> {
    let at = t.find([':', '\u{2013}', '\u{2014}'])?;
    // ("Have 1:1s with everyone": a colon inside a word sets off nothing.)
    if t[at..].starts_with(':') && !t[at + 1..].starts_with(char::is_whitespace) {
        return None;
    }
    let (label, rest) = (
        &t[..at],
        t[at..].trim_start_matches([':', '\u{2013}', '\u{2014}']),
    );
    let rest = rest.trim();
    (counts_only(label) && word_count(rest) >= 1).then_some(rest)
}

/// Removes a numbering ("1.", "Step 2:", "Tip 3 —", "Tip #4:", "3)") and a
/// final period or colon.
/// The heading without a bracket around its first word, a lead before
/// the question it names, a connective opening it or a period inside its
/// closing quotation mark, when it had any.
fn tidied(t: &str) -> Option<String> {
    let asked = unbracketed_opening(t)
        .or_else(|| the_question_asked(t))
        .or_else(|| recommended(t));
    let t = asked.as_deref().unwrap_or(t);
    let unconnected = after_connective(t).or_else(|| asked.clone());
    let t = unconnected.as_deref().unwrap_or(t);
    period_in_quote(t).or(unconnected)
}

/// "(Before) Implementing accessibility" → "Before implementing
/// accessibility": a bracketed first word is read as written (its next
/// word keeps a capital only in Title Case).
fn unbracketed_opening(t: &str) -> Option<String> {
    let (word, after) = t.strip_prefix('(')?.split_once(") ")?;
    if word.contains(' ') || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let title = after
        .split(' ')
        .skip(1)
        .all(|w| w.starts_with(|c: char| !c.is_lowercase()));
    let after = match after.chars().next() {
        Some(c) if !title => format!("{}{}", c.to_lowercase(), &after[c.len_utf8()..]),
        _ => after.to_string(),
    };
    Some(format!("{word} {after}"))
}

/// "This leaves us with another question: why pass props?" → "Why pass
/// props?": a lead naming a question before the question it asks.
fn the_question_asked(t: &str) -> Option<String> {
    let (lead, question) = t.split_once(": ")?;
    (lead.to_lowercase().contains("question")
        && question.ends_with('?')
        && word_count(question) >= 2)
        .then(|| capitalise(question))
}

/// "We recommend you set the timeout to 5 minutes" → "Set the timeout to
/// 5 minutes": a recommendation addressed to the reader is the advice it
/// frames ("You should never…" → "Never…"), as a question asks it.
pub(super) fn recommended(t: &str) -> Option<String> {
    const FRAMES: [(&str, &str); 12] = [
        ("we recommend that you ", ""),
        ("we recommend you ", ""),
        ("we suggest that you ", ""),
        ("we suggest you ", ""),
        ("i recommend that you ", ""),
        ("i recommend you ", ""),
        ("i suggest you ", ""),
        ("you should never ", "never "),
        ("you should always ", "always "),
        ("you should not ", "don't "),
        ("you shouldn't ", "don't "),
        ("you should ", ""),
    ];
    let lower = t.to_lowercase();
    let (frame, put) = FRAMES.iter().find(|(f, _)| lower.starts_with(f))?;
    // (Lower case only: the frame's words are ASCII, so its length in
    // bytes is the same in the heading.)
    let rest = t.get(frame.len()..)?;
    (word_count(rest) >= 2 && rest.starts_with(|c: char| c.is_alphabetic()))
        .then(|| capitalise(&format!("{put}{rest}")))
}

/// "Lastly, think aloud while you code" → "Think aloud while you code":
/// a connective before a comma (lexicon role `leaning`) places the tip in
/// the writer's sequence, no part of its advice. So does a call for the
/// reader's attention ("Remember, use a plain structure").
fn after_connective(t: &str) -> Option<String> {
    let (first, rest) = t.split_once(", ")?;
    let one_word = !first.contains(' ');
    let first = first.to_lowercase();
    let calls = matches!(
        first.as_str(),
        "remember" | "note" | "tip" | "hint" | "reminder"
    );
    // ("Finally, bread": a connective leaves a noun's heading whole.)
    let rest_words = word_count(rest);
    (one_word
        && ((calls && rest_words >= 2) || (LEXICON.is(&first, Role::Leaning) && rest_words >= 1)))
        .then(|| capitalise(rest))
}

/// 'Find the "goal tempo."': the period kept inside a closing quotation
/// mark ends the heading, not the words quoted; the heading without it.
/// (An ellipsis, 'Never say "just..."', is the quotation's own.)
fn period_in_quote(t: &str) -> Option<String> {
    let quote = t.chars().last().filter(|c| matches!(c, '"' | '\u{201d}'))?;
    let inner = &t[..t.len() - quote.len_utf8()];
    let kept = inner.strip_suffix(['.', '!', ','])?;
    (!kept.ends_with('.')).then(|| format!("{kept}{quote}"))
}

pub fn clean_heading(text: &str) -> String {
    let mut t = without_badge(without_attributes(text.trim()));
    if let Some(rest) = after_counter(t) {
        t = rest;
    }
    // "Step 2:", "Tip 3 —", "Stage 3 - Cool": a word, a number, a mark.
    let mut words = t.splitn(3, ' ');
    if let (Some(first), Some(second)) = (words.next(), words.next()) {
        let num = second.trim_end_matches([':', '.', ')', '-', '\u{2013}', '\u{2014}']);
        // (A mark standing apart needs two words after it: "Stage 3 -
        // Cool" keeps its label, as "Cool" alone says too little, and
        // "Step 1 - Install Helm" loses it.)
        let detached_mark = words.next().is_some_and(|w| {
            matches!(w.split(' ').next(), Some("-" | "\u{2013}" | "\u{2014}")) && word_count(w) >= 2
        });
        if first.chars().all(char::is_alphabetic)
            && first.chars().next().is_some_and(char::is_uppercase)
            && !num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit())
            && (second.len() > num.len() || detached_mark)
        {
            let rest = t[first.len() + 1 + second.len()..].trim_start();
            let rest = rest
                .trim_start_matches(['-', '\u{2013}', '\u{2014}', ':'])
                .trim();
            if !rest.is_empty() {
                t = rest;
            }
        }
    }
    let named = pronoun_for_label(t);
    t = named.as_deref().unwrap_or(t);
    let labelled = t.len();
    t = without_label(t);
    // ("Optional: use swing top bottles": the heading left after a
    // label opens in capitals, as the lesson's other headings do.)
    let opens_lower = t.len() < labelled && t.starts_with(char::is_lowercase);
    // "0:15 hours after mixing: Kneading", "Day 3 of the trip: Lisbon": a
    // time or a count before a colon places the step; what follows names it.
    if let Some((label, rest)) = t.split_once(": ")
        && label.starts_with(|c: char| c.is_ascii_digit())
        && word_count(label) <= 8
        && rest.chars().any(char::is_alphabetic)
    {
        t = rest.trim();
    }
    t = without_section_number(t);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(" . "))
            .or_else(|| rest.strip_prefix(") "))
            .or_else(|| rest.strip_prefix(": "))
        {
            t = rest.trim();
        }
    }
    let mut t = t.trim_end_matches(['.', ':', '!']).trim_end();
    let tidied = tidied(t);
    if let Some(u) = &tidied {
        t = u;
    }
    let plain = plain_words(t);
    if opens_lower {
        capitalise(&plain)
    } else {
        plain
    }
}

/// The heading without a trailing reference ("(2a)", "[3]"), pictographs
/// ("Use 📊 to learn", "✨ Features": they decorate a heading but cannot
/// be read inside a question) or a space before its question mark ("What
/// is DNS ?").
fn plain_words(mut t: &str) -> String {
    if let Some(open) = t.rfind([' ']).filter(|_| t.ends_with([')', ']'])) {
        let tail = &t[open + 1..];
        if tail.len() <= 5 && tail.starts_with(['(', '[']) {
            t = t[..open].trim_end_matches(['.', ',', ' ']);
        }
    }
    let plain: String = t.chars().filter(|&c| !pictograph(c)).collect();
    squash(&plain).replace(" ?", "?")
}

/// "Step One: Take a broad view", "Conclusion: A few steps": the heading
/// after a label that names no kind of thing (see [`clean_heading`]).
fn without_label(t: &str) -> &str {
    // (Not a plural such as "Disadvantages", nor a label before a
    // question of question words alone, "Recursion: Why and Why Not?":
    // the label is what it asks about.)
    let bare_question = |rest: &str| {
        rest.split_whitespace().all(|w| {
            let w = w.trim_end_matches(['?', '!', '.']).to_lowercase();
            matches!(
                w.as_str(),
                "why" | "how" | "when" | "what" | "and" | "or" | "not"
            )
        })
    };
    if let Some((label, rest)) = t.split_once(": ")
        && (1..=2).contains(&word_count(label))
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !label.ends_with('s')
        && word_count(rest) >= 2
        && !bare_question(rest)
    {
        return rest.trim();
    }
    // "Conclusion - It's all in the head": a summary's or introduction's
    // name before a spaced dash labels the heading after it (a subject
    // before one, "Redis - a store in memory", is what it is about).
    for dash in [" - ", " \u{2013} ", " \u{2014} "] {
        if let Some((label, rest)) = t.split_once(dash)
            && [Role::SummaryHeading, Role::IntroHeading]
                .iter()
                .any(|&r| LEXICON.is(&label.trim().to_lowercase(), r))
            && word_count(rest) >= 2
        {
            return rest.trim();
        }
    }
    t
}

/// "DNS caching: Why it's fast", "Indexes: How they work": what follows
/// the label speaks of it with a pronoun, which the label's words replace
/// ("Why DNS caching is fast"), as the label alone names what is asked
/// about.
fn pronoun_for_label(t: &str) -> Option<String> {
    let (label, rest) = t.split_once(": ")?;
    // ("Understanding DNS: How it works": a label doing something is
    // the text's own title, not a thing.)
    let activity = label
        .split(' ')
        .next()
        .is_some_and(|w| w.to_lowercase().ends_with("ing"));
    if !(1..=3).contains(&word_count(label))
        || activity
        || !label.chars().all(|c| c.is_alphanumeric() || c == ' ')
    {
        return None;
    }
    let mut replaced = false;
    let words: Vec<String> = rest
        .split(' ')
        .map(|w| {
            let bare = w.trim_end_matches(['?', '!', '.', ',']);
            let mark = &w[bare.len()..];
            let lower = bare.to_lowercase().replace('\u{2019}', "'");
            let with = match lower.as_str() {
                "it" | "they" | "them" => label.to_string(),
                "it's" => format!("{label} is"),
                "they're" => format!("{label} are"),
                "its" | "their" => format!("{label}'s"),
                _ => return w.to_string(),
            };
            replaced = true;
            format!("{with}{mark}")
        })
        .collect();
    replaced.then(|| words.join(" "))
}

/// "🔹Use IAM roles", "❗ Enable MFA": the pictographs marking an item or
/// paragraph are no part of its text.
pub(super) fn without_marks(text: &str) -> String {
    text.trim_start_matches(|c: char| pictograph(c) || c == ' ')
        .to_string()
}

/// An emoji or symbol picture, or a mark that joins or varies them.
pub(super) fn pictograph(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// "Consider the following 'solution'": a line announcing what comes
/// after it (lexicon role `announcing`: "the following", "as follows")
/// leads in to it, and heads nothing. (Not any pointer: "This guide" or
/// "Below the fold" may head a section.)
pub(super) fn announces_what_follows(line: &str) -> bool {
    !LEXICON.find_in_text(line, Role::Announcing).is_empty()
}

/// Ends in a word that needs what follows ("…provided in", "…and the").
pub(super) fn ends_needing_more(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    let preposition = matches!(
        last.as_str(),
        "of" | "in" | "on" | "at" | "to" | "for" | "with" | "by" | "from"
    );
    // "Tools go back where they came from", "What to look out for": a
    // preposition stranded by the question word before it ends the line.
    let stranded = preposition
        && line.split(' ').rev().skip(1).any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "where" | "what" | "who" | "whom" | "which"
            )
        });
    if preposition {
        return !stranded;
    }
    // "…look at an example by calling": "by" and a gerund want their
    // object, on the next line.
    let before_last = line.rsplit(' ').nth(1).unwrap_or("").to_lowercase();
    if before_last == "by" && last.ends_with("ing") {
        return true;
    }
    // ("…from the bufio package's", "…could have been defined as": a
    // possessive, "as" or "than" wants the words after it.)
    let straight = last.replace('\u{2019}', "'");
    let possessive = straight.ends_with("'s")
        && !matches!(
            straight.as_str(),
            "let's" | "it's" | "what's" | "here's" | "that's"
        );
    possessive
        || matches!(
            last.as_str(),
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "that"
                | "is"
                | "are"
                | "their"
                | "your"
                | "its"
                | "our"
                | "my"
                | "as"
                | "than"
        )
}

#[cfg(test)]
mod tests {
    use super::{clean_heading, ends_needing_more};

    #[test]
    fn a_line_ending_on_a_word_that_wants_more_is_wrapped_text() {
        for line in [
            "Here is a short example from the parser package's",
            "The parse function could instead have been written as",
            "The new tool is faster than",
            "Most of the time we keep it in our",
        ] {
            assert!(ends_needing_more(line), "{line}");
        }
        for line in [
            "Where the data comes from",
            "Why it's",
            "Let's",
            "The reader's view",
        ] {
            assert!(!ends_needing_more(line), "{line}");
        }
    }

    #[test]
    fn a_call_for_attention_or_a_connective_opens_no_heading() {
        assert_eq!(
            clean_heading("Remember, keep a plain structure."),
            "Keep a plain structure"
        );
        assert_eq!(clean_heading("Finally, bread"), "Bread");
    }

    #[test]
    fn a_colon_inside_a_word_sets_off_no_counter() {
        assert_eq!(
            clean_heading("Have 1:1s with everyone on the team"),
            "Have 1:1s with everyone on the team"
        );
        assert_eq!(
            clean_heading("Tip 3: Know your audience"),
            "Know your audience"
        );
    }

    #[test]
    fn a_summary_named_before_a_dash_labels_the_heading() {
        assert_eq!(
            clean_heading("Conclusion - It's all in the head"),
            "It's all in the head"
        );
        assert_eq!(
            clean_heading("Summary \u{2014} Practice beats talent"),
            "Practice beats talent"
        );
        assert_eq!(
            clean_heading("Redis - a store in memory"),
            "Redis - a store in memory"
        );
    }

    #[test]
    fn a_space_before_the_question_mark_goes() {
        assert_eq!(clean_heading("What is DNS ?"), "What is DNS?");
        assert_eq!(clean_heading("\u{1f914} Why cache ?"), "Why cache?");
    }

    #[test]
    fn a_lead_naming_a_question_a_bracketed_first_word_or_a_recommending_frame_gives_way() {
        assert_eq!(
            clean_heading("This leaves us with another question: why pass props?"),
            "Why pass props?"
        );
        assert_eq!(
            clean_heading("(Before) Implementing Accessibility"),
            "Before Implementing Accessibility"
        );
        assert_eq!(
            clean_heading("We recommend you set your timeout to 5 minutes."),
            "Set your timeout to 5 minutes"
        );
        assert_eq!(
            clean_heading("You should never deploy on Friday"),
            "Never deploy on Friday"
        );
        assert_eq!(clean_heading("You should know"), "You should know");
        assert_eq!(
            clean_heading("(Before) Implementing accessibility"),
            "Before implementing accessibility"
        );
    }

    #[test]
    fn a_pronoun_after_a_label_stands_for_it() {
        assert_eq!(
            clean_heading("DNS Caching: Why It\u{2019}s Fast"),
            "Why DNS Caching is Fast"
        );
        assert_eq!(clean_heading("Indexes: How they work"), "How Indexes work");
        // A label doing something is a title's first part, no thing.
        assert_eq!(
            clean_heading("Understanding DNS: How It Works"),
            "How It Works"
        );
    }
}
