//! The small pieces of text handling the generator needs: words with their
//! byte spans, light stems for matching ("questions" ~ "question"), sentences,
//! and letter case (Title Case headings, proper nouns, acronyms). Word classes
//! come from the tagger (see `language.rs`).

use unicode_segmentation::UnicodeSegmentation;

pub use super::casing::Casing;

/// Lowercase, with typographic apostrophes made straight, for comparing.
pub fn norm(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A light stem so that "questions", "question's" and "questioning" meet.
pub fn stem(word: &str) -> String {
    let mut w = norm(word);
    if let Some(base) = w.strip_suffix("'s") {
        w = base.to_string();
    }
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if n > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches")) {
        w.truncate(w.len() - 2);
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.truncate(w.len() - 1);
    } else if n > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
    } else if n > 4 && w.ends_with("ed") {
        w.truncate(w.len() - 2);
    }
    w
}

/// One word of a text: its byte span and whether punctuation (a comma, a
/// dash, a bracket…) separates it from the word before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub break_before: bool,
}

impl Token {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

/// Splits on white space, trims punctuation off each piece (keeping inner
/// hyphens and apostrophes: "in-depth", "don’t"), and notes punctuation breaks.
pub fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pending_break = false;
    let mut chunk_start = None;
    let push_chunk = |start: usize, end: usize, out: &mut Vec<Token>, pending: &mut bool| {
        let chunk = &s[start..end];
        let lead = chunk
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i);
        let Some(lead) = lead else {
            *pending = true;
            return;
        };
        let trail = chunk
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(chunk.len());
        out.push(Token {
            start: start + lead,
            end: start + trail,
            break_before: *pending || lead > 0,
        });
        *pending = trail < chunk.len();
    };
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                push_chunk(start, i, &mut out, &mut pending_break);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        push_chunk(start, s.len(), &mut out, &mut pending_break);
    }
    out
}

/// "IV", "XII": a Roman numeral in capitals, as headings number their
/// parts ("Step IV", "Part III. Results").
pub fn roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| "IVX".contains(c))
}

pub fn word_count(s: &str) -> usize {
    tokens(s).len()
}

/// Words that open a sentence far more often than they go on a name:
/// after "U.S." one of these starts a new sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "in", "on", "at", "but", "and", "so", "however", "then", "if", "when", "as",
    "after", "before", "for", "our", "his", "her", "their", "its", "my", "your", "today", "since",
];

/// Sentences of a paragraph (Unicode sentence boundaries), mended where
/// the boundary rules cut after an abbreviation or before a lowercase word.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A bound with no space before it falls inside a word ("Foo._Foo__a").
    let mut spaced = true;
    for raw in paragraph.split_sentence_bounds() {
        let piece = raw.trim();
        // (A bound with no space before it is glued back without one:
        // "perhaps `?` and".)
        let tight = !spaced;
        let inside_a_word = !spaced
            && out.last().is_some_and(|p| p.ends_with('.'))
            && piece.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        spaced = raw.ends_with(char::is_whitespace);
        if piece.is_empty() {
            continue;
        }
        let glue = out.last().is_some_and(|prev: &String| {
            let last_word = prev.rsplit(' ').next().unwrap_or("");
            // "Matt T. and Julius V.": an initial ends no sentence.
            let initial = last_word.len() == 2
                && last_word.starts_with(|c: char| c.is_ascii_uppercase())
                && last_word.ends_with('.')
                && prev.contains(' ');
            // ("the U.S. Web Design System": an initialism before a name
            // goes on; before "The", "He", "In"… a new sentence opens.)
            let initialism = last_word.len() >= 4
                && last_word.chars().enumerate().all(|(k, c)| {
                    if k % 2 == 0 {
                        c.is_ascii_uppercase()
                    } else {
                        c == '.'
                    }
                })
                && piece.starts_with(char::is_uppercase)
                && !SENTENCE_OPENERS.contains(
                    &piece
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("")
                        .to_lowercase()
                        .as_str(),
                );
            let starts_lower = piece.chars().next().is_some_and(char::is_lowercase);
            // "(You study a card when you're about to forget it. The
            // easier it is, the longer the wait.)": sentences inside
            // brackets stay one aside with the text around them.
            let count = |t: &str, c: char| t.matches(c).count();
            let in_brackets =
                count(prev, '(') > count(prev, ')') && count(piece, ')') > count(piece, '(');
            starts_lower
                || in_brackets
                || initial
                || initialism
                || inside_a_word
                || abbreviation(last_word)
        });
        if glue {
            let prev = out.last_mut().expect("checked above");
            if !tight {
                prev.push(' ');
            }
            prev.push_str(piece);
        } else {
            out.extend(split_before_numbers(piece));
        }
    }
    out
}

/// "e.g.", "(i.e.", "Dr.": a word whose full stop ends no sentence.
pub fn abbreviation(word: &str) -> bool {
    matches!(
        norm(word.trim_start_matches(['(', '['])).as_str(),
        "e.g." | "i.e." | "etc." | "mr." | "mrs." | "ms." | "dr." | "vs." | "approx."
    )
}

/// Abbreviations a number follows ("Fig. 3", "vol. 2"): no sentence ends
/// before it.
const BEFORE_NUMBERS: &[&str] = &[
    "fig", "figs", "vol", "vols", "sec", "no", "nos", "pp", "ch", "chap", "eq", "art", "ref",
    "approx", "ca", "op", "ed", "edn", "rev", "ver", "ex", "tab", "app", "para", "ibid",
];

/// "…law and policy. 1892 was the first year…": a sentence may open with
/// a number, which the segmenter does not split before. A full stop after
/// a word of three letters or more that is no abbreviation, then a space
/// and a digit, ends one.
fn split_before_numbers(piece: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in piece.match_indices(". ") {
        let next = piece[at + 2..].chars().next();
        let word: String = piece[from..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let ends = next.is_some_and(|c| c.is_ascii_digit())
            && word.chars().count() >= 3
            && word.chars().all(char::is_lowercase)
            && !BEFORE_NUMBERS.contains(&word.as_str());
        if ends {
            out.push(piece[from..=at].to_string());
            from = at + 2;
        }
    }
    out.push(piece[from..].to_string());
    out
}

/// A question without the stray half of a quotation: 'What is a flaky"
/// test?', cut from 'A "flaky" test is…' after its opening mark, reads
/// 'What is a flaky test?'. Quotation marks that pair up stay.
pub fn without_stray_quotes(s: String) -> String {
    let straight = s.matches('"').count() % 2 == 1;
    let curly = s.matches('\u{201c}').count() != s.matches('\u{201d}').count();
    if !straight && !curly {
        return s;
    }
    let stray = |c: char| (straight && c == '"') || (curly && matches!(c, '\u{201c}' | '\u{201d}'));
    squash(&s.replace(stray, " ")).replace(" ?", "?")
}

/// Collapses runs of white space into one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that stay lowercase inside Title Case ("of", "the").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "with", "by",
    "from", "as", "vs", "via", "into", "over", "per", "up", "off", "out",
];

/// Is this line written in Title Case ("Keep Your Ego in Check")?
pub fn is_title_case(line: &str) -> bool {
    // (An aside in brackets keeps its own case: "When and How to Clean Up
    // (if needed)".)
    let bare = without_brackets(line);
    let line = if bare.is_empty() { line } else { bare.as_str() };
    // ("GitHub Resolves the Request for jithesh.blog": a domain, a path or
    // a code name keeps its own case.)
    let line = line
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_end_matches(['.', ',', ':', '?', '!']);
            !w.contains(['.', '/', '_', '@'])
        })
        .collect::<Vec<_>>()
        .join(" ");
    let line = line.as_str();
    let words: Vec<&str> = tokens(line).iter().map(|t| t.text(line)).collect();
    // Words of two letters ("is", "it", "be") are left small by some
    // styles: "Body is Informative" is Title Case too.
    let big: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&norm(w).as_str()) && w.chars().count() > 2)
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let starts_small = words
        .first()
        .is_some_and(|w| SMALL_WORDS.contains(&norm(w).as_str()));
    // Mostly capitalised: "You Won't Remember it All" is Title Case too.
    let capitals = big
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // "Be Specific": every word capitalised.
    let alphabetic: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let all_capitalised = alphabetic.len() >= 2
        && alphabetic
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    all_capitalised
        || (big.len() >= 2 || starts_small && big.len() == 1)
            && (capitals == big.len() || (big.len() >= 4 && capitals * 4 > big.len() * 3))
}

pub(super) fn is_all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// The first letter in upper case.
/// "“Dear Reader”", "\"Wah wah, I'm so busy.\"": a heading that is one
/// quotation, named as written rather than read as words of its own.
pub fn wholly_quoted(s: &str) -> bool {
    let s = s.trim();
    let inner = s
        .strip_prefix('\u{201c}')
        .and_then(|r| r.strip_suffix('\u{201d}'))
        .or_else(|| s.strip_prefix('"').and_then(|r| r.strip_suffix('"')));
    inner.is_some_and(|i| !i.is_empty() && !i.contains(['"', '\u{201c}', '\u{201d}']))
}

pub fn capitalise(s: &str) -> String {
    // A name from program text ("init()", "size12", "displayName") keeps
    // its case: capitalised, it is another name.
    let first = s.split_whitespace().next().unwrap_or("");
    let code = first.contains("()")
        || first.contains('_')
        || first.chars().any(|c| c.is_ascii_digit())
        || first.chars().skip(1).any(char::is_uppercase);
    if code {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first (or, with `last`, the last) spaced dash of the text, hyphen,
/// en or em dash ("name - gloss", "tip – Keegan"): where it starts and
/// where the text after it starts.
pub fn spaced_dash(text: &str, last: bool) -> Option<(usize, usize)> {
    let found = [" - ", " \u{2013} ", " \u{2014} "].iter().filter_map(|d| {
        let at = if last { text.rfind(d) } else { text.find(d) }?;
        Some((at, at + d.len()))
    });
    if last { found.max() } else { found.min() }
}

/// Most words of an aside set off by dashes.
const ASIDE_WORDS: usize = 6;

/// "centred - of course - around the mean" → "centred around the mean":
/// the text without its short asides between two dashes of one kind
/// (spaced hyphens, en or em dashes).
pub fn without_dashed_asides(text: &str) -> String {
    let mut out = text.to_string();
    for dash in [" - ", " \u{2013} ", " \u{2014} ", "\u{2014}"] {
        while let Some(open) = out.find(dash) {
            let inner = open + dash.len();
            let Some(close) = out[inner..].find(dash).map(|c| inner + c) else {
                break;
            };
            if !(1..=ASIDE_WORDS).contains(&word_count(&out[inner..close])) {
                break;
            }
            out.replace_range(open..close + dash.len(), " ");
        }
    }
    squash(&out)
}

/// Does the text end like a sentence (period, question or exclamation mark)?
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', '*', '_']);
    t.ends_with(['.', '?', '!', '\u{2026}'])
}

/// "./src/index.js", "webpack.config.js": a file's path or dotted name in
/// bold captions the code after it; it heads no section. ("Node.js", one
/// dot, may be a topic.)
pub fn names_a_file(text: &str) -> bool {
    let t = text.trim();
    let path = t.contains('/') || t.contains('\\') || t.starts_with('.');
    !t.contains(' ') && (path || t.matches('.').count() >= 2)
}

/// Do both words run to `n` characters at least and open with the same
/// `n` ("balancing", "balancers")?
pub fn same_opening(a: &str, b: &str, n: usize) -> bool {
    a.chars().count() >= n && b.chars().count() >= n && a.chars().take(n).eq(b.chars().take(n))
}

/// The text without what it says in round brackets: "Crowdfunding
/// (recurring)" → "Crowdfunding". An unclosed bracket runs to the end.
pub fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    squash(&out)
}

/// The main clause after an opening contrast ("While X is…, Y is…",
/// "Whereas…, …"), capitalised.
pub fn after_contrast(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if !(lower.starts_with("while ") || lower.starts_with("whereas ")) {
        return None;
    }
    let (_, rest) = text.split_once(", ")?;
    Some(capitalise(rest.trim()))
}

/// The text without its asides in round brackets, a bracket set off by a
/// space before and a space or a mark after: "uses TCP (SOCKS4 only uses
/// UDP)" → "uses TCP"; brackets inside a formula stay: "($200 - $170)*5".
pub fn without_bracketed_asides(text: &str) -> String {
    let mut out = text.to_string();
    let mut from = 0;
    while let Some(open) = out[from..].find(" (").map(|k| from + k) {
        let Some(close) = out[open..].find(')').map(|k| open + k) else {
            break;
        };
        let after = out[close + 1..].chars().next();
        if after.is_none_or(|c| c.is_whitespace() || ",.;:?!".contains(c)) {
            out.replace_range(open..=close, "");
            from = open;
        } else {
            from = close;
        }
    }
    out
}

/// A sentence without the dashes, bullets and spaces before it, but for a
/// command's flag ("-g allows remote hosts…", "--force skips…").
pub fn without_dashes(s: &str) -> &str {
    let s = s.trim_start_matches(['\u{2013}', '\u{2014}', '*', ' ']);
    let flag = s
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_alphanumeric());
    if flag && s.starts_with('-') && !s.starts_with("---") {
        return s;
    }
    s.trim_start_matches(['-', '\u{2013}', '\u{2014}', '*', ' '])
}

/// Ends the text's sentence with a period, unless it is empty or already
/// ends one or leads in with a colon.
pub(crate) fn end_sentence(line: &mut String) {
    let t = line.trim_end();
    if !t.is_empty() && !ends_sentence(t) && !t.ends_with(':') {
        line.truncate(t.len());
        line.push('.');
    }
}

/// How the reader writes a step done by running a command: the step's
/// bold label, then "Run: " and the command typed under it ("Unstage all
/// files. Run: git reset."; see docs/lessons.md).
pub(crate) const RUN: &str = "Run: ";

/// "Run: git reset.": a step's command, as the reader writes it ([`RUN`]).
pub(crate) fn runs_a_command(sentence: &str) -> bool {
    sentence.starts_with(RUN)
}

/// "Using the option --verbose (-v) will display…": a sentence naming a
/// command-line option, a word opening on "--" and a name ("--trace-time")
/// or on "-" and one letter ("-o"), names the means to a tool's task. Not
/// an option of a command it quotes after a prompt ("…as follows: $ npm
/// install --global x"), which is part of that command.
pub(crate) fn names_an_option(sentence: &str) -> bool {
    let prose = sentence.split("$ ").next().unwrap_or(sentence);
    prose.split_whitespace().any(|word| {
        let word =
            word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';' | ':' | '`' | '"'));
        let long = word.strip_prefix("--").is_some_and(|name| {
            name.len() >= 2
                && name.starts_with(|c: char| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        let short = word.len() == 2
            && word.starts_with('-')
            && word[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        long || short
    })
}

/// "…for your SSH server (see above) you can…": a bracketed aside that
/// only points elsewhere in the text ("see above", "see Step 2") is no
/// part of the sentence, which stands without it.
pub(crate) fn without_pointer_asides(text: String) -> String {
    without_asides_where(&text, |inner| {
        let lower = inner.to_lowercase();
        word_count(inner) <= POINTER_ASIDE_WORDS
            && (lower.starts_with("see ") || lower.starts_with("as shown") || lower == "above")
    })
}

/// The text without the bracketed asides (" (…)", the space before
/// included) whose inside `drop` picks.
pub(crate) fn without_asides_where(text: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        if drop(&rest[open + 2..close]) {
            out.push_str(&rest[..open]);
        } else {
            out.push_str(&rest[..close + 1]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Most words of a bracketed aside that only points elsewhere.
const POINTER_ASIDE_WORDS: usize = 4;

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
