//! The card of a tip without a label ("- Pick courgettes small, before they
//! turn into marrows."): one sentence of advice with no heading of its own
//! to ask by. Its cloze hides what to do, the imperative and its object,
//! and leaves the case or the reason around it as the cue (see
//! docs/lessons.md, "Lists of tips").

use crate::lesson::language::{LEXICON, Pos, Role, Word, advice_start, analyse};
use crate::lesson::read::{PieceKind, Section};

use super::Maker;
use super::cloze::hide;
use super::push::Face;
use super::sentence::{Sent, content_stems};

/// Fewest words of the cue left beside the hidden advice (one of them a
/// content word).
const CUE_WORDS: usize = 3;

/// Most words of the advice a tip's cloze hides.
const ADVICE_WORDS: usize = 6;

impl Maker {
    /// A section's last cards: its table's rows, and, for a tip that got
    /// no card (`made`), the cloze of its label (see [`Maker::label_cloze`]).
    pub(super) fn last_cards(&mut self, section: &Section, base: &str, made: usize) -> usize {
        let rows = self.row_cards(section, Some(base)) + self.pair_cards(section, Some(base));
        if made + rows > 0 {
            return rows;
        }
        self.label_cloze(section, Some(base))
    }

    /// A tip whose text gives no card ("**Ask good questions; don't make
    /// demands**" over a quoted example, or a label alone): its label is
    /// its advice, clozed like a tip without one. `base` is the id prefix
    /// of the section's cards, when its text made one. Gives how many.
    pub(super) fn label_cloze(&mut self, section: &Section, base: Option<&str>) -> usize {
        let Some(label) = section.heading.as_deref().filter(|_| section.tip) else {
            return 0;
        };
        if super::worth::outside_the_lesson(section) {
            return 0;
        }
        let s = Sent::new(with_examples(label, section), PieceKind::Para);
        let Some((a, b)) = advice_span(&s).or_else(|| bare_advice(&s)) else {
            return 0;
        };
        // (Nor a phrase mostly of the title, which the card gives away.)
        let hidden = &s.text[a..b];
        let stems = content_stems(&analyse(hidden), hidden);
        let titled = stems
            .iter()
            .filter(|w| self.title_stems.contains(*w))
            .count();
        if 2 * titled >= stems.len() || shown_beside(&s.text, a, b) {
            return 0;
        }
        let cloze = hide(&s.text, a, b);
        if !self.fronts.insert(cloze.clone()) {
            return 0;
        }
        let base = self.section_base(base, label);
        let id = format!("{base}/cloze");
        let extra = match &section.context {
            Some(c) => self.casing.sentence_case(c),
            None => self.title.clone(),
        };
        self.push_card(id, Face::Cloze(cloze, extra), "cloze", (vec![s.text.clone()], format!(
                "a tip whose text gives no card: its label hides what it advises, \u{201c}{}\u{201d}",
                &s.text[a..b]
            )));
        1
    }
}

/// "{{Know ssh}}, and …, via ssh-agent, ssh-add": the hidden advice's
/// last word shows in the text left visible, a compound's part included,
/// and gives the answer away.
pub(super) fn shown_beside(text: &str, a: usize, b: usize) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let Some(last) = words(&text[a..b]).pop().filter(|w| w.chars().count() >= 3) else {
        return false;
    };
    let visible = format!("{} {}", &text[..a], &text[b..]);
    words(&visible).contains(&last)
}

/// A tip whose label has nothing beside it to cue a cloze ("**Don't use
/// sarcasm**", "**Explain why the code exists**"): what the advice is
/// about, hidden however little cue is left, as nothing else of the tip
/// gave a card. The object of
/// its verb to the end, or the clause after a question word, of up to
/// [`OBJECT_WORDS`] words and naming more than a general noun ("the
/// time").
fn bare_advice(s: &Sent) -> Option<(usize, usize)> {
    let words: Vec<&Word> = s.a.words.iter().collect();
    let a = advice_start(&words)?;
    // (The label's own words: not the examples after its colon.)
    let stop = (a..words.len())
        .find(|&k| words[k].norm == ":")
        .unwrap_or(words.len());
    let end = words[..stop].iter().rposition(|w| !w.is_punct())?;
    let question = words
        .get(a + 1)
        .is_some_and(|w| matches!(w.norm.as_str(), "why" | "how" | "what" | "when" | "where"));
    let from = if question {
        a + 1
    } else {
        // (With its article: "the reviewer's perspective".)
        let c =
            s.a.noun_phrases()
                .into_iter()
                .map(|(c, _)| c)
                .find(|&c| c > a)?;
        let det = c > a + 1 && words[c - 1].pos == Pos::Det;
        c - usize::from(det)
    };
    let hidden = words.get(from..=end)?;
    let idea = hidden
        .iter()
        .any(|w| w.pos.is_nominal() && !LEXICON.is(&w.norm, Role::Generic));
    // ("Be grateful for…", "Seek to understand…": an adjective, a
    // preposition or a verb after "to" before the object.)
    let between_ok = (a + 1..from).all(|k| {
        matches!(words[k].pos, Pos::Adp | Pos::Adj | Pos::Part)
            || (words[k].pos == Pos::Verb && words[k - 1].norm == "to")
    });
    (idea && between_ok && hidden.iter().filter(|w| !w.is_punct()).count() <= OBJECT_WORDS)
        .then(|| (words[from].start, words[end].end))
}

/// Most characters of the examples a tip's label cloze shows beside it.
const CUE_EXAMPLE_CHARS: usize = 100;

/// The label as a sentence, with what its tip shows of it when that is
/// short: a quoted example or a few words ("**Avoid diminishing words**"
/// over "simply", "simple", "just": `Avoid diminishing words: "simply",
/// "simple", "just".`), the cue its cloze is read by.
fn with_examples(label: &str, section: &Section) -> String {
    let label = label.trim_end_matches(['.', '!']);
    let shown: Vec<&str> = section
        .body
        .iter()
        .map(|p| p.text.trim().trim_end_matches('.'))
        .collect();
    let examples = shown.join("; ");
    let quoted = |t: &str| t.starts_with(['"', '\u{201c}']);
    if label.ends_with('?')
        || shown.is_empty()
        || examples.chars().count() > CUE_EXAMPLE_CHARS
        || !shown
            .iter()
            .all(|t| quoted(t) || t.split_whitespace().count() <= 4)
    {
        return if label.ends_with('?') {
            label.to_string()
        } else {
            format!("{label}.")
        };
    }
    // (A quotation keeps its own stop: `"…look it up."`.)
    if examples.ends_with(['"', '\u{201d}']) {
        return format!("{label}: {examples}");
    }
    format!("{label}: {}.", examples.trim_end_matches(['.', '!']))
}

/// The byte span of the advice to hide in a tip's sentence, when the
/// sentence opens its main clause with an imperative ("If you are new,
/// start with herbs…", "Never leave…") and says more than what to do: a
/// case, a reason or a manner after a break ("Speak clearly, especially
/// if…", "Water at the base, not over the leaves", "Net them as soon as
/// you plant them out").
pub(super) fn advice_span(s: &Sent) -> Option<(usize, usize)> {
    let words: Vec<&Word> = s.a.words.iter().collect();
    let a = advice_start(&words)?;
    if let Some(span) = ensured(&words, a) {
        return Some(span);
    }
    // ("Make your text as big as you can": the measure is what to recall,
    // the verb and its object its cue.)
    if let Some(k) = (a + 2..words.len()).find(|&k| degree(&words, k)) {
        let last = words.iter().rposition(|w| !w.is_punct())?;
        return (last >= k + 3).then(|| (words[k].start, words[last].end));
    }
    let b = (a + 1..words.len()).find(|&k| breaks_advice(&words, a, k))?;
    // ("Be specific even if…": the adverb before the clause is its own.)
    let mut b = if b > a + 2 && words[b - 1].pos == Pos::Adv && words[b].pos == Pos::Sconj {
        b - 1
    } else {
        b
    };
    // ("Avoid abbreviations and if you must…": a joining word ends no
    // phrase.)
    while b > a + 1 && matches!(words[b - 1].pos, Pos::Cconj | Pos::Det | Pos::Adp) {
        b -= 1;
    }
    // ("Ask the user if they want to…": a verb and the person it turns to
    // take the question after them; what is asked is the point, not a
    // case beside the advice.)
    let person = |w: &Word| LEXICON.is(&w.norm, Role::PersonNoun) || w.pos == Pos::Pron;
    if matches!(words[b].norm.as_str(), "if" | "whether") && person(words[b - 1]) {
        return None;
    }
    advice_with_cue(&words, a, b).or_else(|| object_of_advice(s, &words, a, b))
}

/// "Ensure form inputs have {{labels visible in every state}}": advice
/// that a clause holds (lexicon role `ensuring-verb`) is about what the
/// clause says of its subject, which is hidden; the verb "ensure" and the
/// subject are the cue. A passive ending the sentence hides its
/// participle ("…are {{announced}}"); any other passive or auxiliary is
/// left to the spans below ("Ensure {{semantic markup}} is used…").
fn ensured(words: &[&Word], a: usize) -> Option<(usize, usize)> {
    let norms: Vec<&str> = words[a..].iter().map(|w| w.norm.as_str()).collect();
    let opener = LEXICON.opening(&norms, Role::EnsuringVerb)?;
    let from = a + opener + usize::from(words.get(a + opener).is_some_and(|w| w.norm == "that"));
    // The clause's verb, after a subject naming something.
    let v = (from + 1..words.len())
        .find(|&k| matches!(words[k].pos, Pos::Verb | Pos::Aux) && !words[k - 1].is_punct())?;
    if !words[from..v].iter().any(|w| w.pos.is_nominal()) {
        return None;
    }
    let end = (v + 1..words.len())
        .find(|&k| {
            let w = words[k];
            (w.is_punct() && w.norm != "-")
                || w.pos == Pos::Sconj
                || matches!(w.norm.as_str(), "to" | "where" | "when" | "if" | "unless")
        })
        .unwrap_or(words.len());
    let be = matches!(words[v].norm.as_str(), "is" | "are" | "be");
    let said_after = words[end..]
        .iter()
        .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    // ("has" as a verb of its own: "has captions", not "has been".)
    let perfect = |p: &Word| p.pos == Pos::Verb && p.norm.ends_with("ed");
    let auxiliary = match words[v].norm.as_str() {
        "has" | "have" => words
            .get(v + 1)
            .is_some_and(|p| perfect(p) || p.norm == "been"),
        _ => words[v].pos == Pos::Aux,
    };
    match &words[v + 1..end] {
        [p] if be && p.pos == Pos::Verb && !said_after => {}
        _ if be || auxiliary => return None,
        _ => {}
    }
    ((1..=PREDICATE_WORDS).contains(&(end - v - 1)))
        .then(|| (words[v + 1].start, words[end - 1].end))
}

/// Most words of what an ensured clause says of its subject.
const PREDICATE_WORDS: usize = 8;

/// The advice `a..b` itself, when the rest of the sentence is cue enough.
fn advice_with_cue(words: &[&Word], a: usize, b: usize) -> Option<(usize, usize)> {
    let hidden = words[a..b].iter().filter(|w| !w.is_punct()).count();
    let cue: Vec<&&Word> = words[b..]
        .iter()
        .chain(&words[..a])
        .filter(|w| !w.is_punct())
        .collect();
    let content = cue.iter().any(|w| !w.pos.is_function());
    ((2..=ADVICE_WORDS).contains(&hidden) && cue.len() >= CUE_WORDS && content)
        .then(|| (words[a].start, words[b - 1].end))
}

/// Most words of the object a tip's cloze hides.
const OBJECT_WORDS: usize = 6;

/// Advice with nothing beside it ("Make sure your body language is open.",
/// "Create small-group activities that let learners…"): what it is about
/// is hidden instead, the object its verb takes (or, after "make sure",
/// the clause), and the verb stays as the cue. An object the dictionary
/// calls general ("the time"), a fixed phrase completes, or a single noun
/// ("keep an eye on") is no idea.
fn object_of_advice(s: &Sent, words: &[&Word], a: usize, b: usize) -> Option<(usize, usize)> {
    let sure = words.get(a + 1).is_some_and(|w| w.norm == "sure")
        && matches!(words[a].norm.as_str(), "make" | "be");
    if sure {
        let from = a + 2 + usize::from(words.get(a + 2).is_some_and(|w| w.norm == "that"));
        let hidden = words[from..b].iter().filter(|w| !w.is_punct()).count();
        return (2..=ADVICE_WORDS)
            .contains(&hidden)
            .then(|| (words[from].start, words[b - 1].end));
    }
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let fixed = LEXICON.find(&norms, Role::Fixed);
    // (A verb the tagger took for a noun opens the chunk: "Plan short
    // sessions" is one chunk to it.)
    let (c, d) =
        s.a.noun_phrases()
            .into_iter()
            .find(|&(_, d)| d > a + 1)
            .map(|(c, d)| (c.max(a + 1), d))?;
    // (Its preposition too: "Cut just above an outward bud".)
    let between_ok = words[a + 1..c].iter().all(|w| {
        matches!(w.pos, Pos::Det | Pos::Part | Pos::Adp | Pos::Adv)
            || (w.pos == Pos::Pron && w.norm != "it")
    });
    let general = words[c..d]
        .iter()
        .all(|w| LEXICON.is(&w.norm, Role::Generic) || !w.pos.is_nominal() && w.pos != Pos::Adj);
    let in_fixed = fixed.iter().any(|&(fa, fb)| fa < d && c < fb);
    // (The verb and what follows the object stay as the cue: three words
    // at least, on either side.)
    let rest = words[d..].iter().filter(|w| !w.is_punct()).count() + (c - a);
    (between_ok
        && !general
        && !in_fixed
        && (2..=OBJECT_WORDS).contains(&(d - c))
        && rest >= CUE_WORDS)
        .then(|| (words[c].start, words[d - 1].end))
}

/// Does the advice opening at `a` end before word `k`: a comma, dash or
/// colon, a subordinating conjunction ("before", "because", "so that"),
/// a word giving a reason or placing it in time, or a second verb?
fn breaks_advice(words: &[&Word], a: usize, k: usize) -> bool {
    let w = words[k];
    let mark = w.is_punct()
        && matches!(
            w.norm.as_str(),
            "," | ";" | ":" | "\u{2014}" | "\u{2013}" | "-"
        );
    // ("Agree on a next step and write it down", "Follow up a week later
    // to see whether it helped": a second verb, joined or of purpose,
    // starts what the advice is for.)
    let next_verb = words.get(k + 1).is_some_and(|n| {
        n.pos == Pos::Verb && !(n.norm.ends_with("ed") || n.norm.ends_with("ing"))
    });
    // (Only the advice's own verb before it: "…activities that allow
    // learners to try…" goes on inside a relative clause.)
    let one_verb = !words[a + 1..k].iter().any(|w| w.pos == Pos::Verb);
    // ("Figure out how to fix it": after a question word, "to" opens the
    // object.)
    let asks = matches!(
        words[k - 1].norm.as_str(),
        "how" | "what" | "where" | "when" | "whether" | "which" | "who"
    );
    // ("Give people things to do, or…": a verb with nothing after it says
    // what the noun is for, and stays with it.)
    let for_the_noun = w.norm == "to" && words.get(k + 2).is_none_or(|n| n.is_punct());
    // ("Use templates to save time": a noun after the verb is its whole
    // object.)
    let past_object = k > a + 2 || (k == a + 2 && words[k - 1].pos.is_nominal());
    let second_verb = past_object
        && matches!(w.norm.as_str(), "and" | "to")
        && next_verb
        && one_verb
        && !asks
        && !for_the_noun;
    let clause = second_verb
        || k > a + 1
            && !degree(words, k)
            && (w.pos == Pos::Sconj
                || LEXICON.is(&w.norm, Role::Reason)
                || LEXICON.is(&w.norm, Role::PlacingConjunction)
                || (w.norm == "or" && !joins_nouns(words, k))
                || matches!(w.norm.as_str(), "so" | "unless" | "until" | "as"))
        // ("Use tools such as WAVE": examples, not a case.)
        && !(w.norm == "as" && words[k - 1].norm == "such");
    // ("Be ruthless with dead, diseased and crossing branches": a comma
    // in a series breaks nothing.)
    let series = w.norm == "," && in_series(words, k);
    (mark && !series) || clause || (w.is_punct() && k + 1 == words.len())
}

/// "as big as you can" at `k`: "as … as" measures the advice, where "as
/// soon as" and "as long as" set its case.
fn degree(words: &[&Word], k: usize) -> bool {
    words[k].norm == "as"
        && words.get(k + 2).is_some_and(|n| n.norm == "as")
        && words
            .get(k + 1)
            .is_some_and(|n| !matches!(n.norm.as_str(), "soon" | "long"))
}

/// "the outcome or result reflects…": "or" between two nouns joins them
/// into one phrase, and breaks nothing.
fn joins_nouns(words: &[&Word], k: usize) -> bool {
    let noun = |w: Option<&&Word>| w.is_some_and(|w| w.pos.is_nominal());
    noun(words.get(k.wrapping_sub(1))) && noun(words.get(k + 1))
}

/// Is the comma at `k` one of a series ("dead, diseased and crossing"):
/// one to three words without a verb after it, then "and" or "or"?
fn in_series(words: &[&Word], k: usize) -> bool {
    let after = &words[k + 1..];
    let Some(j) = after
        .iter()
        .take(4)
        .position(|w| matches!(w.norm.as_str(), "and" | "or" | ","))
    else {
        return false;
    };
    (1..=3).contains(&j)
        && after[..j].iter().all(|w| match w.pos {
            // (A participle describes: "dead, diseased and…".)
            Pos::Verb => w.norm.ends_with("ed") || w.norm.ends_with("ing"),
            Pos::Aux | Pos::Sconj | Pos::Pron => false,
            _ => true,
        })
        && (after[j].norm != "," || in_series(words, k + 1 + j))
}

#[cfg(test)]
#[path = "tip_cloze_tests.rs"]
mod tests;
