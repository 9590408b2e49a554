//! Glossary entries: a term, and a definition written as a noun phrase
//! with no verb of its own ("**Index**: A tool that speeds up reads.",
//! "### Sharding" over "The process of splitting…"). The card asks what
//! the term is (see docs/lessons.md, "Glossary entries").

use super::Maker;
use super::ask::Ask;
use super::finite::base_after_plural;
use super::forms::{indefinite, is_base, is_plural};
use super::named::names_a_thing;
use super::noun::verb_gloss;
use super::sentence::Sent;
use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, can_be_verb, ever_mass, known_verb, known_word, mass_only,
    past_participle, proper_noun,
};
use crate::lesson::read::{Lesson, Section};
use crate::lesson::text::{Casing, stem};

/// How a gloss opens, which tells the article its term takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opens {
    /// "A tool that…": one of a kind, counted.
    Indefinite,
    /// "The process of…", or no determiner ("Temporary storage of…").
    Other,
}

/// Is the sentence a gloss: a noun phrase whose verbs, if any, sit in what
/// qualifies its noun ("A key that connects…", "A request to change…", "A
/// virtual table created from…", "The process of splitting…")? Words
/// after a preposition may be a gerund ("of splitting"); the first other
/// verb decides: after "that"/"which"/"who"/"to", or a participle right
/// after the noun, the noun is being qualified; any other verb is the
/// sentence's own ("A database is…", "Most teams prefer…").
pub(super) fn gloss(s: &Sent) -> Option<Opens> {
    if s.imperative || s.lead_in || s.text.trim_end().ends_with('?') {
        return None;
    }
    let words: Vec<&Word> = s.a.content().collect();
    let first = words.first()?;
    let opens = opening(&words)?;
    // ("Classes work similarly to…": a plural noun and a verb's base form
    // the tagger took for a noun, then an adverb: a sentence.)
    if (0..words.len()).any(|i| base_after_plural(&words[i..])) {
        return None;
    }
    // The noun phrase comes first: a verb in second place is no gloss
    // ("The tests run…" reads so only when "tests" is a noun).
    let opens_with_det = first.pos == Pos::Det;
    let participle = |w: &Word| w.norm.ends_with("ed") || w.norm.ends_with("ing");
    // (A participle before its noun describes it: "a stored procedure",
    // "a collection of organized data".)
    let describes = |i: usize| {
        participle(words[i])
            && words
                .get(i + 1)
                .is_some_and(|n| n.pos.is_nominal() || n.pos == Pos::Adj)
    };
    // (Past an adverb of degree: "a highly scalable store".)
    let second = (1..words.len()).find(|&i| words[i].pos != Pos::Adv);
    // (After "a", a word the tagger calls a verb is a noun: "a plan that…".)
    let noun_after_a = |i: usize| opens == Opens::Indefinite && words[i].pos == Pos::Verb;
    if opens_with_det
        && !second.is_some_and(|i| {
            words[i].pos.is_nominal() || words[i].pos == Pos::Adj || describes(i) || noun_after_a(i)
        })
    {
        return None;
    }
    for (i, w) in words.iter().enumerate().skip(1) {
        let head_of_phrase = Some(i) == second && noun_after_a(i);
        if !matches!(w.pos, Pos::Verb | Pos::Aux) || describes(i) || head_of_phrase {
            continue;
        }
        // (An adverb between: "a command that automatically runs", "a
        // tool that either builds or…".)
        let before = words[..i]
            .iter()
            .rev()
            .find(|b| b.pos != Pos::Adv && !matches!(b.norm.as_str(), "either" | "both"))?;
        // A gerund: "for storing", "access and updating", "spending, saving".
        let in_series = before.pos == Pos::Verb && before.norm.ends_with("ing");
        if (matches!(before.pos, Pos::Adp | Pos::Sconj | Pos::Cconj) || in_series)
            && w.norm.ends_with("ing")
        {
            continue;
        }
        // (Or a participle after its noun, "flour and fat cooked
        // together": the tagger may call the noun an adjective; not an
        // ordinal, which places the sentence's own verb: "Francis Galton
        // first described…".)
        let qualifying = matches!(
            before.norm.as_str(),
            "that" | "which" | "who" | "what" | "where" | "to"
        ) || (before.pos.is_nominal()
            && w.pos == Pos::Verb
            && (participle(w) || past_participle(&w.norm)))
            || (before.pos == Pos::Adj
                && w.norm.ends_with("ed")
                && !LEXICON.is(&before.norm, Role::Ordinal))
            // A verb in a clause of time or condition the phrase has
            // opened, "…every ingredient before you start to cook". (Not
            // when a "be" follows, the sentence's own.)
            || (opens_with_det
                && words[1..i].iter().any(|b| {
                    b.pos == Pos::Sconj && !matches!(b.norm.as_str(), "that" | "which" | "who")
                }) && !words[i..].iter().any(|b| matches!(b.norm.as_str(), "is" | "are" | "was" | "were")));
        return qualifying.then_some(opens);
    }
    Some(opens)
}

/// "Self JOIN: a regular join, but the table is joined with itself": a
/// gloss the heading carried, opening with an article, is one whatever
/// verbs follow; how it opens.
pub(super) fn carried_gloss(s: &Sent) -> Option<Opens> {
    let words: Vec<&Word> = s.a.content().collect();
    // (Its first clause has no verb of its own: "the read is sent…" is a
    // sentence.)
    let clause_end =
        s.a.words
            .iter()
            .find(|w| w.is_punct())
            .map_or(usize::MAX, |w| w.start);
    // (Its verb right after a subject of a few words, that is: "The
    // stream a command reads from when no file is named" is one.)
    // (A letter alone is a name, "An R client…", whatever the tagger
    // reads it as.)
    if words.iter().take(4).any(|w| {
        w.start < clause_end
            && w.norm.chars().count() > 1
            && (w.pos == Pos::Aux || matches!(w.norm.as_str(), "is" | "are" | "was" | "were"))
    }) {
        return None;
    }
    // (The tagger may miss the article before a letter: "An R client…".)
    match words.first()?.norm.as_str() {
        "a" | "an" => Some(Opens::Indefinite),
        _ => opening(&words),
    }
}

/// How a sentence opens, when it may be a gloss: with "a", "an", "the", a
/// bare noun phrase or a gerund's phrase.
fn opening(words: &[&Word]) -> Option<Opens> {
    let first = words.first()?;
    // ("A lot of the web…", "A few teams…": the article opens an amount,
    // not a kind of thing.)
    let norms: Vec<&str> = words.iter().take(3).map(|w| w.norm.as_str()).collect();
    // ("The most common value…" may well be one: only "a lot", "a bit".)
    let an_amount = norms.first() == Some(&"a") && LEXICON.opens_with(&norms, Role::Fixed);
    if an_amount || LEXICON.opens_with(&norms, Role::Quantifier) {
        return None;
    }
    // ("A way of tracking…", "A state of being…": a kind of activity,
    // which says nothing of whether the term is counted.)
    let of_activity = words.get(2).is_some_and(|w| w.norm == "of")
        && words.get(3).is_some_and(|w| w.norm.ends_with("ing"));
    let opens = match (first.pos, first.norm.as_str()) {
        (Pos::Det, "a" | "an") if of_activity => Opens::Other,
        (Pos::Det, "a" | "an") => Opens::Indefinite,
        (Pos::Det, "the") => Opens::Other,
        // ("Temporary storage of results…": a bare noun phrase, long
        // enough not to be a fragment of advice.)
        // (Not a verb's base before its object, "Label each packet…",
        // "Store them dry": advice the tagger read as a noun.)
        // (Nor a subject and its verb in -s the tagger read as a noun,
        // before its object: "Recovery replays the log…".)
        (Pos::Adj | Pos::Noun | Pos::Propn, w)
            if words.len() >= 4
                && !(known_verb(w) == Some(true)
                    && is_base(w)
                    && matches!(words[1].pos, Pos::Det | Pos::Pron))
                && !(words[1].norm.ends_with('s')
                    && can_be_verb(&words[1].norm)
                    && matches!(words[2].pos, Pos::Det | Pos::Pron)) =>
        {
            Opens::Other
        }
        // (A word the dictionary knows as no verb opens a noun phrase,
        // however the tagger reads it, when a relative clause or a
        // preposition goes on with it: "Software that…".)
        (Pos::Verb, _)
            if words.len() >= 4
                && !first.tagged_verb()
                && (matches!(words[1].norm.as_str(), "that" | "which" | "who")
                    || words[1].pos == Pos::Adp) =>
        {
            Opens::Other
        }
        // ("Selling some of what has grown…": a gerund's phrase.)
        (Pos::Verb, g) if g.ends_with("ing") && words.len() >= 4 => Opens::Other,
        _ => return None,
    };
    // (A gerund or a bare noun may be a sentence's subject: "Figuring out
    // the order is the trickiest problem" is no gloss.)
    if opens == Opens::Other
        && first.pos != Pos::Det
        && words
            .iter()
            .any(|w| matches!(w.norm.as_str(), "is" | "are" | "was" | "were"))
    {
        return None;
    }
    Some(opens)
}

/// "What is an index?", "What is sharding?", "What are foreign keys?",
/// "What is SQL?": the term with the article its text, its gloss and its
/// head noun call for. `counted`: the lesson writes the term after "a" or
/// in the plural (see [`super::counted`]), and so counts it. A term that
/// keeps its capitals inside a sentence is a name or a keyword, and takes
/// none (an acronym the text counts does: "What is an ETF?"); so does a
/// noun the dictionary ever leaves uncounted ("storage"), a gerund
/// ("sharding") or a noun of process in "-ization". A term nothing says
/// is counted or not ("swag", "version control") is asked what it means,
/// which needs no article.
pub(super) fn gloss_question(term: &Analysis, inline: &str, opens: Opens, counted: bool) -> String {
    // ("Google Sheets - an online spreadsheet program": a gloss of one
    // thing names one, a product or a name, whatever its last letter;
    // "hidden fields", no name, are many whatever the gloss opens on.)
    let named = inline
        .split_whitespace()
        .last()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if is_plural(term) && opens == Opens::Indefinite && named {
        return format!("What is {inline}?");
    }
    if is_plural(term) {
        return format!("What are {inline}?");
    }
    let name = inline.split(" (").next().unwrap_or(inline);
    let last = name.split_whitespace().last().unwrap_or(name);
    let head = last.to_lowercase();
    let acronym = name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    // (A word the dictionary does not know is a product's or a project's
    // name: "What is Elasticsearch?"; a known noun after a name keeps it
    // a kind of thing: "a README file".)
    let kept_case = last.starts_with(char::is_uppercase) || !known_word(&head);
    // (A word that is a name too, "Branch", is a thing when the text
    // counts it: "branches".)
    let proper = name.split_whitespace().count() == 1 && proper_noun(&head);
    // ("The Dilbert principle" has its article.)
    let determined = term.content().next().is_some_and(|w| w.pos == Pos::Det);
    let process = ["ing", "ization", "isation"]
        .iter()
        .any(|end| head.ends_with(end));
    if determined || process || (kept_case && !(acronym && counted)) || (proper && !counted) {
        return format!("What is {inline}?");
    }
    if counted || (opens == Opens::Indefinite && !mass_only(&head)) {
        let article = if acronym {
            // (An acronym is read letter by letter: "an ETF", "a URL".)
            if name.starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']) {
                "an"
            } else {
                "a"
            }
        } else {
            indefinite(inline)
        };
        return format!("What is {article} {inline}?");
    }
    if opens == Opens::Indefinite || ever_mass(&head) {
        return format!("What is {inline}?");
    }
    format!("What does \u{201c}{inline}\u{201d} mean?")
}

/// "Libraries – A collection of pre-written code…": a gloss naming a
/// collection of things is of a plural term, "What are libraries?"
/// (however "Numbers – an app…" names one thing).
pub(super) fn collective_gloss(part: &super::Part) -> Option<String> {
    let topic = &part.topic;
    let collective = part.substantive.first().is_some_and(|&i| {
        let mut w = part.ss[i].a.content().map(|w| w.norm.as_str());
        matches!(w.next(), Some("a" | "an"))
            && w.next()
                .is_some_and(|n| LEXICON.is(n, Role::CollectiveNoun))
            && w.next() == Some("of")
    });
    (collective && is_plural(&topic.analysis)).then(|| format!("What are {}?", topic.inline))
}

/// Does the section read as a glossary entry: a heading short enough to be
/// a term, naming no part of the text ("Introduction", "Steps",
/// "Motivation"), over a gloss? However a one-word term reads alone
/// ("Check", "JOIN", "Sharding"), its gloss makes it a thing. Returns how
/// the gloss opens.
pub(super) fn glossed(
    ask: &Ask,
    inline: &str,
    heading: &Analysis,
    first: Option<&Sent>,
) -> Option<Opens> {
    let one_word = inline.split_whitespace().count() == 1;
    let spelt_in_capitals = !inline.chars().any(char::is_lowercase);
    // ("Modeling and simulation software" over "Software that…", "General
    // purpose software" over "Software produced for…": a gloss naming the
    // heading's head noun first glosses a term, whatever its other words
    // would say alone.)
    let same_head = first.is_some_and(|s| {
        // (Its first word past the article and adjectives, whatever class
        // the tagger gives it.)
        let gloss_head =
            s.a.content()
                .find(|w| !matches!(w.pos, Pos::Det | Pos::Adj | Pos::Adv));
        let last = heading.content().last();
        gloss_head
            .zip(last)
            .is_some_and(|(g, l)| l.pos.is_nominal() && stem(&g.norm) == stem(&l.norm))
    });
    // ("Defending with cookies" names an activity, not a term.)
    let activity = !one_word
        && !same_head
        && inline
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ing"));
    let reads_as_term = !activity
        && match ask {
            Ask::Noun | Ask::Statement | Ask::Term => true,
            Ask::Gerund => one_word || same_head,
            Ask::Do => one_word || spelt_in_capitals,
            _ => false,
        };
    // ("How the shelter decides" asks a question; it names no term.)
    let asks = heading
        .content()
        .next()
        .is_some_and(|w| LEXICON.is(&w.norm, Role::QuestionWord));
    let term = reads_as_term
        && !asks
        && term_like(inline)
        && !heading.content().any(|w| {
            // ("It's the beer" is a sentence.)
            matches!(w.pos, Pos::Pron | Pos::Aux)
                || (!same_head && PART_OF_TEXT.iter().any(|&r| LEXICON.is(&w.norm, r)))
        });
    first.filter(|_| term).and_then(gloss)
}

/// The lesson's letter case (see `Casing`). A term set before its gloss,
/// "DELETE: removes rows…", is spelt as the writer spells the keyword: it
/// tells nothing of the house style of headings. Nor does a tip's label
/// ("**don't wear headphones** while you ride…") among headings: the
/// writer's words in a list, not a heading's style (in a text with three
/// headings of its own or more, which have one).
pub(super) fn casing_of(lesson: &Lesson, all_text: &[String]) -> Casing {
    let headed = lesson
        .sections
        .iter()
        .filter(|s| !s.tip && s.heading.is_some())
        .count()
        >= 3;
    let headings = || {
        lesson
            .sections
            .iter()
            .filter(move |s| !(headed && s.tip))
            .filter_map(|s| s.heading.as_deref())
    };
    Casing::learn(all_text)
        .with_headings(
            lesson
                .sections
                .iter()
                .filter(|s| !s.glossed)
                .filter_map(|s| s.heading.as_deref()),
        )
        .with_term_case(headings())
}

impl Maker {
    /// A heading read as advice that the section names as a thing, or a
    /// term its section glosses (`t`: the heading's analysis, inline
    /// words and text as written).
    pub(super) fn as_named(
        &self,
        ask: Ask,
        t: (&Analysis, &str, &str),
        section: &Section,
        ss: &[Sent],
        substantive: &[usize],
    ) -> Ask {
        let (analysis, inline, heading) = t;
        let body: Vec<&Analysis> = substantive.iter().map(|&i| &ss[i].a).collect();
        // (So does a heading that carried its gloss: "DELETE: removes
        // rows…" names a keyword; but not advice carrying more advice,
        // "Master the tool—learn everything about it".)
        let first = substantive.first().map(|&i| &ss[i]);
        let advice_on = ask == Ask::Do && first.is_some_and(|s| s.imperative);
        let named = names_a_thing(analysis, inline, &body)
            || self.kinds.contains(heading)
            || (section.glossed && !advice_on);
        let ask = if matches!(ask, Ask::Do | Ask::Gerund) && named {
            Ask::Noun
        } else {
            ask
        };
        // ("Before implementing accessibility" places advice; it names
        // no term.)
        if super::question::places_advice(analysis) {
            return ask;
        }
        let carried = first.filter(|s| section.glossed && s.piece == 0);
        // ("grep: prints the lines…" says what the term does.)
        if carried.is_some_and(|s| verb_gloss(s).is_some()) {
            return ask;
        }
        // (In a glossary, every short heading that asks nothing is a term:
        // "Sprint" over "Is an event where…".)
        // ("Bug tracker tool" is no advice to bug anything.)
        // (Under a heading naming one, "Some climbing lingo", too.)
        let in_glossary = self.title_kind.glossary
            || section
                .context
                .as_deref()
                .is_some_and(super::style::names_glossary);
        let entry = in_glossary
            && matches!(
                ask,
                Ask::Noun | Ask::Term | Ask::Statement | Ask::Do | Ask::Gerund
            )
            && !inline.contains('?')
            && inline.split_whitespace().count() <= 5;
        match glossed(&ask, inline, analysis, first).or(carried.and_then(carried_gloss)) {
            Some(opens) => Ask::Gloss(opens),
            // (Whether the term takes "a" is the dictionary's call: a noun
            // ever uncounted, "inclusion", "data", takes none.)
            None if entry => Ask::Gloss(Opens::Other),
            None => ask,
        }
    }
}

/// Heading words that name a part of the text, not a term.
const PART_OF_TEXT: [Role; 12] = [
    Role::SummaryHeading,
    Role::IntroHeading,
    Role::ExampleHeading,
    Role::AspectHeading,
    Role::NeedHeading,
    Role::ContentNoun,
    Role::ReferenceHeading,
    Role::WhyHeading,
    Role::WorkingsHeading,
    Role::StepsHeading,
    Role::NotesHeading,
    Role::ContentsLabel,
];

/// Is the heading short enough to be a term ("Primary key", "Row
/// (record)", "GROUP BY") rather than a sentence?
fn term_like(inline: &str) -> bool {
    let name = inline.split(" (").next().unwrap_or(inline);
    let n = name.split_whitespace().count();
    (1..=4).contains(&n) && !name.contains([',', ':', '?', '!'])
}

#[cfg(test)]
#[path = "gloss_tests.rs"]
mod tests;
