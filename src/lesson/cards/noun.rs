//! The question a noun-phrase heading asks, read from the sentence that
//! answers it (see docs/lessons.md, "Noun-phrase headings"). "What matters
//! about X?" fits any back and so tells the reader nothing; the back's own
//! shape names the aspect it answers:
//!
//! - "X is a…" defines X: "What is X?";
//! - "X should…", "X must…" states a rule: "What is the rule for X?";
//! - "X is useful because…": "Why is X useful?";
//! - "X works well in…": "When does X work well?";
//! - "X translates…", or a gloss opening with such a verb ("Specifies the
//!   servers"): "What does X do?";
//! - advice in the imperative, under a heading naming a topic: "What is
//!   the advice on X?".

use std::collections::BTreeSet;

use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse};
use crate::lesson::read::PieceKind;

use super::case::case_question;
use super::forms::{defined_as, heading_head, indefinite, looks_plural, the_one};
use super::forms::{is_plural, is_plural_phrase};
use super::from_back::question_from_back;
use super::question::{defines, label_of, places_advice, what_is, with_article};
use super::reason::reason_asked;
use super::says::{Says, advice_done, ask_about, says};
use super::sentence::Sent;
use super::{Maker, Part};

/// The article the lesson itself puts before the heading's words ("a
/// content delivery network"), if any sentence does.
pub(super) fn article_in(body: &[&str], heading: &str) -> Option<&'static str> {
    let h = heading.to_lowercase();
    if h.is_empty() {
        return None;
    }
    body.iter().find_map(|s| {
        let l = s.to_lowercase();
        ["a ", "an "].iter().find_map(|a| {
            l.match_indices(&format!("{a}{h}"))
                .any(|(i, m)| {
                    let before_ok = i == 0 || !l[..i].ends_with(|c: char| c.is_alphanumeric());
                    let after = &l[i + m.len()..];
                    // The phrase ends there: a mark, or a verb follows ("a
                    // bulk data provider" is another noun).
                    let next = after.split_whitespace().next().unwrap_or("");
                    let ends = !after.starts_with(' ')
                        || next.starts_with(|c: char| !c.is_alphanumeric())
                        || matches!(
                            next,
                            "is" | "was"
                                | "can"
                                | "will"
                                | "has"
                                | "that"
                                | "which"
                                | "may"
                                | "must"
                                | "should"
                                | "does"
                        )
                        || (next.ends_with('s') && !next.ends_with("ss"));
                    before_ok && !after.starts_with(|c: char| c.is_alphanumeric()) && ends
                })
                .then_some(if *a == "a " { "a" } else { "an" })
        })
    })
}

/// Does the question ask for several things the section may list: a
/// plural label ("Disadvantages: failover") or a plural content noun ("The
/// rules of references")?
pub(super) fn asks_for_list(topic: &super::Topic) -> bool {
    if let Some((label, _)) = label_of(&topic.inline) {
        let l = label.trim_end_matches("(s)");
        return label.ends_with("(s)") || looks_plural(l);
    }
    topic.ask == super::ask::Ask::Noun
        && heading_head(&topic.analysis)
            .is_some_and(|w| LEXICON.is(&w.norm, Role::ContentNoun) && looks_plural(&w.norm))
}

impl Maker {
    /// The heading a section's own heading names a part or facet of, cased
    /// as inside a sentence: the heading above it or, when it has none and
    /// the title names a thing, the title.
    pub(super) fn parent_heading(&self, part: &Part) -> Option<String> {
        let parent = match &part.section.context {
            Some(c) => c,
            None if !self.title_kind.generic => &self.title,
            None => return None,
        };
        Some(self.casing.inline_words(parent).join(" "))
    }

    /// The question of the section the title heads, when its back says
    /// something particular: "Bloom filter" opening "A bloom filter is…"
    /// asks what it is, with the article the definition gives it; "Load
    /// balancer" answered by what load balancers do asks that, not what
    /// the lesson is about ("What is “Load balancer” about?" stays for a
    /// back saying nothing more particular).
    pub(super) fn titled_aspect(
        &self,
        part: &Part,
        on_back: &[usize],
        definition: bool,
    ) -> Option<String> {
        let (ss, topic) = (part.ss, &part.topic);
        if !topic.titled || topic.ask != super::ask::Ask::Noun {
            return None;
        }
        if let Some(&i) = on_back.iter().find(|&&i| defines(&ss[i], &topic.stems)) {
            let article = ss[i].a.content().next().map(|w| w.norm.as_str());
            // ("Easy runs" over "An easy run is…": the definition's own
            // subject, in the singular it gives.)
            if matches!(article, Some("a" | "an"))
                && let Some(subject) = defined_as(&ss[i], &topic.stems)
            {
                return Some(format!("What is {subject}?"));
            }
            return Some(match article {
                Some(a @ ("a" | "an")) if !is_plural(&topic.analysis) => {
                    format!("What is {a} {}?", topic.inline)
                }
                _ => what_is(&topic.analysis, &topic.inline),
            });
        }
        let particular = on_back
            .first()
            .and_then(|&i| says(&ss[i], &topic.stems))
            .is_some_and(|said| !matches!(said, Says::Advice | Says::Names));
        particular.then(|| self.noun_front(part, on_back, definition))
    }

    /// A noun-phrase heading's question, by what its back says (see
    /// [`noun`]).
    pub(super) fn noun_front(&self, part: &Part, on_back: &[usize], definition: bool) -> String {
        let (ss, topic) = (part.ss, &part.topic);
        if let Some(q) = any_asked(&topic.inline) {
            return q;
        }
        // "When the dough dries out": a case to act in.
        if places_advice(&topic.analysis) {
            // ("…sticks to my hands": said back to the reader.)
            let advises = part.substantive.iter().any(|&i| ss[i].gives_method());
            let when = super::statement::states_when(part.section, advises);
            return case_question(&topic.analysis, &topic.inline, when, self.apostrophe);
        }
        let (x, plural) = named_thing(part);
        // "The daily plan", "Rules of references": the back is the plan,
        // the rules.
        if heading_head(&topic.analysis).is_some_and(|h| LEXICON.is(&h.norm, Role::ContentNoun)) {
            let x = x.strip_prefix("a ").unwrap_or(&x);
            let x = x.strip_prefix("the ").unwrap_or(x);
            // ("Your first lesson" has its determiner.)
            let determined = topic.analysis.content().next().is_some_and(|w| {
                w.is_possessive() || matches!(w.norm.as_str(), "this" | "these" | "that" | "those")
            });
            let the = if determined { "" } else { "the " };
            return format!("What {} {the}{x}?", if plural { "are" } else { "is" });
        }
        // "Reverse proxy (web server)": the aside is no part of the name a
        // sentence about it repeats.
        let stems = match topic.inline.split_once(" (") {
            Some((name, _)) => {
                let a = crate::lesson::language::analyse(name);
                super::sentence::content_stems(&a, name)
            }
            None => topic.stems.clone(),
        };
        let defined = on_back.iter().any(|&i| defines(&ss[i], &stems));
        if defined || (definition && on_back.is_empty()) {
            // (Only a noun the text writes in lower case: "Python" and
            // "Taproot" are names, however the heading's casing reads.)
            let lower_in_text = ss.iter().any(|s| {
                s.a.content()
                    .any(|w| w.norm == x.to_lowercase() && s.text[w.start..].starts_with(&*x))
                    || (x.contains(' ') && s.text.contains(&*x))
            });
            let definer = on_back.iter().find(|&&i| defines(&ss[i], &stems));
            let x = defined_with_article(part, definer.map(|&i| &ss[i]), &x, plural, lower_in_text);
            return format!("What {} {x}?", if plural { "are" } else { "is" });
        }
        if plural && lists_some(part, on_back) {
            return format!("What are some {}?", the_one(&topic.analysis, &x));
        }
        self.aspect_asked(part, on_back, &x, &stems, plural)
            .or_else(|| question_from_back(part, on_back, (&x, plural), &self.casing))
            // (A back about something the heading does not name is asked
            // by its own grammar, the heading before it: "GDS example:
            // what does the performance platform help?")
            .or_else(|| {
                let &first = on_back.first()?;
                super::more::question_of_sentence(part, first, &self.casing)
            })
            .unwrap_or_else(|| {
                // (A back whose sentence opens on a subject of its own is
                // about that, not the heading's concept; it may be asked
                // for its subject later, see `subject_question`.)
                let for_subject = on_back
                    .first()
                    .is_some_and(|&i| super::subject_question::subject_question(&ss[i]).is_some());
                if names_a_concept(part) && !for_subject {
                    let be = if plural { "are" } else { "is" };
                    format!("What {be} {}?", the_one(&topic.analysis, &x))
                } else {
                    super::quality::quality_question(part, on_back, &self.title).unwrap_or_else(
                        || format!("What matters about {}?", the_one(&topic.analysis, &x)),
                    )
                }
            })
    }

    /// The question for the aspect of `x` the back states ("What is the
    /// rule for X?", "What does X do?"), if it states one (see [`says`]).
    pub(super) fn aspect_asked(
        &self,
        part: &Part,
        on_back: &[usize],
        x: &str,
        stems: &BTreeSet<String>,
        plural: bool,
    ) -> Option<String> {
        if part.section.glossed
            && on_back.first() == Some(&0)
            && let Some(q) = verb_gloss_question(
                &part.ss[0],
                &counted_one(x, self.counted.contains(&x.to_lowercase())),
                plural,
            )
        {
            return Some(q);
        }
        let &first = on_back.first()?;
        let said = says(&part.ss[first], stems)?;
        // (A rule or advice saying why it holds is asked why.)
        let vague =
            matches!(said, Says::Rule) || matches!(said, Says::Advice) && advice_done(x).is_none();
        if vague && let Some(q) = reason_asked(&part.ss[first], &self.casing) {
            return Some(q);
        }
        // ("X lacks a single metric": what the verb says is asked, "What
        // does X lack?", before the "What does X do?" that fits any verb.)
        if matches!(said, Says::Does(..))
            && let Some(q) = question_from_back(part, &[first], (x, plural), &self.casing)
        {
            return Some(q);
        }
        if matches!(said, Says::Advice)
            && advice_done(x).is_none()
            && let Some(q) = self.advice_for_a_case(part, x)
        {
            return Some(q);
        }
        Some(match said {
            Says::Does(Some(subject), p) => ask_about(
                x,
                &Says::Does(Some(self.casing.inline_words(&subject).join(" ")), p),
                plural,
            ),
            Says::Has(subject, p, verb) => ask_about(
                x,
                &Says::Has(self.casing.inline_words(&subject).join(" "), p, verb),
                plural,
            ),
            said => ask_about(x, &said, plural),
        })
    }
}

impl Maker {
    /// "C++" under "Performance best practices" over advice: the part
    /// names the case the collection's advice is for, "What are the
    /// performance best practices for C++?"; "General" names its kind,
    /// "What are the general performance best practices?".
    fn advice_for_a_case(&self, part: &Part, x: &str) -> Option<String> {
        let parent = self.parent_heading(part)?;
        let collection = analyse(&parent)
            .content()
            .last()
            .is_some_and(|w| LEXICON.is(&w.norm, Role::AdviceNoun));
        if !collection {
            return None;
        }
        let case = analyse(x);
        let words: Vec<&Word> = case.content().filter(|w| w.pos != Pos::Sym).collect();
        // (A name: "C++", "Python"; not "quick summary", a thing to do.)
        let named = words.len() <= 2
            && (x.starts_with(|c: char| c.is_uppercase())
                || words.iter().all(|w| w.pos == Pos::Propn));
        match words.as_slice() {
            [w] if w.pos == Pos::Adj => Some(format!("What are the {x} {parent}?")),
            _ if named => Some(format!("What are the {parent} for {x}?")),
            _ => None,
        }
    }
}

/// "COUNT: returns the number of rows", "INSERT INTO: used to add rows",
/// "DROP: delete a column": a gloss its heading carried that opens with a
/// verb says what the term does, or what it is used for (see
/// docs/lessons.md, "Noun-phrase headings").
fn verb_gloss_question(gloss: &Sent, x: &str, plural: bool) -> Option<String> {
    let used = verb_gloss(gloss)?;
    Some(match (used, plural) {
        (true, p) => format!("What {} {x} used for?", if p { "are" } else { "is" }),
        (false, p) => format!("What {} {x} do?", if p { "do" } else { "does" }),
    })
}

/// "Issue" as a thing a verb's subject names: "an issue", when the lesson
/// counts the noun (writes it after "a" or in the plural) and it has no
/// article of its own; "grep" stays a name.
fn counted_one(x: &str, counted: bool) -> String {
    if counted && !x.contains(' ') && x.starts_with(char::is_lowercase) {
        format!("{} {x}", indefinite(x))
    } else {
        x.to_string()
    }
}

/// The defined thing as "What is…?" names it: with the defining
/// sentence's own article ("Halving" over "The halving is the
/// scheduled…"); as one of its kind when the text counts a singular noun
/// the heading left bare and writes it in lower case ("Wallet" over "A
/// Bitcoin wallet is…": "a wallet"); or as one thing when the definition
/// names it so in other words ("Loan term" over "The term of your loan
/// is…").
fn defined_with_article(
    part: &Part,
    definer: Option<&Sent>,
    x: &str,
    plural: bool,
    lower_in_text: bool,
) -> String {
    let topic = &part.topic;
    let bare = !plural && x == topic.inline && lower_in_text;
    let counted = bare && the_one(&topic.analysis, x) != x;
    let own = definer.and_then(|s| article_before(s, x)).filter(|_| bare);
    let the = definer.is_some_and(|s| s.a.content().next().is_some_and(|w| w.norm == "the"));
    match own {
        Some(article) => format!("{article} {x}"),
        None if counted => format!("{} {x}", indefinite(x)),
        None if the && !plural => the_one(&topic.analysis, x),
        None => x.to_string(),
    }
}

/// Does the gloss open with a verb, its subject the term: "Used to…"
/// (`Some(true)`), "Returns the…", "Create a view" (`Some(false)`)? Not a
/// noun phrase, "A regular join…".
pub(super) fn verb_gloss(gloss: &Sent) -> Option<bool> {
    let words: Vec<&Word> = gloss.a.content().collect();
    let (first, second) = (words.first()?, words.get(1)?);
    if first.norm == "used" && matches!(second.norm.as_str(), "to" | "for" | "in" | "as") {
        return Some(true);
    }
    // ("Change data type of column", "Prints the lines": a word that can
    // be a verb, before its object, opens the gloss a keyword carried.)
    // (A participle after it qualifies its object: "Drop repeated
    // lines".)
    // ("Content designed to attract…": a participle before "to" or a
    // preposition qualifies the noun before it.)
    let participle = (second.norm.ends_with("ed") || second.norm.ends_with("ing"))
        && words
            .get(2)
            .is_some_and(|w| !matches!(w.pos, Pos::Adp | Pos::Part) && w.norm != "to");
    // ("Fake videos or images…": an adjective before a plural noun.)
    if crate::lesson::language::known_adjective(&first.norm) == Some(true)
        && second.pos == Pos::Noun
        && looks_plural(&second.norm)
    {
        return None;
    }
    // (A word the dictionary knows as no verb is none: "Software that…".)
    let verb = first.tagged_verb()
        // ("Prints", "Orders": the -s form of a verb the dictionary knows.)
        || (crate::lesson::language::can_be_verb(&first.norm)
            && (participle || !matches!(second.pos, Pos::Adp | Pos::Verb | Pos::Aux)));
    (verb && !first.norm.ends_with("ing") && !first.norm.ends_with("ed")).then_some(false)
}

/// The heading as the thing a question names, with the article the
/// section uses for it ("a normal version number"), and whether it is
/// plural.
pub(super) fn named_thing(part: &Part) -> (String, bool) {
    let topic = &part.topic;
    let plural = is_plural_phrase(&topic.analysis);
    let mut x = with_article(&topic.analysis, &topic.inline);
    if x == topic.inline && !plural && topic.inline.starts_with(char::is_lowercase) {
        let body: Vec<&str> = part.ss.iter().map(|s| s.text.as_str()).collect();
        if let Some(a) = article_in(&body, &topic.inline) {
            x = format!("{a} {x}");
        }
    }
    (x, plural)
}

/// The article the sentence puts before `x` as its subject ("The halving
/// is…", "A cryptographic signature is…"): "the", or "a"/"an" as `x` takes
/// it. None when the subject opens otherwise.
fn article_before(s: &Sent, x: &str) -> Option<String> {
    let words: Vec<&Word> = s.a.content().collect();
    let first = words.first()?;
    let v = words
        .iter()
        .position(|w| matches!(w.norm.as_str(), "is" | "are" | "means" | "refers"))?;
    let subject = words[1..v]
        .iter()
        .map(|w| w.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !subject.ends_with(&x.to_lowercase()) || words[1..v].len() > x.split_whitespace().count() + 1
    {
        return None;
    }
    match first.norm.as_str() {
        "the" => Some("the".into()),
        "a" | "an" => Some(indefinite(x).to_string()),
        _ => None,
    }
}

/// "Any recommendations on learning operating systems", "Any tips for
/// a first talk": a Q&A's question with its verb left out asks "What are
/// some recommendations on learning operating systems?".
fn any_asked(inline: &str) -> Option<String> {
    let rest = inline
        .strip_prefix("any ")
        .or_else(|| inline.strip_prefix("Any "))?;
    let mut words = rest.split_whitespace();
    let (noun, prep) = (words.next()?, words.next()?);
    let rest = rest
        .trim_end_matches(['?', '.'])
        .trim_end_matches(", etc")
        .trim_end_matches(" etc");
    (looks_plural(noun) && matches!(prep, "on" | "for" | "about" | "to"))
        .then(|| format!("What are some {rest}?"))
}

/// "SQL databases built on key-value stores" over a list of them: the
/// back names some; not "Symlinks and directories", two things whose list
/// says how they meet, nor a name made up for the section.
fn lists_some(part: &Part, on_back: &[usize]) -> bool {
    let topic = &part.topic;
    let listed = on_back.len() >= 2 && on_back.iter().all(|&i| part.ss[i].kind == PieceKind::Item);
    let joined = topic.analysis.content().any(|w| w.pos == Pos::Cconj);
    listed && !topic.made_up && !joined
}

#[cfg(test)]
#[path = "noun_tests.rs"]
mod tests;

/// "Eventual consistency", "Crop rotation", "Generator expressions": a
/// heading of two or three words, adjectives and nouns alone, over a
/// section that explains and gives no advice, names a concept the section
/// describes, so its back answers "What is X?" better than "What matters
/// about X?". An activity ("Answering questions"), a piece of a thing
/// ("The cost", "Lack of feedback"), two things ("Signals and eye
/// contact") or a topic of advice ("Cover letters" over "Send one…") keep
/// the plain question.
fn names_a_concept(part: &Part) -> bool {
    let words: Vec<&Word> = part.topic.analysis.content().collect();
    let plain = (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| matches!(w.pos, Pos::Adj | Pos::Noun | Pos::Propn) || w.norm.ends_with("ed"))
        && !words[0].norm.ends_with("ing");
    let head = words.last().is_some_and(|h| {
        h.pos.is_nominal()
            && ![Role::Generic, Role::ContentNoun, Role::CriteriaNoun]
                .iter()
                .any(|&r| LEXICON.is(&h.norm, r))
    });
    let explains = !part.section.step && part.ss.iter().all(|s| !s.imperative && !s.personal);
    plain && head && explains
}
