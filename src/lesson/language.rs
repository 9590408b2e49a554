//! English analysis for card making: words with their byte spans, their word
//! classes (universal parts of speech) and the noun phrases they form.
//!
//! Word classes and noun phrases come from Harper's Brill tagger and chunker
//! (the `harper-brill` crate): trained models embedded in the crate, no
//! download, microseconds a sentence. They load on first use, so only
//! `rehearse lesson` pays for them (see docs/lessons.md for the comparison
//! with `harper-core` that chose this). The tagger leaves words outside its
//! lexicon untagged; [`guess`] fills those in from the word's shape.
//!
//! The few roles a tagger cannot see (reasons, leaning openers, fixed phrases,
//! general nouns) are lists in `lexicon.txt`, loaded into one lexicon
//! (`lexicon.rs`).

use std::sync::LazyLock;

use harper_brill::{Tagger, UPOS};
use harper_core::spell::{Dictionary, MutableDictionary};

pub use super::lexicon::{LEXICON, Role};
use super::retag::{
    retag_after_pronoun, retag_capitals, retag_imperative, retag_matters, retag_modal,
    retag_reporting,
};
pub use super::text::norm;

/// Sentences longer than this many words are never tagged: no card is made
/// from them, and skipping them keeps a lesson pasted as one huge line linear.
pub const MAX_TAGGED_WORDS: usize = 80;

/// A word class, as the universal part-of-speech tags name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
}

impl Pos {
    fn from_upos(u: UPOS) -> Pos {
        match u {
            UPOS::ADJ => Pos::Adj,
            UPOS::ADP => Pos::Adp,
            UPOS::ADV => Pos::Adv,
            UPOS::AUX => Pos::Aux,
            UPOS::CCONJ => Pos::Cconj,
            UPOS::DET => Pos::Det,
            UPOS::INTJ => Pos::Intj,
            UPOS::NOUN => Pos::Noun,
            UPOS::NUM => Pos::Num,
            UPOS::PART => Pos::Part,
            UPOS::PRON => Pos::Pron,
            UPOS::PROPN => Pos::Propn,
            UPOS::PUNCT => Pos::Punct,
            UPOS::SCONJ => Pos::Sconj,
            UPOS::SYM => Pos::Sym,
            UPOS::VERB => Pos::Verb,
        }
    }

    /// A function word: never the idea a cloze hides.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            Pos::Adp
                | Pos::Aux
                | Pos::Cconj
                | Pos::Det
                | Pos::Part
                | Pos::Pron
                | Pos::Sconj
                | Pos::Punct
                | Pos::Sym
                | Pos::Intj
        )
    }

    pub fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Propn)
    }
}

/// One token of a sentence: a word, a clitic ("n't", "'s") or a mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Lowercase, apostrophes straight.
    pub norm: String,
    pub pos: Pos,
}

impl Word {
    pub fn is_punct(&self) -> bool {
        self.pos == Pos::Punct
    }

    /// "not", "cannot", "n't", "never": a word that turns what it goes
    /// with into its opposite.
    pub fn negates(&self) -> bool {
        matches!(self.norm.as_str(), "not" | "cannot" | "n't" | "never")
    }

    /// An opening quotation mark, straight or curly.
    pub fn opens_quotation(&self) -> bool {
        matches!(self.norm.as_str(), "\"" | "\u{201c}")
    }

    /// Is it a verb, as the tagger reads it, and not a word the dictionary
    /// knows as no verb ("Software that…", "Recovery after a crash": the
    /// tagger may call such a noun a verb)?
    pub fn tagged_verb(&self) -> bool {
        self.pos == Pos::Verb && known_verb(&self.norm) != Some(false)
    }

    /// "your", "their": a possessive determiner, which the tagger may call
    /// a pronoun though it opens a noun phrase ("the term of your loan").
    pub fn is_possessive(&self) -> bool {
        matches!(
            self.norm.as_str(),
            "my" | "your" | "his" | "her" | "its" | "our" | "their"
        )
    }
}

/// A sentence, analysed.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub words: Vec<Word>,
    /// Too long to tag: the words carry only guessed classes.
    pub untagged: bool,
}

impl Analysis {
    /// Where a bracketed aside opens ("Reverse proxy (web server)"), as a
    /// byte offset; `usize::MAX` when there is none.
    pub fn aside_start(&self) -> usize {
        self.words
            .iter()
            .find(|w| w.norm == "(")
            .map_or(usize::MAX, |w| w.start)
    }

    /// The words that are not punctuation.
    pub fn content(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| !w.is_punct())
    }

    /// Noun phrases, as (first, past-last) word indexes: the longest runs of
    /// adjectives, nouns, numbers and participles before a noun ("operating
    /// systems", "the first outside team" → "first outside team"), ending on a
    /// noun. Hyphenated words stay whole.
    pub fn noun_phrases(&self) -> Vec<(usize, usize)> {
        let w = &self.words;
        let modifier = |k: usize| {
            let x = &w[k];
            // ("of how projects relate": a question word the tagger may
            // read as a modifier opens a clause, never a noun phrase.)
            if matches!(
                x.norm.as_str(),
                "how" | "what" | "why" | "when" | "where" | "which" | "who" | "whether"
            ) {
                return false;
            }
            match x.pos {
                Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num => true,
                // "the hiring manager", "a cached copy": a participle inside a
                // noun phrase, not one that is the verb ("have mentioned",
                // "keep doing").
                Pos::Verb => {
                    (x.norm.ends_with("ing") || x.norm.ends_with("ed"))
                        && w.get(k + 1)
                            .is_some_and(|n| n.pos.is_nominal() || n.pos == Pos::Adj)
                        && k > 0
                        && matches!(w[k - 1].pos, Pos::Det | Pos::Adj | Pos::Num | Pos::Adp)
                }
                _ => false,
            }
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            if !modifier(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < w.len() && modifier(j) {
                j += 1;
            }
            let mut end = j;
            while end > i && !w[end - 1].pos.is_nominal() {
                end -= 1;
            }
            if end > i {
                out.push((i, end));
            }
            i = j;
        }
        out
    }
}

const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Splits a sentence into tokens the way the tagger's training data did:
/// punctuation apart, clitics apart ("don't" → "do" "n't").
pub fn split(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let n = bytes.len();
    let at = |k: usize| if k < n { bytes[k].0 } else { s.len() };
    let mut k = 0;
    while k < n {
        let c = bytes[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = k;
            // A word: letters, digits, inner hyphens, apostrophes and dots
            // between letters ("e.g", "x.509", "don't").
            while k < n {
                let ch = bytes[k].1;
                let inner = matches!(ch, '-' | '\'' | '\u{2019}' | '.' | '_' | '/')
                    && k + 1 < n
                    && bytes[k + 1].1.is_alphanumeric()
                    && k > start;
                if ch.is_alphanumeric() || inner {
                    k += 1;
                } else {
                    break;
                }
            }
            let (ws, we) = (at(start), at(k));
            let word = norm(&s[ws..we]);
            let clitic = CLITICS
                .iter()
                .find(|c| word.ends_with(**c) && word.len() > c.len())
                .filter(|c| **c != "n't" || word.len() > 3);
            match clitic {
                Some(c) => {
                    let cut = ws
                        + s[ws..we]
                            .char_indices()
                            .rev()
                            .nth(c.chars().count() - 1)
                            .map_or(0, |(i, _)| i);
                    out.push((ws, cut));
                    out.push((cut, we));
                }
                None => out.push((ws, we)),
            }
            i = k;
        } else {
            out.push((at(k), at(k + 1)));
            k += 1;
            i = k;
        }
    }
    let _ = i;
    out
}

/// Loaded on first use: only `rehearse lesson` pays for the model.
pub(super) static TAGGER: LazyLock<
    std::sync::Arc<harper_brill::BrillTagger<harper_brill::FreqDict>>,
> = LazyLock::new(harper_brill::brill_tagger);

/// Tags a sentence.
pub fn analyse(s: &str) -> Analysis {
    let spans = split(s);
    let texts: Vec<String> = spans
        .iter()
        .map(|&(a, b)| norm_for_tagger(&s[a..b]))
        .collect();
    let words_count = spans
        .iter()
        .filter(|&&(a, b)| s[a..b].chars().any(char::is_alphanumeric))
        .count();
    let untagged = words_count > MAX_TAGGED_WORDS;
    let tags = if untagged {
        vec![None; texts.len()]
    } else {
        TAGGER.tag_sentence(&texts)
    };
    let mut words: Vec<Word> = spans
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let text = &s[a..b];
            let pos = match tags[i] {
                Some(t) => Pos::from_upos(t),
                None => guess(text, i == 0),
            };
            Word {
                start: a,
                end: b,
                norm: norm(text),
                pos,
            }
        })
        .collect();
    if !untagged {
        retag_imperative(&mut words, &texts);
        retag_modal(&mut words);
        retag_matters(&mut words);
        retag_after_pronoun(&mut words);
        retag_capitals(&mut words, &texts);
        retag_reporting(&mut words);
    }
    // "Feedback on pull requests", "During the talk": the tagger now and
    // then takes a word that is only ever a preposition for a conjunction
    // or, for its "-ing", a verb.
    for w in &mut words {
        if matches!(w.pos, Pos::Sconj | Pos::Verb) && LEXICON.is(&w.norm, Role::Preposition) {
            w.pos = Pos::Adp;
        }
    }
    Analysis { words, untagged }
}

pub use super::advice::{advice_start, before_advice};

/// Can this base form be a verb ("matter", "pile")? Asked of the tagger
/// after "to", where English allows only a verb.
pub fn verb_reading(base: &str) -> bool {
    let lower = base.to_lowercase();
    // The tagger, asked after "to", calls most words it does not know a
    // verb; the curated dictionary knows which words are never verbs
    // ("guidance", "framework"). (It marks many more words as verbs than
    // are used so, "private" or "general": it can only rule a verb out.)
    // A word it knows only as a verb ("automate") is one.
    if let Some(meta) = DICTIONARY.get_word_metadata_str(&lower) {
        if !meta.is_verb_lemma() {
            return false;
        }
        if meta.noun.is_none() && meta.adjective.is_none() {
            return true;
        }
    }
    let tags = TAGGER.tag_sentence(&["to".to_string(), lower.clone()]);
    match tags.get(1).copied().flatten() {
        Some(tag) => tag == UPOS::VERB,
        // (A word the tagger has never seen, "dedicate", "sharpen": the
        // dictionary's verb decides.)
        None => known_verb(&lower) == Some(true),
    }
}

/// Whether the curated dictionary knows the word only as a verb, never as
/// a noun or an adjective ("empower", "configure", "recognize").
pub fn only_a_verb(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .is_some_and(|meta| meta.is_verb_lemma() && meta.noun.is_none() && meta.adjective.is_none())
}

/// Whether the curated dictionary knows the word as a verb's base form;
/// `None` for a word it does not know.
pub fn known_verb(word: &str) -> Option<bool> {
    DICTIONARY
        .get_word_metadata_str(word)
        .map(|meta| meta.is_verb_lemma())
}

/// Can the word be a verb: one the dictionary knows as a verb, or its
/// form in -s ("prints", "connects")?
pub fn can_be_verb(word: &str) -> bool {
    known_verb(word) == Some(true)
        || word
            .strip_suffix('s')
            .filter(|b| !b.ends_with('s'))
            .is_some_and(|b| known_verb(b) == Some(true))
}

/// Whether the curated dictionary knows the word as an adjective ("honest",
/// "patient"); `None` for a word it does not know.
pub fn known_adjective(word: &str) -> Option<bool> {
    DICTIONARY
        .get_word_metadata_str(word)
        .map(|meta| meta.adjective.is_some())
}

/// Whether the curated dictionary knows the word, and never as a noun
/// ("deprecated", "available", "adopts"); `false` for a word it does not
/// know.
pub fn known_not_noun(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .is_some_and(|meta| meta.noun.is_none())
}

/// Whether the curated dictionary knows the word at all; a word it does
/// not know is most often a name ("Kubernetes").
pub fn known_word(word: &str) -> bool {
    DICTIONARY.get_word_metadata_str(word).is_some()
}

/// Whether the curated dictionary knows the noun as a mass noun only
/// ("storage", "advice"), never counted; `false` for a word it does not
/// know or knows as countable too.
pub fn mass_only(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .and_then(|meta| meta.noun)
        .is_some_and(|n| n.is_mass == Some(true) && n.is_countable != Some(true))
}

/// Whether the curated dictionary knows the word, ending in "s", as a
/// noun of its own rather than another's plural ("bias", "lens"), or as
/// a mass noun, which takes "is" ("news").
pub fn singular_in_s(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .and_then(|meta| meta.noun)
        .is_some_and(|n| n.is_plural != Some(true) || n.is_mass == Some(true))
}

/// Whether the curated dictionary knows the word, not ending in "s", as a
/// plural noun ("people", "children").
pub fn plural_without_s(word: &str) -> bool {
    !word.ends_with('s')
        && DICTIONARY
            .get_word_metadata_str(word)
            .and_then(|meta| meta.noun)
            .is_some_and(|n| n.is_plural == Some(true))
}

/// Whether the curated dictionary marks the noun as a mass noun at all
/// ("replication", "cost"), counted or not.
pub fn ever_mass(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .and_then(|meta| meta.noun)
        .is_some_and(|n| n.is_mass == Some(true))
}

/// Whether the curated dictionary knows the word as a past participle,
/// which it does for irregular verbs ("given", "made", "built"), and not
/// as a base form too ("let", "put", "set").
pub fn past_participle(word: &str) -> bool {
    DICTIONARY.get_word_metadata_str(word).is_some_and(|meta| {
        // (Forms both past and participle, "stuck", "built", are
        // marked past only.)
        (meta.is_verb_past_participle_form() || meta.is_verb_past_form()) && !meta.is_verb_lemma()
    })
}

/// Whether the dictionary knows the word as a past form of a verb and
/// not as a base form ("ran", "seen", "realized"; not "put").
pub fn past_form(word: &str) -> bool {
    // (The dictionary marks forms unevenly: "seen" a participle only,
    // "walked" perhaps not at all; a regular "-ed" is past all the same.)
    DICTIONARY.get_word_metadata_str(word).is_some_and(|meta| {
        (meta.is_verb_past_form()
            || meta.is_verb_simple_past_form()
            || meta.is_verb_past_participle_form()
            || word.ends_with("ed"))
            && !meta.is_verb_lemma()
    })
}

/// Whether the curated dictionary knows the word as a proper noun
/// ("Elasticsearch", "Python").
pub fn proper_noun(word: &str) -> bool {
    DICTIONARY
        .get_word_metadata_str(word)
        .and_then(|meta| meta.noun)
        .is_some_and(|n| n.is_proper == Some(true))
}

/// Harper's curated English dictionary: which classes a word can take.
/// Loaded on first use (about 0.2 s), so only `rehearse lesson` pays.
static DICTIONARY: LazyLock<std::sync::Arc<MutableDictionary>> =
    LazyLock::new(MutableDictionary::curated);

fn norm_for_tagger(w: &str) -> String {
    w.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
}

/// A word class from the word's shape, for words the tagger does not know.
pub fn guess(text: &str, first: bool) -> Pos {
    let lower = norm(text);
    if !text.chars().any(char::is_alphanumeric) {
        return Pos::Punct;
    }
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Pos::Num;
    }
    if !first && text.chars().next().is_some_and(char::is_uppercase) {
        return Pos::Propn;
    }
    if lower.ends_with("ly") && lower.len() > 4 {
        Pos::Adv
    } else if lower.ends_with("ing") || lower.ends_with("ed") || lower.ends_with("ize") {
        Pos::Verb
    } else if ["ous", "ive", "able", "ible", "ful", "less", "ical", "ic"]
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
    {
        Pos::Adj
    } else {
        Pos::Noun
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_words_and_separates_clitics_and_marks() {
        let s = "Don’t guess, ask the in-depth question (e.g. X.509).";
        let parts: Vec<&str> = split(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            [
                "Do", "n’t", "guess", ",", "ask", "the", "in-depth", "question", "(", "e.g", ".",
                "X.509", ")", "."
            ]
        );
    }

    #[test]
    fn the_dictionary_rules_out_verbs_the_tagger_would_guess() {
        // After "to", the tagger takes any word for a verb.
        assert!(!verb_reading("guidance"));
        assert!(!verb_reading("framework"));
        assert!(verb_reading("push"));
        assert!(verb_reading("automate"));
        assert_eq!(known_verb("write"), Some(true));
        assert_eq!(known_verb("qwzx"), None);
    }

    #[test]
    fn the_tagger_finds_verbs_and_noun_phrases() {
        let s = "Send a short note to the hiring manager.";
        let a = analyse(s);
        assert_eq!(a.words[0].pos, Pos::Verb, "{:?}", a.words);
        let nps: Vec<&str> = a
            .noun_phrases()
            .iter()
            .map(|&(i, j)| &s[a.words[i].start..a.words[j - 1].end])
            .collect();
        assert_eq!(nps, ["short note", "hiring manager"]);
    }

    #[test]
    fn a_question_word_opens_no_noun_phrase() {
        let s = "Be aware of how projects relate to business priorities.";
        let a = analyse(s);
        let nps: Vec<&str> = a
            .noun_phrases()
            .iter()
            .map(|&(i, j)| &s[a.words[i].start..a.words[j - 1].end])
            .collect();
        assert!(nps.iter().all(|p| !p.starts_with("how")), "{nps:?}");
    }
}
