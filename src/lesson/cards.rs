//! Making cards from a read lesson (see docs/lessons.md).
//!
//! Per section: a *point* card (a question made from the heading by its
//! grammar, answered by the section's point in at most two sentences) and
//! clozes (a sentence with the noun phrase that carries its idea hidden), about
//! one card for every two sentences of substance. For the lesson: an
//! *overview* card listing two to eight sections (or their groups).
//!
//! Every choice is a fixed rule over the text and its word classes (no
//! randomness, no hash-map order), so the same lesson always gives
//! byte-identical decks; every card records why it was made ([`Explained`]).

use std::collections::{BTreeMap, BTreeSet};

use super::language::{
    Analysis, LEXICON, MAX_TAGGED_WORDS, Pos, Role, analyse, norm, verb_reading,
};
use super::read::{Lesson, PieceKind, Section};
use super::text::{Casing, capitalise, ends_sentence, sentences, squash, stem, word_count};
use crate::deck::{CardEntry, DeckFile};
use crate::domain::slug;

/// Longest id fragment taken from a title or heading.
const SLUG_CHARS: usize = 40;
/// Aim for a point card's back, in characters.
const BACK_CHARS: usize = 250;
/// Longest sentence a cloze is made from, in characters.
const CLOZE_CHARS: usize = 250;
/// Most cards for one section.
const MAX_SECTION_CARDS: usize = 5;
/// The overview lists this many items at most.
const OVERVIEW_MAX: usize = 8;

/// A card and the reasons it was made, for `lesson --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub id: String,
    pub sources: Vec<String>,
    pub why: String,
}

/// What the generator found in one section, for `lesson --json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionReport {
    pub heading: Option<String>,
    pub context: Option<String>,
    pub line: usize,
    pub sentences: usize,
    pub cards: usize,
}

pub struct Made {
    pub deck: DeckFile,
    pub sections: Vec<SectionReport>,
    pub explained: Vec<Explained>,
}

/// One sentence of a section, with what card making needs to know.
struct Sent {
    text: String,
    a: Analysis,
    quoted: bool,
    /// A list item without a verb ("Least loaded"): a fragment.
    fragment: bool,
    /// Ends with a colon: it introduces what follows.
    lead_in: bool,
    /// Opens with a word that leans on the sentence before ("This", "Instead").
    leans: Option<usize>,
    reason: bool,
    imperative: bool,
}

impl Sent {
    fn new(text: String, kind: PieceKind) -> Sent {
        let a = analyse(&text);
        let lower: Vec<&str> = a.content().map(|w| w.norm.as_str()).collect();
        let leans = LEXICON.leaning_opener(&lower);
        // A reason word, or ", so" joining a consequence.
        let reason = !LEXICON.find(&lower, Role::Reason).is_empty()
            || a.words
                .windows(2)
                .any(|p| p[0].norm == "," && p[1].norm == "so");
        // A demonstrative standing for something said before ("one of these").
        let leans = leans.or_else(|| {
            a.words.iter().enumerate().take(12).position(|(k, w)| {
                matches!(w.norm.as_str(), "these" | "those" | "this")
                    && (w.pos == Pos::Pron
                        || !a.words.get(k + 1).is_some_and(|n| {
                            n.pos.is_nominal() || matches!(n.pos, Pos::Adj | Pos::Num)
                        }))
            })
        });
        let first_verb = a.content().find(|w| !matches!(w.pos, Pos::Adv));
        let imperative =
            first_verb.is_some_and(|w| w.pos == Pos::Verb && is_base(&w.norm)) && leans.is_none();
        let has_verb = a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
        Sent {
            lead_in: text.ends_with(':'),
            // A list item without a verb, or any text without a final
            // mark (a caption, a label): not a statement to learn.
            fragment: (kind == PieceKind::Item && !has_verb)
                || (!ends_sentence(&text) && !text.ends_with(':')),
            // Quoted text, or a sentence carrying a quoted script of five
            // words or more: what someone said, not the point.
            quoted: kind == PieceKind::Quote || quotes_a_script(&text),
            leans,
            reason,
            imperative,
            a,
            text,
        }
    }

    fn words(&self) -> usize {
        word_count(&self.text)
    }

    /// Worth a card: a whole statement, not a quote, list fragment or question.
    fn substantive(&self) -> bool {
        !self.quoted
            && !self.fragment
            && !self.lead_in
            && !self.text.ends_with('?')
            && self.words() >= 5
            && !self.a.untagged
    }

    fn stems(&self) -> BTreeSet<String> {
        content_stems(&self.a, &self.text)
    }
}

/// Stems of the content words (nouns, verbs, adjectives, adverbs, numbers).
fn content_stems(a: &Analysis, _text: &str) -> BTreeSet<String> {
    a.content()
        .filter(|w| !w.pos.is_function() && w.norm.chars().count() > 2)
        .map(|w| stem(&w.norm))
        .collect()
}

/// Is the word one of the heading's, or of its family ("collector" and
/// "collection", "cache" and "caching": a shared start of five letters)?
fn in_heading(heading: &BTreeSet<String>, stem: &str) -> bool {
    let prefix = |w: &str| w.chars().take(5).collect::<String>();
    heading.contains(stem)
        || heading.iter().any(|h| {
            h.split(['/', '-']).any(|part| {
                part == stem
                    || (part.chars().count() >= 5
                        && stem.chars().count() >= 5
                        && prefix(part) == prefix(stem))
            })
        })
}

/// Does the sentence carry a quotation of five words or more?
fn quotes_a_script(s: &str) -> bool {
    let mut inside: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, inside) {
            ('\u{201c}', _) | ('"', None) => inside = Some(i + c.len_utf8()),
            ('\u{201d}' | '"', Some(start)) => {
                if word_count(&s[start..i]) >= 5 {
                    return true;
                }
                inside = None;
            }
            _ => {}
        }
    }
    // An opening quote never closed in this sentence.
    inside.is_some_and(|start| word_count(&s[start..]) >= 5)
}

/// Ends like a plural noun or a third-person verb ("servers", "works").
fn looks_plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss")
}

/// A verb in its base form, by shape: imperatives are base forms.
fn is_base(w: &str) -> bool {
    !(w.ends_with("ing") || w.ends_with("ed") || looks_plural(w))
}

/// The question a heading asks, from its grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ask {
    /// Already a question.
    Question,
    /// "How to X": how should you X?
    HowTo,
    /// An imperative ("Send a note").
    Do,
    /// "Don't X" / "Never X" (possibly ", Y").
    DoNot,
    Always,
    /// A statement ("Silence works").
    Statement,
    /// A gerund ("Handling an offer").
    Gerund,
    /// A label continuing a list's lead-in ("Reviewed more quickly").
    Predicate,
    /// A noun phrase ("Garbage collection").
    Noun,
    /// A comparison ("Threads vs processes").
    Versus,
}

pub fn make_deck(lesson: &Lesson) -> Made {
    let mut all_text: Vec<String> = lesson
        .intro
        .iter()
        .flat_map(|p| sentences(&p.text))
        .collect();
    for s in &lesson.sections {
        all_text.extend(s.body.iter().flat_map(|p| sentences(&p.text)));
    }
    let casing = Casing::learn(&all_text);
    let apostrophe = if all_text
        .iter()
        .map(|t| t.matches('\u{2019}').count())
        .sum::<usize>()
        > all_text
            .iter()
            .map(|t| t.matches('\'').count())
            .sum::<usize>()
    {
        '\u{2019}'
    } else {
        '\''
    };

    let mut sents: Vec<Vec<Sent>> = lesson.sections.iter().map(section_sentences).collect();
    // A paragraph without a heading that opens with a short piece of advice
    // ("Date every page.") is headed by it.
    let openers: Vec<Option<String>> = lesson
        .sections
        .iter()
        .zip(&mut sents)
        .map(|(section, ss)| {
            let opens = section.heading.is_none()
                && ss.len() >= 2
                && ss[0].imperative
                && ss[0].words() <= 12
                && !ss[0].text.ends_with('?');
            opens.then(|| {
                let first = ss.remove(0);
                first.text.trim_end_matches(['.', '!']).to_string()
            })
        })
        .collect();
    let weights = Weights::learn(&sents);
    let title = lesson.title.clone();
    let lesson_slug = slug(&title, SLUG_CHARS);
    let mut cards = Vec::new();
    let mut explained = Vec::new();
    let mut reports = Vec::new();
    let mut fronts = BTreeSet::new();
    let mut section_slugs = BTreeSet::new();
    let mut listed: Vec<(Option<String>, String)> = Vec::new();
    let mut hidden_taken = BTreeSet::new();

    for ((section, ss), opener) in lesson.sections.iter().zip(&sents).zip(openers) {
        let substantive: Vec<usize> = (0..ss.len()).filter(|&i| ss[i].substantive()).collect();
        let (heading, made_up) = match (&section.heading, opener) {
            (Some(h), _) => (h.clone(), false),
            (None, Some(o)) => (o, false),
            (None, None) => (made_up_heading(ss, &weights), true),
        };
        let shown = if made_up {
            capitalise(&heading)
        } else {
            casing.sentence_case(&heading)
        };
        let mut report = SectionReport {
            heading: section.heading.clone(),
            context: section.context.clone(),
            line: section.line,
            sentences: substantive.len(),
            cards: 0,
        };
        if substantive.is_empty() {
            reports.push(report);
            continue;
        }
        listed.push((section.context.clone(), shown.clone()));
        let mut section_slug = slug(&heading, SLUG_CHARS);
        let mut n = 2;
        while !section_slugs.insert(section_slug.clone()) {
            section_slug = format!("{}-{n}", slug(&heading, SLUG_CHARS));
            n += 1;
        }
        let base = format!("{lesson_slug}/{section_slug}");
        let inline = if made_up {
            heading.clone()
        } else {
            casing.inline_words(&heading).join(" ")
        };
        let heading_a = analyse(&inline);
        let heading_stems = content_stems(&heading_a, &inline);
        let gives_reason = substantive.iter().any(|&i| ss[i].reason);
        let method = substantive
            .iter()
            .any(|&i| ss[i].imperative || ss[i].text.contains(" by "));
        let ask = if made_up {
            Ask::Noun
        } else {
            classify(&heading_a, section)
        };
        let why = gives_reason
            && matches!(
                ask,
                Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Predicate
            );
        let scores: Vec<f64> = ss
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut score = sentence_score(i, s, &heading_stems, why);
                // A sentence that only repeats the heading answers nothing.
                if norm(&s.text).starts_with(&norm(&inline)) {
                    score -= 1.2;
                }
                score
            })
            .collect();
        let (mut chosen, back_why) = choose_back(ss, &substantive, &scores, why);
        let mut back = compose_back(ss, &chosen);
        let mut back_why = back_why;
        // "Don't X, Y": the heading's Y is what to do; the best sentence says
        // why or how.
        if ask == Ask::DoNot
            && let Some((_, y)) = inline.split_once(", ")
            && word_count(y) >= 2
        {
            let y = y.trim_end_matches(['.', '!']);
            let lead = format!("{}.", capitalise(y));
            let first = compose_back(ss, &chosen[..1]);
            back = if lead.chars().count() + first.chars().count() < BACK_CHARS + 50 {
                format!("{lead} {first}")
            } else {
                lead
            };
            chosen.truncate(1);
            back_why = format!("what the heading says to do instead, then {back_why}");
        }
        let definition = substantive.iter().any(|&i| defines(&ss[i], &heading_stems));
        let mut front = if made_up {
            format!("What should you know about {heading}?")
        } else {
            question(
                &ask, &heading_a, &inline, section, why, method, definition, apostrophe,
            )
        };
        let mut k = 2;
        let bare = front.trim_end_matches('?').trim_end().to_string();
        while fronts.contains(&front) {
            front = format!("{bare} (part {k})?");
            k += 1;
        }
        fronts.insert(front.clone());
        let id = format!("{base}/point");
        explained.push(Explained {
            id: id.clone(),
            sources: chosen.iter().map(|&i| ss[i].text.clone()).collect(),
            why: format!(
                "question: {} heading{}; back: {back_why}",
                ask_name(&ask, made_up),
                if why {
                    " and the section gives a reason"
                } else {
                    ""
                }
            ),
        });
        cards.push(CardEntry {
            id: Some(id),
            front: Some(front),
            back: Some(back),
            tags: vec![lesson_slug.clone(), "point".into()],
            ..CardEntry::default()
        });
        report.cards += 1;

        // About one card for every two sentences of substance.
        let budget = (1 + substantive.len() / 2).min(MAX_SECTION_CARDS) - 1;
        let extra = match &section.context {
            Some(c) if !made_up => format!("{} \u{2014} {shown}", casing.sentence_case(c)),
            _ if made_up => title.clone(),
            _ => shown.clone(),
        };
        for (n, cloze) in clozes(
            ss,
            &substantive,
            &scores,
            &chosen,
            &heading_stems,
            &weights,
            &mut hidden_taken,
            budget,
        )
        .into_iter()
        .enumerate()
        {
            if !fronts.insert(cloze.text.clone()) {
                continue;
            }
            let kind = if n == 0 {
                "cloze".to_string()
            } else {
                format!("cloze{}", n + 1)
            };
            let id = format!("{base}/{kind}");
            explained.push(Explained {
                id: id.clone(),
                sources: vec![ss[cloze.sentence].text.clone()],
                why: cloze.why,
            });
            cards.push(CardEntry {
                id: Some(id),
                cloze: Some(cloze.text),
                extra: Some(extra.clone()),
                tags: vec![lesson_slug.clone(), "cloze".into()],
                ..CardEntry::default()
            });
            report.cards += 1;
        }
        reports.push(report);
    }

    if let Some((question, back, why)) = overview(&title, &listed, &casing) {
        let id = format!("{lesson_slug}/overview");
        explained.push(Explained {
            id: id.clone(),
            sources: Vec::new(),
            why,
        });
        cards.push(CardEntry {
            id: Some(id),
            front: Some(question),
            back: Some(back),
            tags: vec![lesson_slug.clone(), "overview".into()],
            ..CardEntry::default()
        });
    }

    let intro: Vec<String> = lesson
        .intro
        .iter()
        .filter(|p| p.kind == PieceKind::Para)
        .flat_map(|p| sentences(&p.text))
        .collect();
    Made {
        deck: DeckFile {
            name: title,
            description: intro
                .first()
                .filter(|s| s.chars().count() <= 200 && !s.ends_with(':'))
                .cloned()
                .unwrap_or_default(),
            cards,
        },
        sections: reports,
        explained,
    }
}

fn ask_name(ask: &Ask, made_up: bool) -> &'static str {
    if made_up {
        return "no heading: named by its salient phrase,";
    }
    match ask {
        Ask::Question => "a question",
        Ask::HowTo => "a how-to",
        Ask::Do => "an imperative",
        Ask::DoNot => "a negative imperative",
        Ask::Always => "an always/never",
        Ask::Statement => "a statement",
        Ask::Gerund => "a gerund",
        Ask::Predicate => "a list label continuing its lead-in",
        Ask::Noun => "a noun-phrase",
        Ask::Versus => "a comparison",
    }
}

fn section_sentences(section: &Section) -> Vec<Sent> {
    section
        .body
        .iter()
        .flat_map(|p| {
            sentences(&p.text).into_iter().map(move |s| {
                let s = squash(&s);
                let s = s.trim_start_matches(['-', '\u{2013}', '\u{2014}', '*', ' ']);
                Sent::new(s.to_string(), p.kind)
            })
        })
        .collect()
}

/// How the words spread over the lesson: a word frequent in one section and
/// rare in the others is salient there.
struct Weights {
    sections_with: BTreeMap<String, usize>,
    sections: usize,
}

impl Weights {
    fn learn(all: &[Vec<Sent>]) -> Weights {
        let mut sections_with: BTreeMap<String, usize> = BTreeMap::new();
        for ss in all {
            let stems: BTreeSet<String> = ss.iter().flat_map(Sent::stems).collect();
            for s in stems {
                *sections_with.entry(s).or_default() += 1;
            }
        }
        Weights {
            sections_with,
            sections: all.len().max(1),
        }
    }

    /// 1 for a word in every section, more for rarer ones.
    fn weight(&self, stem: &str) -> f64 {
        let n = self.sections_with.get(stem).copied().unwrap_or(1).max(1) as f64;
        1.0 + (self.sections as f64 / n).ln()
    }
}

/// A name for a section without a heading: its best noun phrase.
fn made_up_heading(ss: &[Sent], weights: &Weights) -> String {
    let mut best: Option<(f64, String)> = None;
    for s in ss.iter().filter(|s| s.substantive()).take(3) {
        for p in noun_phrases(s, &BTreeSet::new()) {
            let score = p.score(weights) + if p.stems.len() >= 2 { 1.0 } else { 0.0 };
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, s.text[p.start..p.end].to_string()));
            }
        }
    }
    let label = best.map_or_else(|| "this point".to_string(), |(_, l)| l);
    if label.chars().skip(1).any(char::is_uppercase) {
        label
    } else {
        label.to_lowercase()
    }
}

/// How the heading reads, from its first words' classes.
fn classify(h: &Analysis, section: &Section) -> Ask {
    let words: Vec<&super::language::Word> = h.content().collect();
    let Some(first) = words.first() else {
        return Ask::Noun;
    };
    let w0 = first.norm.as_str();
    let w1 = words.get(1).map_or("", |w| w.norm.as_str());
    if h.words.last().is_some_and(|w| w.norm == "?") {
        return Ask::Question;
    }
    if matches!(w0, "how" | "when" | "what" | "where" | "which" | "who") && w1 == "to" {
        return Ask::HowTo;
    }
    if words
        .iter()
        .any(|w| matches!(w.norm.as_str(), "vs" | "versus"))
    {
        return Ask::Versus;
    }
    // "Disadvantages: failover": a label, not a sentence.
    if h.words.iter().any(|w| w.norm == ":") {
        return Ask::Noun;
    }
    if matches!(w0, "why" | "how" | "when" | "where" | "what") && finite_verb(h, true).is_some() {
        return Ask::Statement;
    }
    if (w0 == "do" && matches!(w1, "n't" | "not")) || w0 == "never" || w0 == "avoid" {
        return Ask::DoNot;
    }
    if w0 == "always" && words.len() > 1 {
        return Ask::Always;
    }
    // "Handling a lowball offer": a gerund with its object; "Caching and
    // expiry" is a noun phrase.
    if first.pos == Pos::Verb
        && w0.ends_with("ing")
        && words.get(1).is_some_and(|w| {
            matches!(w.pos, Pos::Det | Pos::Pron | Pos::Adj | Pos::Num)
                // "Hashing functions" names a thing; "Storing keys with
                // values" does something.
                || (matches!(w.pos, Pos::Noun | Pos::Propn) && words.len() > 2)
        })
    {
        return Ask::Gerund;
    }
    // A label continuing a lead-in with a copula ("Small changes are:").
    if section
        .lead_in
        .as_deref()
        .is_some_and(|l| lead_in_subject(l).is_some())
        && finite_verb(h, false).is_none()
    {
        return Ask::Predicate;
    }
    // A tip's lead sentence that can open with a verb does.
    if section.sentence_heading && is_base(w0) && verb_reading(w0) {
        return Ask::Do;
    }
    // An imperative: a base verb first, not followed by another verb form
    // that would make the first a noun ("Use cases are…").
    let verb_first =
        (first.pos == Pos::Verb || matches!(w0, "be" | "have" | "keep" | "make")) && is_base(w0);
    // "Reverse proxy": a verb reading before a bare singular noun is a
    // noun phrase; "Use flashcards", "Send a note" are imperatives.
    let bare_singular = words
        .get(1)
        .is_some_and(|w| w.pos.is_nominal() && !looks_plural(&w.norm))
        && words.len() <= 3;
    if verb_first && words.len() > 1 && !matches!(words[1].pos, Pos::Aux) && !bare_singular {
        return Ask::Do;
    }
    if words.len() == 1 && first.pos == Pos::Verb && is_base(w0) {
        return Ask::Do;
    }
    // "Separate blocking comments from suggestions": a verb reading first,
    // a noun phrase and a preposition after it, no other verb.
    let later_adp = words
        .iter()
        .skip(2)
        .any(|w| w.pos == Pos::Adp && w.norm != "of");
    if is_base(w0)
        && words.len() >= 3
        && matches!(words[1].pos, Pos::Noun | Pos::Adj | Pos::Verb)
        && later_adp
        && !words[1..].iter().any(|w| {
            matches!(w.pos, Pos::Aux)
                || (w.pos == Pos::Verb && !w.norm.ends_with("ing") && !w.norm.ends_with("ed"))
        })
        && verb_reading(w0)
    {
        return Ask::Do;
    }
    // A finite verb after a subject: a statement.
    if finite_verb(h, false).is_some() {
        return Ask::Statement;
    }
    if section
        .lead_in
        .as_deref()
        .is_some_and(|l| lead_in_subject(l).is_some())
        && matches!(first.pos, Pos::Adj | Pos::Adv | Pos::Verb)
    {
        return Ask::Predicate;
    }
    Ask::Noun
}

/// The first finite verb or auxiliary after a subject, as a word index into
/// the content words.
fn finite_verb(h: &Analysis, loose: bool) -> Option<usize> {
    let words: Vec<&super::language::Word> = h.content().collect();
    for (i, w) in words.iter().enumerate().skip(1).take(6) {
        let before = &words[..i];
        let subject = before
            .iter()
            .any(|b| b.pos.is_nominal() || b.pos == Pos::Pron || b.pos == Pos::Num);
        if !subject
            || before
                .iter()
                .any(|b| matches!(b.pos, Pos::Verb | Pos::Aux | Pos::Adp))
        {
            if before.iter().any(|b| matches!(b.pos, Pos::Verb | Pos::Aux)) {
                return None;
            }
            continue;
        }
        // "to say" is an infinitive, not a finite verb.
        let infinitive = before[i - 1].norm == "to";
        if !infinitive && (w.pos == Pos::Aux || (w.pos == Pos::Verb && !w.norm.ends_with("ing"))) {
            return Some(i);
        }
        // "How an index works": a last word in -s after a singular noun.
        let prev = before[i - 1];
        if loose
            && i + 1 == words.len()
            && w.pos == Pos::Noun
            && w.norm.ends_with('s')
            && !w.norm.ends_with("ss")
            && prev.pos.is_nominal()
            && !prev.norm.ends_with('s')
        {
            return Some(i);
        }
    }
    None
}

/// "Small, simple changes are:" → ("small, simple changes", "are").
fn lead_in_subject(lead_in: &str) -> Option<(String, String)> {
    let last = sentences(lead_in).pop()?;
    let t = last.trim_end_matches(':').trim();
    let (subject, verb) = t.rsplit_once(' ')?;
    let v = norm(verb);
    matches!(v.as_str(), "are" | "is" | "were" | "was")
        .then(|| (lower_first(subject), verb.to_string()))
        .filter(|(s, _)| word_count(s) <= 8)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) || s.len() == 1 => {
            c.to_lowercase().chain(chars).collect()
        }
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// Does the sentence define the heading ("A load balancer is…")?
fn defines(s: &Sent, heading: &BTreeSet<String>) -> bool {
    let words: Vec<&super::language::Word> = s.a.content().collect();
    let Some(v) = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb))
    else {
        return false;
    };
    let verb = words[v].norm.as_str();
    let subject: BTreeSet<String> = words[..v].iter().map(|w| stem(&w.norm)).collect();
    matches!(verb, "is" | "are" | "means" | "refers" | "describes")
        && !heading.is_empty()
        && heading.iter().all(|h| subject.contains(h))
}

fn is_plural(h: &Analysis) -> bool {
    // The head noun: the last noun before a preposition.
    let mut head = None;
    for w in h.content() {
        if w.pos == Pos::Adp {
            break;
        }
        if w.pos.is_nominal() {
            head = Some(w.norm.clone());
        }
    }
    head.is_some_and(|n| {
        n.ends_with('s') && !n.ends_with("ss") && !n.ends_with("us") && !n.ends_with("is")
    })
}

/// The base form of a gerund ("creating" → "create", "stopping" → "stop"),
/// if the tagger reads it as a verb.
fn gerund_base(g: &str) -> Option<String> {
    let stem = g.strip_suffix("ing")?;
    let mut options = vec![stem.to_string(), format!("{stem}e")];
    let bytes = stem.as_bytes();
    if bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
        options.insert(0, stem[..stem.len() - 1].to_string());
    }
    // "storing": "stor" is no verb, "store" is.
    options
        .into_iter()
        .find(|b| b.len() >= 3 && verb_reading(b))
}

/// The base form of a third-person verb ("works" → "work").
fn verb_base(v: &str) -> String {
    match v {
        "has" => "have".into(),
        "does" => "do".into(),
        "goes" => "go".into(),
        _ if v.ends_with("ies") && v.len() > 4 => format!("{}y", &v[..v.len() - 3]),
        _ if ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|e| v.ends_with(e)) =>
        {
            v[..v.len() - 2].to_string()
        }
        _ if v.ends_with('s') && !v.ends_with("ss") => v[..v.len() - 1].to_string(),
        _ => v.to_string(),
    }
}

/// Text of the heading from content word `from` on, as written.
fn rest_from(h: &Analysis, text: &str, from: usize) -> String {
    let words: Vec<&super::language::Word> = h.content().collect();
    match words.get(from) {
        Some(w) => text[w.start..]
            .trim()
            .trim_end_matches(['.', '!'])
            .to_string(),
        None => String::new(),
    }
}

/// Turns a heading into a question by its grammar (see [`Ask`]).
#[allow(clippy::too_many_arguments)]
fn question(
    ask: &Ask,
    h: &Analysis,
    text: &str,
    section: &Section,
    why: bool,
    method: bool,
    definition: bool,
    apostrophe: char,
) -> String {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let words: Vec<&super::language::Word> = h.content().collect();
    let w = |i: usize| words.get(i).map_or("", |w| w.norm.as_str());
    match ask {
        Ask::Question => capitalise(text),
        Ask::HowTo => format!("{} should you {}?", capitalise(w(0)), rest_from(h, text, 2)),
        Ask::DoNot => {
            let skip = if w(0) == "do" { 2 } else { 1 };
            let rest = rest_from(h, text, skip);
            let (x, _y) = match rest.split_once(", ") {
                Some((x, y)) => (x.to_string(), Some(y)),
                None => (rest.clone(), None),
            };
            let x = x.trim_end_matches([',', ';']).to_string();
            if w(0) == "avoid" {
                return if why {
                    format!("Why should you avoid {x}?")
                } else {
                    format!("How can you avoid {x}?")
                };
            }
            if why && !rest.contains(", ") {
                if w(0) == "never" {
                    format!("Why should you never {x}?")
                } else {
                    format!("Why shouldn{apostrophe}t you {x}?")
                }
            } else {
                format!("What should you do rather than {x}?")
            }
        }
        Ask::Always => {
            let rest = rest_from(h, text, 1);
            if why {
                format!("Why should you always {rest}?")
            } else {
                format!("How can you make sure to always {rest}?")
            }
        }
        Ask::Do => {
            let rest = rest_from(h, text, 1);
            match w(0) {
                "be" if why => format!("Why should you {text}?"),
                "be" => format!("What does it mean to {text}?"),
                "have" if why => format!("Why should you {text}?"),
                "have" => format!("What should you know about having {rest}?"),
                _ if why => format!("Why should you {text}?"),
                _ if method => format!("How should you {text}?"),
                _ => format!("What should you do to {text}?"),
            }
        }
        Ask::Statement => statement_question(h, text, why, apostrophe),
        Ask::Gerund => {
            // "Creating a map" → "How do you create a map?", when the
            // gerund's base form is a verb the tagger knows.
            let rest = rest_from(h, text, 1);
            match gerund_base(w(0)) {
                Some(base) => format!("How do you {base} {rest}?"),
                None => format!("What is the key to {text}?"),
            }
        }
        Ask::Versus => {
            let lower = text.replace(" vs. ", " vs ").replace(" versus ", " vs ");
            match lower.split_once(" vs ") {
                Some((a, b)) => {
                    let plural = is_plural(&analyse(a));
                    let verb = if plural { "do" } else { "does" };
                    format!("How {verb} {a} differ from {b}?")
                }
                None => format!("What matters about {text}?"),
            }
        }
        Ask::Predicate => {
            let (subject, verb) = section
                .lead_in
                .as_deref()
                .and_then(lead_in_subject)
                .expect("classified as a predicate");
            if why {
                format!("Why {verb} {subject} {text}?")
            } else {
                format!("In what way {verb} {subject} {text}?")
            }
        }
        Ask::Noun => {
            if definition {
                let verb = if is_plural(h) { "are" } else { "is" };
                format!("What {verb} {text}?")
            } else {
                format!("What matters about {text}?")
            }
        }
    }
}

/// "Every job isn't the right fit" → "Why isn't every job the right fit?";
/// "Silence works" → "Why does silence work?"; without a reason in the
/// section, "What does it mean that silence works?".
fn statement_question(h: &Analysis, text: &str, why: bool, apostrophe: char) -> String {
    let words: Vec<&super::language::Word> = h.content().collect();
    if let Some(wh) = words
        .first()
        .filter(|w| matches!(w.norm.as_str(), "why" | "how" | "when" | "where" | "what"))
    {
        let rest = rest_from(h, text, 1);
        let inner = analyse(&rest);
        return match invert(&inner, &rest, apostrophe, true) {
            Some(q) => format!("{} {q}?", capitalise(&wh.norm)),
            None => format!("What explains {} {rest}?", wh.norm),
        };
    }
    if why && let Some(q) = invert(h, text, apostrophe, false) {
        return format!("Why {q}?");
    }
    format!("What does it mean that {text}?")
}

/// A statement turned into question order, without the question word:
/// "silence works" → "does silence work".
fn invert(h: &Analysis, text: &str, apostrophe: char, loose: bool) -> Option<String> {
    let words: Vec<&super::language::Word> = h.content().collect();
    let v = finite_verb(h, loose)?;
    let verb = words[v];
    let subject = text[words[0].start..verb.start].trim();
    let mut after = text[verb.end..].trim().to_string();
    let vtext = &text[verb.start..verb.end];
    if verb.pos == Pos::Aux {
        // "isn't": the clitic follows the auxiliary.
        let mut aux = vtext.to_string();
        if let Some(next) = words.get(v + 1)
            && next.norm == "n't"
        {
            aux.push_str(&text[next.start..next.end].replace('\'', &apostrophe.to_string()));
            after = text[next.end..].trim().to_string();
        }
        let tail = if after.is_empty() {
            String::new()
        } else {
            format!(" {after}")
        };
        return Some(format!("{aux} {subject}{tail}"));
    }
    if vtext.ends_with("ed") {
        return None;
    }
    let third = vtext.ends_with('s') && !vtext.ends_with("ss");
    let base = if third {
        verb_base(&verb.norm)
    } else {
        verb.norm.clone()
    };
    let aux = if third { "does" } else { "do" };
    let tail = if after.is_empty() {
        String::new()
    } else {
        format!(" {after}")
    };
    Some(format!("{aux} {subject} {base}{tail}"))
}

/// How likely sentence `i` is to carry the section's point.
///
/// + up to 1.2 for sharing the heading's words, 0.4 / 0.2 for being first /
///   second, 0.5 for advice in the imperative, 0.4 for a reason (0.8 when the
///   question asks why);
/// - for being very short or long, leaning on the sentence before, or not
///   being a statement of substance.
fn sentence_score(i: usize, s: &Sent, heading: &BTreeSet<String>, why: bool) -> f64 {
    if !s.substantive() {
        return -5.0;
    }
    let stems = s.stems();
    let overlap = if heading.is_empty() {
        0.0
    } else {
        heading.intersection(&stems).count() as f64 / heading.len() as f64
    };
    let mut score = 1.2 * overlap;
    score += match i {
        0 => 0.4,
        1 => 0.2,
        _ => 0.0,
    };
    if s.imperative {
        score += 0.5;
    }
    if s.reason {
        score += if why { 0.8 } else { 0.4 };
    }
    let words = s.words();
    if words < 7 {
        score -= 0.6;
    } else if words > 35 {
        score -= 0.8;
    }
    if s.text.chars().count() > BACK_CHARS {
        score -= 1.5;
    }
    if s.leans.is_some() {
        score -= 0.4;
    }
    let new_words = stems.difference(heading).count();
    if new_words < 3 {
        score -= 0.8;
    }
    score
}

/// The sentences that answer the point card (in document order), and why.
fn choose_back(
    ss: &[Sent],
    substantive: &[usize],
    scores: &[f64],
    why: bool,
) -> (Vec<usize>, String) {
    let mut order: Vec<usize> = substantive.to_vec();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let len = |i: usize| ss[i].text.chars().count();
    // The best sentence that can stand alone, or that comes with the one it
    // leans on.
    let mut chosen = Vec::new();
    let mut notes = Vec::new();
    for &i in &order {
        if ss[i].leans.is_none() {
            chosen.push(i);
            notes.push("the best-scoring sentence (heading words, position, advice, reason)");
            break;
        }
        if i > 0 && ss[i - 1].substantive() && len(i) + len(i - 1) <= BACK_CHARS + 50 {
            chosen.extend([i - 1, i]);
            notes.push("the best-scoring sentence, with the one before that it leans on");
            break;
        }
    }
    if chosen.is_empty() {
        chosen.push(order[0]);
        notes.push("the only sentence of substance");
    }
    let total = |c: &[usize]| c.iter().map(|&i| len(i)).sum::<usize>();
    if chosen.len() == 1 {
        let best = chosen[0];
        let fits = |i: usize| total(&chosen) + len(i) <= BACK_CHARS;
        let stands = |i: usize| ss[i].leans.is_none() || i == best + 1;
        if why && !ss[best].reason {
            if let Some(&r) = order
                .iter()
                .find(|&&i| i != best && ss[i].reason && stands(i) && fits(i))
            {
                chosen.push(r);
                notes.push("and the section's reason, as the question asks why");
            }
        } else if let Some(&second) = order.get(1).filter(|&&i| {
            i != best && scores[i] > 0.3 && scores[i] >= 0.7 * scores[best] && stands(i) && fits(i)
        }) {
            chosen.push(second);
            notes.push("and the runner-up, nearly as good");
        }
    }
    chosen.sort_unstable();
    chosen.dedup();
    (chosen, notes.join(", "))
}

fn compose_back(ss: &[Sent], chosen: &[usize]) -> String {
    let parts: Vec<String> = chosen
        .iter()
        .map(|&i| {
            let s = capitalise(&ss[i].text);
            if ends_sentence(&s) {
                s
            } else {
                format!("{s}.")
            }
        })
        .collect();
    shorten(&parts.join(" "), BACK_CHARS + 50)
}

/// Cuts text longer than `max` characters at its last clause boundary.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let at = [". ", "; ", " \u{2014} ", ", "]
        .iter()
        .filter_map(|sep| cut.rfind(sep).map(|i| (i, sep)))
        .find(|(i, _)| *i > max / 3)
        .map(|(i, sep)| if *sep == ". " { i + 1 } else { i });
    match at {
        Some(i) if cut[..i].ends_with('.') => cut[..i].to_string(),
        Some(i) => format!("{}\u{2026}", cut[..i].trim_end()),
        None => format!(
            "{}\u{2026}",
            cut[..cut.rfind(' ').unwrap_or(cut.len())].trim_end()
        ),
    }
}

/// A phrase a cloze could hide, by byte span in its sentence.
#[derive(Debug, Clone)]
struct Phrase {
    start: usize,
    end: usize,
    stems: Vec<String>,
    /// Comes after the sentence's first verb (an object, a complement).
    after_verb: bool,
}

impl Phrase {
    fn score(&self, weights: &Weights) -> f64 {
        let salience: f64 = self.stems.iter().map(|s| weights.weight(s)).sum::<f64>();
        let mean = salience / self.stems.len().max(1) as f64;
        mean + 0.25 * (self.stems.len().min(3) as f64 - 1.0)
            + if self.after_verb { 0.3 } else { 0.0 }
    }
}

/// The noun phrases of a sentence that could carry its idea: whole chunks,
/// without a leading article or pronoun, with a noun in them; never a fixed
/// phrase, a general noun, a word of the heading, a word the sentence repeats
/// or one item of a list.
fn noun_phrases(s: &Sent, heading: &BTreeSet<String>) -> Vec<Phrase> {
    let words: Vec<&super::language::Word> = s.a.words.iter().collect();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let fixed = LEXICON.find(&norms, Role::Fixed);
    let first_verb = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        .unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for (mut a, mut b) in s.a.noun_phrases() {
        // "…their order matters.", "muscles repair and…": a last word with
        // a verb reading, in the other number than the noun before it, at the
        // end of the clause, is the verb the tagger missed.
        if b - a >= 2 {
            let last = &words[b - 1];
            let prev = &words[b - 2];
            let closes = words.get(b).is_none_or(|n| {
                matches!(
                    n.pos,
                    Pos::Punct
                        | Pos::Sconj
                        | Pos::Det
                        | Pos::Pron
                        | Pos::Adv
                        | Pos::Adp
                        | Pos::Part
                        | Pos::Cconj
                )
            });
            // An object right after it ("failure test your honesty") makes
            // the last word a verb whatever its number.
            let object_follows = words
                .get(b)
                .is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron));
            let base = if object_follows {
                Some(
                    last.norm
                        .strip_suffix('s')
                        .unwrap_or(&last.norm)
                        .to_string(),
                )
            } else if looks_plural(&last.norm) && !looks_plural(&prev.norm) {
                Some(last.norm[..last.norm.len() - 1].to_string())
            } else if !looks_plural(&last.norm) && looks_plural(&prev.norm) {
                Some(last.norm.clone())
            } else {
                None
            };
            if (prev.pos.is_nominal() || prev.pos == Pos::Num)
                && closes
                && base.is_some_and(|b| verb_reading(&b))
            {
                b -= 1;
            }
        }
        // General adjectives ("good", "other", "previous") add nothing to
        // test: the phrase starts after them.
        while b - a > 1 && LEXICON.is(&words[a].norm, Role::Generic) {
            a += 1;
        }
        if b - a > 5 {
            continue;
        }
        let span = &words[a..b];
        if !span.iter().any(|w| w.pos.is_nominal())
            || span
                .iter()
                .any(|w| w.pos == Pos::Verb && !w.norm.ends_with("ing") && !w.norm.ends_with("ed"))
        {
            continue;
        }
        if span.iter().any(|w| w.pos == Pos::Pron) {
            continue;
        }
        let head = span.last().expect("non-empty");
        // "Listing 8-21", "Chapter 10": a reference to the document, not an idea.
        if head.norm.chars().any(|c| c.is_ascii_digit()) && span.len() >= 2 {
            continue;
        }
        if LEXICON.is(&head.norm, Role::Generic) || head.norm.chars().count() < 3 {
            continue;
        }
        if fixed.iter().any(|&(fa, fb)| fa < b && a < fb) {
            continue;
        }
        let stems: Vec<String> = span.iter().map(|w| stem(&w.norm)).collect();
        if stems.iter().all(|st| in_heading(heading, st)) || in_heading(heading, &stem(&head.norm))
        {
            continue;
        }
        // A word the rest of the sentence repeats gives itself away.
        let elsewhere = words
            .iter()
            .enumerate()
            .filter(|(k, w)| (*k < a || *k >= b) && !w.pos.is_function())
            .any(|(_, w)| stems.contains(&stem(&w.norm)));
        if elsewhere {
            continue;
        }
        // One item of a list: a comma or "and"/"or" joins it to a like phrase.
        let joined = |k: usize| {
            words
                .get(k)
                .is_some_and(|w| matches!(w.norm.as_str(), "," | "and" | "or" | "/"))
        };
        let like = |k: usize| {
            words.get(k).is_some_and(|w| {
                matches!(
                    w.pos,
                    Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Det
                )
            })
        };
        let list_item = (a >= 2 && joined(a - 1) && like(a - 2))
            || (joined(b) && like(b + 1))
            || (joined(b) && words.get(b + 1).is_some_and(|w| w.pos == Pos::Det) && like(b + 2));
        if list_item {
            continue;
        }
        let start = words[a].start;
        let end = words[b - 1].end;
        if s.text[start..end].contains(['(', ')', '"', '\u{201c}', '\u{201d}', '`']) {
            continue;
        }
        // Glued to a mark (".org", "x/y"): part of a larger token.
        let glued_before = s.text[..start].chars().next_back().is_some_and(|c| {
            !c.is_whitespace() && !matches!(c, '(' | '"' | '\u{201c}' | '\u{2014}')
        });
        let glued_after = s.text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '_'));
        if glued_before || glued_after {
            continue;
        }
        out.push(Phrase {
            start,
            end,
            stems,
            after_verb: a > first_verb,
        });
    }
    out
}

struct Cloze {
    text: String,
    sentence: usize,
    why: String,
}

/// Clozes for a section, best first: each sentence at most once, each hidden
/// phrase once in the lesson, none when no phrase is strong enough.
#[allow(clippy::too_many_arguments)]
fn clozes(
    ss: &[Sent],
    substantive: &[usize],
    scores: &[f64],
    on_back: &[usize],
    heading: &BTreeSet<String>,
    weights: &Weights,
    taken: &mut BTreeSet<String>,
    budget: usize,
) -> Vec<Cloze> {
    let mut candidates: Vec<(f64, usize, Phrase)> = Vec::new();
    let section_stems: BTreeMap<String, usize> = {
        let mut m = BTreeMap::new();
        for &k in substantive {
            for st in ss[k].stems() {
                *m.entry(st).or_default() += 1;
            }
        }
        m
    };
    for &i in substantive {
        let s = &ss[i];
        let usable = s.leans.is_none()
            && s.words() <= 40
            && s.words() >= 7
            && s.text.chars().count() <= CLOZE_CHARS
            && !s.text.contains("{{")
            && !s.text.contains("}}")
            && !s.text.contains("::")
            && !s.a.untagged
            && s.a.words.len() <= MAX_TAGGED_WORDS * 2;

        if !usable {
            continue;
        }
        let best = noun_phrases(s, heading)
            .into_iter()
            .map(|p| (p.score(weights), p))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.start.cmp(&a.1.start)));
        if let Some((score, p)) = best {
            // A single noun is worth testing only when the section keeps
            // coming back to it: rarity alone is not salience.
            // A single word must also be a name or a compound ("Option",
            // "fail-over"): a lone common noun is usually the weak cloze.
            let named = {
                let w = &s.text[p.start..p.end];
                w.contains('-')
                    || w.chars().skip(1).any(char::is_uppercase)
                    || (w.chars().next().is_some_and(char::is_uppercase) && p.start > 0)
            };
            if p.stems.len() == 1
                && (!named
                    || section_stems.get(&p.stems[0]).copied().unwrap_or(0) < 2
                    || weights.weight(&p.stems[0]) < 1.5)
            {
                continue;
            }
            let mut total = score + 0.3 * scores[i];
            if on_back.contains(&i) {
                total -= 0.8;
            }
            candidates.push((total, i, p));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (score, i, p) in candidates {
        if out.len() == budget {
            break;
        }
        let s = &ss[i];
        let phrase = &s.text[p.start..p.end];
        if !taken.insert(norm(phrase)) {
            continue;
        }
        out.push(Cloze {
            text: capitalise(&format!(
                "{}{{{{c1::{}}}}}{}",
                &s.text[..p.start],
                phrase,
                &s.text[p.end..]
            )),
            sentence: i,
            why: format!(
                "hides the noun phrase \u{201c}{phrase}\u{201d}: the most salient whole phrase of the sentence (rare elsewhere in the lesson{}), not a heading word, a fixed phrase, a list item or a word repeated in the sentence; score {score:.2}{}",
                if p.after_verb { ", after the verb" } else { "" },
                if on_back.contains(&i) { "; the sentence is also on the point card's back" } else { "" }
            ),
        });
    }
    out
}

/// The overview: two to eight sections listed, or their groups, or nothing.
fn overview(
    title: &str,
    listed: &[(Option<String>, String)],
    casing: &Casing,
) -> Option<(String, String, String)> {
    let count = listed.len();
    if (2..=OVERVIEW_MAX).contains(&count) {
        return Some((
            format!(
                "\u{201c}{title}\u{201d}: what are its {} {}?",
                number_word(count),
                "parts"
            ),
            listed
                .iter()
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
                .join(" \u{b7} "),
            format!("lists the lesson's {count} sections"),
        ));
    }
    // Too many: their groups, when every section has one.
    let mut groups: Vec<String> = Vec::new();
    for (context, _) in listed {
        let c = casing.sentence_case(context.as_deref()?);
        if groups.last() != Some(&c) {
            if groups.contains(&c) {
                return None;
            }
            groups.push(c);
        }
    }
    (2..=OVERVIEW_MAX).contains(&groups.len()).then(|| {
        (
            format!(
                "\u{201c}{title}\u{201d}: what are its {} main parts?",
                number_word(groups.len())
            ),
            groups.join(" \u{b7} "),
            format!(
                "lists the lesson's {} groups of sections ({count} sections are too many to list)",
                groups.len()
            ),
        )
    })
}

fn number_word(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::Piece;

    fn section(heading: &str, body: &str) -> Section {
        Section {
            heading: Some(heading.into()),
            context: None,
            lead_in: None,
            sentence_heading: false,
            body: vec![Piece {
                kind: PieceKind::Para,
                text: body.into(),
            }],
            line: 1,
        }
    }

    fn q(heading: &str, body: &str) -> String {
        let sec = section(heading, body);
        let casing = Casing::learn(&["We met people from Google.".to_string()]);
        let inline = casing.inline_words(heading).join(" ");
        let h = analyse(&inline);
        let ss = section_sentences(&sec);
        let why = ss.iter().any(|s| s.reason);
        let method = ss.iter().any(|s| s.imperative);
        let ask = classify(&h, &sec);
        let why = why
            && matches!(
                ask,
                Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Predicate
            );
        let hs = content_stems(&h, &inline);
        let def = ss.iter().any(|s| defines(s, &hs));
        question(&ask, &h, &inline, &sec, why, method, def, '\u{2019}')
    }

    const REASON: &str = "It matters because interviewers want you to sell yourself.";
    const PLAIN: &str = "Write the three things you want them to remember on a card.";

    #[test]
    fn imperatives_ask_why_only_with_a_reason() {
        assert_eq!(
            q("Refine Your Sales Pitch", REASON),
            "Why should you refine your sales pitch?"
        );
        assert_eq!(
            q("Refine Your Sales Pitch", PLAIN),
            "How should you refine your sales pitch?"
        );
    }

    #[test]
    fn negative_and_always_headings_make_questions() {
        assert_eq!(
            q("Don’t Get Ahead of Yourself", REASON),
            "Why shouldn’t you get ahead of yourself?"
        );
        assert_eq!(
            q("Don’t guess, ask", PLAIN),
            "What should you do rather than guess?"
        );
        assert_eq!(
            q("Always Test Your Backups", REASON),
            "Why should you always test your backups?"
        );
    }

    #[test]
    fn be_and_have_headings_make_questions() {
        assert_eq!(
            q(
                "Be Specific",
                "Numbers stay in the memory of whoever hears them."
            ),
            "What does it mean to be specific?"
        );
        assert_eq!(q("Have a Plan B", REASON), "Why should you have a plan B?");
    }

    #[test]
    fn statements_are_inverted_or_asked_about() {
        assert_eq!(
            q("Every Job Isn’t the Right Fit", REASON),
            "Why isn’t every job the right fit?"
        );
        assert_eq!(
            q("Interviewers Remember Stories", REASON),
            "Why do interviewers remember stories?"
        );
        assert_eq!(
            q("Silence Is Your Friend", PLAIN),
            "What does it mean that silence is your friend?"
        );
    }

    #[test]
    fn noun_phrases_and_questions() {
        assert_eq!(
            q(
                "Garbage collection",
                "Garbage collection is the automatic freeing of memory that no code can reach."
            ),
            "What is garbage collection?"
        );
        assert_eq!(
            q("The Counteroffer", PLAIN),
            "What matters about the counteroffer?"
        );
        assert_eq!(
            q("What Do They Really Ask?", PLAIN),
            "What do they really ask?"
        );
        assert_eq!(
            q("How to Answer Salary Questions", PLAIN),
            "How should you answer salary questions?"
        );
        assert_eq!(
            q("Handling a Lowball Offer", PLAIN),
            "How do you handle a lowball offer?"
        );
    }

    #[test]
    fn a_cloze_never_hides_a_list_item_a_fixed_phrase_or_a_heading_word() {
        let s = Sent::new(
            "Ask about salary, equity and bonus before you sign.".into(),
            PieceKind::Para,
        );
        let spans: Vec<&str> = noun_phrases(&s, &BTreeSet::new())
            .iter()
            .map(|p| &s.text[p.start..p.end])
            .collect();
        assert!(!spans.contains(&"equity"), "{spans:?}");
        let s = Sent::new(
            "Book the meeting room a week in advance.".into(),
            PieceKind::Para,
        );
        let spans: Vec<&str> = noun_phrases(&s, &BTreeSet::new())
            .iter()
            .map(|p| &s.text[p.start..p.end])
            .collect();
        assert!(!spans.contains(&"advance"), "{spans:?}");
        let heading: BTreeSet<String> = ["room".to_string()].into();
        let spans: Vec<&str> = noun_phrases(&s, &heading)
            .iter()
            .map(|p| &s.text[p.start..p.end])
            .collect();
        assert!(!spans.iter().any(|p| p.contains("room")), "{spans:?}");
    }

    #[test]
    fn long_backs_are_cut_at_a_clause() {
        let long = format!(
            "{}; and then some more words here.",
            "word ".repeat(70).trim()
        );
        let short = shorten(&long, 300);
        assert!(short.chars().count() <= 300, "{short}");
        assert!(short.ends_with('\u{2026}'), "{short}");
    }
}
