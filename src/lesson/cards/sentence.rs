//! The sentences of a section, read for card making: whether each is a
//! statement worth a card, leans on the one before, gives a reason or advice;
//! and how the words spread over the lesson ([`Weights`]).

use std::collections::BTreeSet;

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, analyse};
use crate::lesson::read::{PieceKind, Section, code_completes};
use crate::lesson::text::{
    capitalise, ends_sentence, norm, runs_a_command, sentences, squash, stem, without_asides_where,
    without_dashes, without_pointer_asides, word_count,
};

use super::background::{synopsis, told_its_history as history};
use super::forms::{addressed_condition, addressed_modal, advises};
use super::listed::completed_lead_in;
use super::quote::{
    cited_statement, own_words, quotes_a_script, states_a_law, unattributed, within_a_quotation,
};
use super::reason::{gives_reason, otherwise_label};

/// One sentence of a section, with what card making needs to know.
#[derive(Clone)]
pub(super) struct Sent {
    pub(super) text: String,
    /// A paragraph's sentence, a list item's or a quotation's.
    pub(super) kind: PieceKind,
    /// Which piece of the section's text it is from.
    pub(super) piece: usize,
    pub(super) a: Analysis,
    pub(super) quoted: bool,
    /// A list item without a verb ("Least loaded"): a fragment.
    pub(super) fragment: bool,
    /// Ends with a colon: it introduces what follows.
    pub(super) lead_in: bool,
    /// Opens with a word that leans on the sentence before ("This", "Instead").
    pub(super) leans: Option<usize>,
    pub(super) reason: bool,
    /// Background to a point, not one (see [`Sent::is_background`]).
    background: bool,
    pub(super) imperative: bool,
    /// The writer marks it as what matters ("It's important to…"; lexicon
    /// role `emphasis`).
    pub(super) emphatic: bool,
    /// It draws the conclusion of what came before ("Therefore…",
    /// "That's why…"; lexicon role `conclusion-opening`).
    pub(super) concludes: bool,
    /// The writer or the reader of a worked example speaks ("I", "we",
    /// "let's"): a story or a walk-through, not a general statement.
    pub(super) personal: bool,
    /// The writer speaks of themselves ("I", "my"): a story.
    pub(super) narrated: bool,
    /// Points into the document ("the following", "below") or opens with a
    /// label ("Note:"): it needs what a card does not show.
    pub(super) pointer: bool,
    /// Says what the text itself covers ("This guide sets out…"; lexicon
    /// role `synopsis-opening`): what the lesson is about, though, as it
    /// points into the text, a pointer anywhere else.
    pub(super) synopsis: bool,
    /// Courts the reader before the point ("If you've ever…"; lexicon
    /// role `hook-opening`).
    pub(super) hook: bool,
    /// The byte spans of phrases the writer set in bold, stressing a point.
    pub(super) stressed: Vec<(usize, usize)>,
    /// Opens with a label of a few words ("Note on caching: …").
    pub(super) labelled: bool,
    /// Ends on a command joined from the code after it ("…by the
    /// command: ufw enable."): it says how.
    pub(super) command: bool,
}

/// Operators and template tags that only program text has.
const CODE_MARKS: [&str; 11] = [
    " < ", " > ", "==", "!=", "&&", "||", " += ", " <= ", " >= ", "{%", "{{",
];

/// "(Start menu > PowerShell > right-click > Run as Administrator)": a
/// path through menus, three steps or more of a few words each, split by
/// " > ", is no comparison of program text.
fn menu_path(text: &str) -> bool {
    let steps: Vec<&str> = text.split(" > ").collect();
    let short = |s: &&str| {
        s.split_whitespace().count() <= MENU_STEP_WORDS
            && s.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    };
    steps.len() >= 3 && steps[1..steps.len() - 1].iter().all(short)
}

/// Most words of one step of a menu path.
const MENU_STEP_WORDS: usize = 3;

/// Fewest words of a sentence without a final mark read as a statement.
const UNMARKED_WORDS: usize = 6;

/// Fewest words of a sentence without a final mark that reads whole
/// whatever word it ends on.
const LONG_UNMARKED_WORDS: usize = 15;

/// Above this many characters a sentence loses its long asides in brackets.
const ASIDE_CHARS: usize = 200;

/// A sentence without a final mark that reads whole: six words or more,
/// not stopping where code would follow ("…a deploy token using", "Known
/// uses include"; unless it is long), nor a lettered item ("c) Builds…").
fn unmarked(a: &Analysis, text: &str) -> bool {
    let ends_whole = a.content().last().is_some_and(|w| {
        !matches!(
            w.pos,
            Pos::Adp | Pos::Det | Pos::Cconj | Pos::Sconj | Pos::Part | Pos::Verb | Pos::Aux
        )
    });
    let lettered = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && text[c.len_utf8()..].starts_with(')'));
    // (A long sentence may end on its verb or particle, "…when an error
    // comes in", its period left off at the paragraph's end.)
    (ends_whole || word_count(text) >= LONG_UNMARKED_WORDS)
        && !lettered
        && word_count(text) >= UNMARKED_WORDS
        && !text.ends_with(['?', '-', '\u{2014}', ',', ';'])
}

/// Points at what a card does not show: a part of the text ("the
/// following", "as shown below"; lexicon role `pointer`), a numbered
/// figure or table, or a link ("…follow the process documented here.").
fn points_into_the_text(a: &Analysis, lower: &[&str]) -> bool {
    lower.last() == Some(&"here")
        || super::leaning::points_after_case(a)
        || history(lower)
        || numbered_reference(lower)
        || LEXICON.points_away(lower)
        || LEXICON
            .find(lower, Role::Pointer)
            .iter()
            .any(|&(start, end)| !before_a_quantity(lower, start, end))
}

/// What opens an illustration of the sentence before ("For example, …").
pub(super) const EXAMPLE_OPENERS: [&str; 3] = ["for example", "for instance", "e.g."];

impl Sent {
    /// Does it illustrate the sentence before ("For example, a subject
    /// line that says…")?
    pub(super) fn illustrates(&self) -> bool {
        let start: String = self
            .text
            .chars()
            .take(14)
            .collect::<String>()
            .to_lowercase();
        EXAMPLE_OPENERS.iter().any(|m| start.starts_with(m))
    }

    /// Does it point back with a demonstrative anywhere ("…compares that
    /// number with…", "…slower than this"), so it reads only after the
    /// sentence before? (A pronoun after its subject stands for it: "…every
    /// answer it gets".)
    pub(super) fn points_back(&self) -> bool {
        self.a.content().any(|w| {
            matches!(w.norm.as_str(), "this" | "these" | "those")
                || (w.norm == "that" && w.pos == Pos::Det)
        })
    }

    pub(super) fn new(text: String, kind: PieceKind) -> Sent {
        let a = analyse(&text);
        let lower: Vec<&str> = a.content().map(|w| w.norm.as_str()).collect();
        let consequence = otherwise_label(&text);
        let background = super::background::background(&a, &lower);
        let reason = gives_reason(&a, &lower, consequence) && !background;
        // ("This guide sets out…": the text speaks of itself, leaning on
        // no sentence before.)
        let synopsis = synopsis(&a, &lower);
        let leans = super::leaning::leaning(&a, &lower).filter(|_| !synopsis && !consequence);
        // ("Imagine a GPS that…" courts the reader: it advises nothing.)
        // ("It might sound obvious that…, but": a truism, lexicon role
        // `truism`, clears the ground before the point as a hook does.)
        let hook = LEXICON.opens_with(&lower, Role::HookOpening)
            || !LEXICON.find(&lower, Role::Truism).is_empty();
        let imperative = advises(&a) && leans.is_none() && !hook || runs_a_command(&text);
        let has_verb = a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
        let unmarked_statement = kind == PieceKind::Para && has_verb && unmarked(&a, &text);
        let own = own_words(&a, &text);
        // ("I realized the key was…": the story's lesson is a point.)
        let told = !LEXICON.find(&own, Role::Narrator).is_empty();
        let narrated = told && LEXICON.find(&own, Role::LessonLearned).is_empty();
        let personal = told || !LEXICON.find(&own, Role::Personal).is_empty();
        // "Note: …", "Examples: …": a label of one or two words before a
        // colon (but for the writer's summary, "TL;DR: …").
        let summary = summary_label(&text);
        // ("Ask yourself: is it needed?" is advice, not a label.)
        let asks_oneself = imperative && text.trim_end().ends_with('?');
        let labelled = !summary
            && !consequence
            && short_label(&text)
            && !asks_oneself
            && !runs_a_command(&text);
        let pointer = labelled || points_into_the_text(&a, &lower);
        Sent {
            // ("Keep an open mind by:", its colon lost: the ways follow.)
            lead_in: text.ends_with(':')
                || text
                    .trim_end_matches(['.', ':'])
                    .to_lowercase()
                    .ends_with(" by"),
            // A list item without a verb, or any text without a final
            // mark (a caption, a label): not a statement to learn.
            // So is an aside in brackets: "(early stage / maintenance / …)".
            // But a sentence with a verb, its final period left off before
            // code or at a paragraph's end ("Create one with `nats stream
            // add`"), is a statement all the same.
            fragment: (kind == PieceKind::Item && !has_verb)
                || (!ends_sentence(&text) && !text.ends_with(':') && !unmarked_statement)
                || text.starts_with(['(', '['])
                // ("to a script that will be run…": a paragraph going on
                // with a sentence that code broke off.)
                || (kind == PieceKind::Para && continues_after_code(&a, &text)),
            // Quoted text, or a sentence carrying a quoted script of five
            // words or more: what someone said, not the point (but for a
            // law stated in its own words, see `states_a_law`).
            quoted: kind == PieceKind::Quote || quotes_a_script(&text) && !states_a_law(&a),
            leans,
            piece: 0,
            reason,
            background,
            imperative,
            emphatic: summary || emphatic(&lower),
            concludes: LEXICON.opens_with(&lower, Role::ConclusionOpening)
                || LEXICON.opens_with(&lower, Role::Restatement),
            personal,
            narrated,
            pointer,
            synopsis,
            stressed: Vec::new(),
            command: false,
            hook,
            labelled,
            a,
            text,
            kind,
        }
    }

    /// Ends with an exclamation mark: a greeting or a cheer.
    pub(super) fn cheer(&self) -> bool {
        self.text
            .trim_end_matches(['"', '\u{201d}', ')'])
            .ends_with('!')
    }

    /// Does it say how often its subject is met ("Bar plots are some of
    /// the most common charts in papers"; lexicon role `prevalence`), or
    /// what the writer aims at ("Our goal is to provide…"; role
    /// `aim-opening`)? That is the background a section starts from, not
    /// its point.
    pub(super) fn is_background(&self) -> bool {
        self.background
    }

    /// Says how: advice in the imperative, a means ("…by caching"), or "you can…" with no reason.
    pub(super) fn gives_method(&self) -> bool {
        let you_can = !self.reason && addressed_modal(&self.a);
        // ("Write this down in your log": advice all the same, though
        // what it acts on was named before.)
        let leaning_advice = self.leans.is_some() && !self.hook && advises(&self.a);
        self.imperative
            || leaning_advice
            || self.text.contains(" by ")
            || you_can
            || addressed_condition(&self.a)
            || self.correlative()
    }

    /// "The sooner you give feedback, the better": a comparative paired
    /// with a bare "the better" says how to do a thing, not what it
    /// brings about.
    fn correlative(&self) -> bool {
        let comparative = |w: &str| {
            matches!(w, "more" | "less" | "fewer" | "better" | "worse")
                || (w.ends_with("er") && w.len() > 4)
        };
        let w = &self.a.words;
        // (The opening decides most sentences before any scan.)
        if w.len() <= 4 || w[0].norm != "the" || !comparative(&w[1].norm) {
            return false;
        }
        // (Only a bare judgement ends it: "…, the more fluent you will be"
        // says what it brings about.)
        w.windows(4).skip(1).any(|w| {
            w[0].norm == ","
                && w[1].norm == "the"
                && matches!(w[2].norm.as_str(), "better" | "worse")
                && matches!(w[3].norm.as_str(), "." | "!" | ",")
        })
    }

    pub(super) fn words(&self) -> usize {
        word_count(&self.text)
    }

    /// Worth a card: a whole statement, not a quote, list fragment or
    /// question (but for advice to ask one, "Ask yourself: is this meeting
    /// needed?").
    pub(super) fn substantive(&self) -> bool {
        !self.quoted
            && !self.fragment
            && !self.lead_in
            && (!self.text.contains('?') || self.advises_a_question())
            && !self.a.untagged
            // (A step's command, "Run: git reset.", is short code and of substance.)
            && (runs_a_command(&self.text) || (self.words() >= 5 && !self.code()))
    }

    /// "Ask yourself: is this meeting necessary?": advice of a few words
    /// before a colon, then the question to ask.
    fn advises_a_question(&self) -> bool {
        self.imperative
            && self.text.trim_end().ends_with('?')
            && self
                .text
                .split_once(": ")
                .is_some_and(|(advice, q)| word_count(advice) <= 4 && !q.contains(':'))
    }

    /// A statement of substance but for the colon that leads into what
    /// follows ("To reach the state, declare it abstract in the mixin:").
    pub(super) fn leads_into_code(&self) -> bool {
        self.lead_in
            && !self.quoted
            && !self.pointer
            && self.leans.is_none()
            && !self.refers_back()
            && !self.text.contains('?')
            && self.words() >= UNMARKED_WORDS
            && !self.a.untagged
            && self
                .a
                .content()
                .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
    }

    /// A statement too short to be of substance, which answers a question
    /// heading in a few words ("Jee-Arr-Pee-See.", "Yes, always.").
    pub(super) fn short_answer(&self) -> bool {
        !self.quoted
            && !self.lead_in
            && !self.pointer
            && self.kind == PieceKind::Para
            && ends_sentence(&self.text)
            && !self.text.contains('?')
            && (1..5).contains(&self.words())
            && !self.code()
    }

    /// Program text ("x < 5 and x < 10", a template's "{% include %}" or
    /// "{{< param >}}"): not a statement to learn. (Names of calls and
    /// assignments in prose, "malloc()" or "score = (1, 2)", may be.)
    pub(super) fn code(&self) -> bool {
        CODE_MARKS
            .iter()
            .any(|op| self.text.contains(op) && !(*op == " > " && menu_path(&self.text)))
    }

    /// "this approach", "these cases": a demonstrative before a noun names
    /// something the sentences before introduced.
    pub(super) fn refers_back(&self) -> bool {
        self.a.words.windows(2).any(|p| {
            matches!(p[0].norm.as_str(), "this" | "these" | "those" | "such")
                && (p[1].pos.is_nominal() || p[1].pos == Pos::Adj)
                // "Use git push to do that": a verb standing for one said
                // before.
                || matches!(p[0].norm.as_str(), "do" | "does" | "did" | "doing")
                    && matches!(p[1].norm.as_str(), "this" | "that")
        }) || self.a.words.windows(3).any(|p| {
            // "a similar rule": like something said before.
            matches!(p[0].norm.as_str(), "a" | "the")
                && p[1].norm == "similar"
                && p[2].pos.is_nominal()
        })
    }

    /// Leans on what came before through a pronoun or a demonstrative
    /// ("These are…", "It runs…"), which no dropped connective can mend.
    pub(super) fn leans_on_a_word(&self) -> bool {
        self.leans.is_some()
            && self
                .a
                .content()
                .next()
                .is_some_and(|w| matches!(w.pos, Pos::Pron | Pos::Det))
    }

    pub(super) fn stems(&self) -> BTreeSet<String> {
        content_stems(&self.a, &self.text)
    }
}

/// Does the sentence open in lower case on a function word ("to a
/// script…", "and then…", "which runs…"), going on with a sentence begun
/// before it? (A name in lower case, "npm install…", opens a sentence.)
fn continues_after_code(a: &Analysis, text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase())
        && a.content()
            .next()
            .is_some_and(|w| w.pos.is_function() && w.pos != Pos::Pron)
}

/// "above 1.0.0", "below the fold", "above all": before a number, an
/// article, a possessive or "all", a pointer word is a preposition; it
/// points at no part of the document.
fn before_a_quantity(lower: &[&str], start: usize, end: usize) -> bool {
    matches!(lower[start..end], ["above"] | ["below"])
        && lower.get(end).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(*w, "the" | "a" | "an" | "all" | "its" | "their" | "your")
        })
}

/// "Note: …", "Examples: …": a label of four words at most before a colon.
fn short_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, rest)| word_count(label) <= 4 && !rest.trim().is_empty())
}

/// "TL;DR: …", "In short: …": the writer's own summary is the point, no
/// pointer elsewhere (lexicon role `summary-heading`).
pub(super) fn summary_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, _)| LEXICON.is(&norm(label.trim()), Role::SummaryHeading))
}

/// "Figure 3 shows…", "as in listing 8-2": a figure, listing or table by
/// its number, which the card does not show. ("…worth more than a striking
/// figure" points nowhere.)
fn numbered_reference(lower: &[&str]) -> bool {
    lower.windows(2).any(|w| {
        matches!(w[0], "figure" | "fig" | "listing" | "table")
            && w[1].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Stems of the content words (nouns, verbs, adjectives, adverbs, numbers).
pub(super) fn content_stems(a: &Analysis, _text: &str) -> BTreeSet<String> {
    a.content()
        .filter(|w| !w.pos.is_function() && w.norm.chars().count() > 2)
        .map(|w| stem(&w.norm))
        .collect()
}

/// Is the word one of the heading's, or of its family ("collector" and
/// "collection", "cache" and "caching": a shared start of five letters)?
pub(super) fn in_heading(heading: &BTreeSet<String>, stem: &str) -> bool {
    heading.contains(stem) || heading.iter().any(|h| kin(h, stem))
}

/// Are the stems one word or of one family (see [`in_heading`]), a
/// heading's "client/server" by its parts? (Runs for every word pair.)
pub(super) fn kin(heading_stem: &str, stem: &str) -> bool {
    let long = stem.chars().nth(4).is_some();
    heading_stem.split(['/', '-']).any(|part| {
        part == stem
            || (long
                && part.chars().nth(4).is_some()
                && part.chars().take(5).eq(stem.chars().take(5)))
    })
}

pub(super) fn section_sentences(section: &Section) -> Vec<Sent> {
    let body = &section.body;
    let mut out = Vec::new();
    for (k, p) in body.iter().enumerate() {
        // (A table's row, or an example of a pair, is asked about on its
        // own.)
        if p.asked_apart() {
            continue;
        }
        let ss = sentences(&p.text);
        let last = ss.len().saturating_sub(1);
        let within = within_a_quotation(&ss);
        let cited = p.kind == PieceKind::Quote && unattributed(body, k);
        for (i, s) in ss.into_iter().enumerate() {
            let quoted_through = within[i];
            let s = squash(&s);
            let s = without_dashes(&s);
            let s = if i == 0 { without_answer_label(s) } else { s };
            let completed = (i == last && p.kind == PieceKind::Para)
                .then(|| completed_lead_in(s, &body[k + 1..]))
                .flatten();
            let text = without_asides(completed.unwrap_or_else(|| unframed(s)));
            let text = without_pointer_asides(text);
            let mut sent = Sent::new(text, p.kind);
            // (So does a paragraph's first that a command completes, "Run
            // it once by hand:": a tutorial runs what it just named.)
            let after_text = i > 0 || (k > 0 && ends_on_command(&p.text, &p.code));
            if after_text && sent.leans.is_none() && super::leaning::pronoun_object(&sent.a) {
                sent.leans = Some(1);
                sent.imperative = false;
            }
            if cited && cited_statement(&sent) {
                sent.quoted = false;
            }
            sent.quoted |= quoted_through;
            sent.piece = k;
            sent.stressed = p
                .stressed
                .iter()
                .filter_map(|b| sent.text.find(b.as_str()).map(|at| (at, at + b.len())))
                .collect();
            sent.command = ends_on_command(&sent.text, &p.code);
            // ("…the following command: ufw reset.": what it pointed at is
            // in it now.)
            sent.pointer &= !sent.command;
            out.push(sent);
        }
    }
    out
}

/// "Ans.: Because it is much slower.", "A: Yes, always.": a Q&A's label
/// for the answer is no part of it.
fn without_answer_label(s: &str) -> &str {
    ["Ans.: ", "Ans: ", "Answer: ", "A: "]
        .iter()
        .find_map(|label| s.strip_prefix(label))
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(s)
}

/// A sentence too long for a card's back loses its asides in brackets of
/// four words or more ("Enter the command (in the examples below we name
/// it "orders"), then…"): they qualify the point, and the point is what a
/// card needs. Short ones ("(CDN)", "(see below)") stay.
fn without_asides(text: String) -> String {
    if text.chars().count() <= ASIDE_CHARS {
        return text;
    }
    let out = without_asides_where(&text, |inner| {
        !inner.contains('(') && word_count(inner) >= 4
    });
    // Whatever is left must still be a sentence of substance.
    if word_count(&out) < UNMARKED_WORDS {
        return text;
    }
    out
}

/// "…by the command: ufw enable.", "Run cargo build.": the text ends on
/// program text that completes what comes before it (see
/// [`code_completes`]).
fn ends_on_command(text: &str, code: &[String]) -> bool {
    let text = text.trim_end_matches('.');
    code.iter().any(|c| {
        !output_table(c)
            && text
                .strip_suffix(c.as_str())
                .is_some_and(|before| code_completes(before.trim_end()))
    })
}

/// "NAME HOSTS ADDRESS PORTS AGE; kuard * 80…": what a command printed, a
/// table under column names in capitals, is no command to run.
fn output_table(code: &str) -> bool {
    let caps = |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    code.split_whitespace().take_while(caps).count() >= 2
}

/// Does the writer mark the sentence as their point: "it is (really)
/// important to…", "the key to…" (lexicon role `emphasis`)?
fn emphatic(lower: &[&str]) -> bool {
    LEXICON
        .find(lower, Role::Emphasis)
        .iter()
        .any(|&(start, end)| {
            if end - start > 1 {
                return true;
            }
            let judged = matches!(lower.get(end), Some(&("to" | "that")));
            let dummy = lower[..start]
                .windows(2)
                .rev()
                .take(4)
                .any(|w| w[0] == "it" && matches!(w[1], "is" | "'s" | "was" | "will"));
            judged && dummy
        })
}

/// "Note that reviewers may refuse it." → "Reviewers may refuse it.": a
/// frame asking the reader to mind a statement is no part of it.
fn unframed(s: &str) -> String {
    LEXICON
        .frame_opening(s)
        .map(|end| &s[end..])
        .filter(|rest| rest.split_whitespace().count() >= 4)
        .map_or_else(|| s.to_string(), capitalise)
}

#[cfg(test)]
#[path = "sentence_tests.rs"]
mod tests;
