//! The main verb of a back's sentence, past the nouns the tagger took for
//! verbs (see [`super::from_back`] and docs/lessons.md, "Questions from
//! the back").

use crate::lesson::language::{LEXICON, Pos, Role, Word};

use super::super::finite::misread_verb;
use super::super::opening::{heading_opens, subject_end};
use super::super::sentence::Sent;

/// The sentence's main verb: where it stands, where its subject ends
/// (before the adverbs that go with the verb), those adverbs as the
/// question keeps them, and the verb as read.
pub(in crate::lesson::cards) struct Verb {
    pub(in crate::lesson::cards) at: usize,
    pub(in crate::lesson::cards) end: usize,
    pub(in crate::lesson::cards) adverbs: String,
    pub(in crate::lesson::cards) word: Word,
}

/// "An encoding specifies…", "Every commit waits…": a word right after an
/// article, "every" or "each" is the noun the tagger may have taken for a verb
/// (after any other determiner, only a word in "-ing": "This means…" has
/// its verb there). So is the last of a list of nouns before a modal
/// ("Every insert, update and delete must…"): no verb comes right before
/// one.
pub(in crate::lesson::cards) fn noun_by_position(words: &[Word], k: usize) -> bool {
    if words[k].pos != Pos::Verb || k == 0 {
        return false;
    }
    let article = |w: &Word| matches!(w.norm.as_str(), "a" | "an" | "the" | "every" | "each");
    if words[k - 1].pos == Pos::Det && (words[k].norm.ends_with("ing") || article(&words[k - 1])) {
        return true;
    }
    // (Any item of a list: the list runs on to the modal; read only for
    // the tagger's verbs, as the caller asks of every word.)
    let in_list = |w: &Word| {
        matches!(w.norm.as_str(), "," | "and" | "or") || matches!(w.pos, Pos::Noun | Pos::Verb)
    };
    let m = k + 1 + words[k + 1..].iter().take_while(|w| in_list(w)).count();
    words
        .get(m)
        .is_some_and(|w| w.pos == Pos::Aux && is_modal(&w.norm))
        && noun_list(&words[..m])
}

/// Do `words` end in a list of nouns, "read, write and delete", the
/// tagger's verbs among them, its first a noun?
pub(in crate::lesson::cards) fn noun_list(words: &[Word]) -> bool {
    let item = |w: &Word| matches!(w.pos, Pos::Noun | Pos::Verb);
    let [.., before, and, last] = words else {
        return false;
    };
    if !matches!(and.norm.as_str(), "and" | "or") || !item(last) || !item(before) {
        return false;
    }
    let mut j = words.len() - 3;
    loop {
        if words[j].pos == Pos::Noun {
            return true;
        }
        if j < 2 || words[j - 1].norm != "," || !item(&words[j - 2]) {
            return false;
        }
        j -= 2;
    }
}

/// A modal: one stating a rule (lexicon role `rule-modal`) or "can",
/// "will", "would", "could".
pub(super) fn is_modal(word: &str) -> bool {
    LEXICON.is(word, Role::RuleModal) || matches!(word, "can" | "will" | "would" | "could")
}

pub(in crate::lesson::cards) fn main_verb(s: &Sent, heading: &str) -> Option<Verb> {
    let w = &s.a.words;
    // ("Delivery Leads support the teams" under "Delivery Leads": the
    // heading's words opening the sentence are its subject, whatever class
    // the tagger gave them, and the verb comes after.)
    let named = match heading_opens(s, heading) {
        // ("Recovery replays the log": a plain subject, and a verb in -s
        // the tagger may take for a noun; past an opening gerund.)
        0 => subject_end(w),
        n => n,
    };
    let misread = misread_verb(w, named);
    let v = match misread {
        Some(k) => k,
        // (Not "encoding" of "An encoding specifies…".)
        None => (named..w.len())
            .find(|&k| matches!(w[k].pos, Pos::Aux | Pos::Verb) && !noun_by_position(w, k))?,
    };
    // Adverbs just before the verb ("DR plans often include") stay with it.
    let end = v - w[..v]
        .iter()
        .rev()
        .take_while(|w| w.pos == Pos::Adv)
        .count();
    // ("Conway's Law simply states…": a filler adverb, lexicon role
    // `filler-adverb`, goes.)
    let adverbs: String = w[end..v]
        .iter()
        .filter(|w| !LEXICON.is(&w.norm, Role::FillerAdverb))
        .map(|w| format!(" {}", &s.text[w.start..w.end]))
        .collect();
    let pos = if misread.is_some() {
        Pos::Verb
    } else {
        w[v].pos
    };
    Some(Verb {
        at: v,
        end,
        adverbs,
        word: Word {
            pos,
            ..w[v].clone()
        },
    })
}
