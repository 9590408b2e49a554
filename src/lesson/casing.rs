//! Letter case as the lesson's own sentences teach it: proper nouns,
//! acronyms and the house style of headings, so a heading can sit inside
//! a question in sentence case (see docs/lessons.md, "What it writes").

use std::collections::{BTreeMap, BTreeSet};

use super::text::{
    Token, capitalise, is_all_caps, is_title_case, norm, stem, tokens, wholly_quoted,
};

/// What the lesson's own sentences tell about letter case: words written with
/// a capital in mid-sentence and never without one are proper nouns
/// ("Glassdoor"); words written all in capitals, and never in lower case
/// in mid-sentence, are acronyms ("STAR").
#[derive(Debug, Default)]
pub struct Casing {
    proper: BTreeSet<String>,
    acronyms: BTreeSet<String>,
    /// Words the lesson writes in lower case in mid-sentence.
    lower: BTreeSet<String>,
    /// Most of the lesson's headings are written all in capitals: there,
    /// capitals are the house style, not the word's spelling.
    headings_shout: bool,
    /// Most of the lesson's headings open in lower case (a glossary's
    /// "branch", "cell"): there, one opening with a capital ("Excel") is
    /// spelt so.
    headings_lower: bool,
}

/// How many times as often as in lower case a word must be written with
/// its capital in mid-sentence to be a name.
const NAME_RATIO: usize = 3;

/// How often each word is written all in capitals, and with a capital or
/// in lower case in mid-sentence, and the capitalised words opening a
/// sentence before another.
struct Counts {
    capital_count: BTreeMap<String, usize>,
    caps_count: BTreeMap<String, usize>,
    lower_count: BTreeMap<String, usize>,
    name_openers: BTreeSet<String>,
}

fn counts(sentences: &[String]) -> Counts {
    // Times each word is written all in capitals, and with a capital
    // or in lower case in mid-sentence.
    let mut capital_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut caps_count: BTreeMap<String, usize> = BTreeMap::new();
    let mut lower_count: BTreeMap<String, usize> = BTreeMap::new();
    // "Francis Galton first described…": a capitalised word opening a
    // sentence before a capitalised word is the first of a name, if
    // the lesson never writes it in lower case.
    let mut name_openers = BTreeSet::new();
    for s in sentences {
        let toks = tokens(s);
        if let [first, second, ..] = toks.as_slice()
            && [first.text(s), second.text(s)].iter().all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase)
            })
        {
            name_openers.insert(stem(first.text(s)));
        }
        for (i, t) in toks.iter().enumerate() {
            let word = t.text(s);
            for part in word.split('-') {
                let key = stem(part);
                let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    *caps_count.entry(key.clone()).or_default() += 1;
                }
                if i == 0 || word_after_stop(s, t) {
                    continue;
                }
                match part.chars().next() {
                    Some(c) if c.is_uppercase() => {
                        *capital_count.entry(key).or_default() += 1;
                    }
                    Some(c) if c.is_lowercase() => {
                        *lower_count.entry(key).or_default() += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    Counts {
        capital_count,
        caps_count,
        lower_count,
        name_openers,
    }
}

impl Casing {
    pub fn learn(sentences: &[String]) -> Casing {
        /// Times a word written in capitals makes it a keyword.
        const KEYWORD_CAPS: usize = 3;
        let Counts {
            capital_count,
            caps_count,
            lower_count,
            name_openers,
        } = counts(sentences);
        // ("WHAT: Measure 3" in a log's format is stress: the lesson also
        // writes "what" in lower case, so "What" in a Title Case heading
        // is lowered.)
        // ("UFW" in its prose, "ufw enable" in the commands joined to
        // it: written in capitals more often than not, an acronym.)
        // ("a GET request" three times over beside the verb "get": a
        // keyword written in capitals in three places or more is one,
        // however often its lower-case twin is used.)
        let acronyms: BTreeSet<String> = caps_count
            .into_iter()
            .filter(|(k, n)| *n > lower_count.get(k).copied().unwrap_or(0) || *n >= KEYWORD_CAPS)
            .map(|(k, _)| k)
            .collect();
        // (A name is written with its capital three times as often as
        // not, or more: "Semantic Versioning" beside "semantic versioning"
        // is no name, "Cargo" beside "run some cargo command" is one.)
        let mut proper: BTreeSet<String> = capital_count
            .into_iter()
            .filter(|(k, n)| *n >= NAME_RATIO * lower_count.get(k).copied().unwrap_or(0))
            .map(|(k, _)| k)
            .collect();
        proper.extend(
            name_openers
                .into_iter()
                .filter(|k| !lower_count.contains_key(k)),
        );
        Casing {
            proper,
            lower: lower_count
                .into_keys()
                .filter(|k| !acronyms.contains(k))
                .collect(),
            acronyms,
            headings_shout: false,
            headings_lower: false,
        }
    }

    /// Learns from the lesson's headings whether capitals are its house
    /// style for headings ("OVERVIEW", "GETTING STARTED") or, among
    /// headings in lower case, a short heading's own spelling ("WHERE",
    /// "NOT NULL", "GROUP BY": keywords a glossary names).
    pub fn with_headings<'h>(mut self, headings: impl Iterator<Item = &'h str>) -> Casing {
        let (mut caps, mut all) = (0, 0);
        for h in headings {
            all += 1;
            caps += usize::from(is_all_caps(h));
        }
        self.headings_shout = caps * 2 > all;
        self
    }

    /// Learns from all the lesson's headings, a glossary's terms among
    /// them, whether most open in lower case ("branch", "cell"): then a
    /// heading opening with a capital ("Excel") is spelt so.
    pub fn with_term_case<'h>(mut self, headings: impl Iterator<Item = &'h str>) -> Casing {
        let (mut lower, mut all) = (0, 0);
        for h in headings {
            all += 1;
            lower += usize::from(h.starts_with(char::is_lowercase));
        }
        self.headings_lower = lower * 2 > all;
        self
    }

    /// Should this word keep its capitals inside a sentence?
    fn keeps_case(&self, part: &str, all_caps_line: bool) -> bool {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        let n = norm(part);
        if n == "i" || n.starts_with("i'") {
            return true;
        }
        // "Plan B", "Type C": a lone capital that is not the article.
        if part.chars().count() == 1 && n != "a" && part.chars().all(char::is_uppercase) {
            return true;
        }
        let key = stem(part);
        if self.acronyms.contains(&key) || self.proper.contains(&key) {
            return true;
        }
        if all_caps_line {
            return false;
        }
        let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
        // "CV", "LinkedIn", "iOS": capitals past the first letter.
        letters.iter().skip(1).any(|c| c.is_uppercase())
            || letters.first().is_some_and(|c| c.is_lowercase())
                && letters.iter().any(|c| c.is_uppercase())
    }

    fn lower_word(&self, word: &str, all_caps_line: bool) -> String {
        word.split('-')
            .map(|part| {
                if self.keeps_case(part, all_caps_line) {
                    part.to_string()
                } else {
                    part.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join("-")
    }

    /// A heading as words that can sit inside a sentence: Title Case and
    /// ALL CAPS undone, the first word lowered, proper nouns and acronyms kept.
    pub fn inline_words(&self, heading: &str) -> Vec<String> {
        // A quotation keeps its words as they were said.
        if wholly_quoted(heading) {
            return heading.split_whitespace().map(str::to_string).collect();
        }
        let title = is_title_case(heading);
        // A short heading in capitals among headings that are not keeps
        // them, as a name or a keyword does.
        let spelt = !self.headings_shout && heading.split_whitespace().count() <= 2;
        if spelt && is_all_caps(heading) {
            return heading.split_whitespace().map(str::to_string).collect();
        }
        let caps = is_all_caps(heading);
        if self.headings_lower && !caps {
            return heading.split_whitespace().map(str::to_string).collect();
        }
        let words: Vec<&str> = heading.split_whitespace().collect();
        // ("A Records and CNAME Records", "Level A": "A" before a plural
        // or ending the heading is a letter naming a kind, not the
        // article.)
        let letter = |i: usize| {
            i > 0 && words[i].trim_end_matches([',', ':', '?', '.']) == "A" && i + 1 == words.len()
                || words[i] == "A"
                    && words.get(i + 1).is_some_and(|next| {
                        let n = next.to_lowercase();
                        n.len() > 3 && n.ends_with('s') && !n.ends_with("ss") && !n.ends_with("ous")
                    })
        };
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if letter(i) {
                    w.to_string()
                } else if i == 0 || title || caps {
                    self.lower_word(w, caps)
                } else {
                    w.to_string()
                }
            })
            .collect()
    }

    /// "What should ALWAYS be carried?" → "What should always be
    /// carried?": a word in capitals for stress, which the lesson also
    /// writes in lower case, loses them inside a question. Acronyms
    /// ("HTTP"), never written so, keep theirs.
    pub fn unshout(&self, text: &str) -> String {
        let shouted = |w: &str| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 3
                && letters.iter().all(|c| c.is_uppercase())
                && self
                    .lower
                    .contains(&stem(w.trim_matches(|c: char| !c.is_alphanumeric())))
        };
        if !text.split_whitespace().any(shouted) {
            return text.to_string();
        }
        text.split(' ')
            .map(|w| {
                if shouted(w) {
                    w.to_lowercase()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A heading in sentence case: "Keep Your Ego in Check" → "Keep your ego in check".
    pub fn sentence_case(&self, heading: &str) -> String {
        capitalise(&self.inline_words(heading).join(" "))
    }
}

/// Skips words that follow an opening quote or a colon: they may be capitalised
/// for another reason than being names.
fn word_after_stop(s: &str, t: &Token) -> bool {
    let before = s[..t.start].trim_end();
    before.ends_with(':')
        || before.ends_with('"')
        || before.ends_with('\u{201c}')
        || before.ends_with('(')
        || s[..t.start].ends_with('"')
        || s[..t.start].ends_with('\u{201c}')
}
