//! What the whole lesson shares, read before its sections: its apostrophe
//! and the short advice that heads a paragraph without a heading (the form
//! its headings take is `heading_style.rs`).

use super::answers::means_to_the_advice;
use super::ask::{Ask, lower_first};
use super::forms::{is_base, looks_plural};
use super::period::period;
use super::purpose::restates;
use super::question::defines;
use super::sentence::{Sent, content_stems};
use super::statement::case_and_advice;
use super::{Part, Topic};
use crate::lesson::language::{LEXICON, Pos, Role, analyse, known_verb};
use crate::lesson::read::{Lesson, Piece, PieceKind, Section};
use crate::lesson::text::{names_an_option, runs_a_command, sentences, stem};

/// A heading that gives advice for a case ("If you found a better name,
/// create the new name") asks for the advice: the case stays the heading
/// and the advice opens the section's text (see `case_and_advice`).
pub(super) fn cases_apart(lesson: &mut Lesson) {
    for s in &mut lesson.sections {
        let Some((case, advice)) = s.heading.as_deref().and_then(case_and_advice) else {
            continue;
        };
        s.heading = Some(case);
        s.body.insert(0, Piece::made(PieceKind::Para, advice));
    }
}

/// A short introduction (one to three sentences, too short to be a section
/// by itself) that says what the title's subject is ("Closures": "A
/// closure is…") is one, headed by the title, or by the thing it defines
/// when the title names that thing among others: the definition is worth
/// a card.
pub(super) fn defining_intro(lesson: &mut Lesson) {
    let stems = content_stems(&analyse(&lesson.title), &lesson.title);
    let ss: Vec<Sent> = lesson
        .intro
        .iter()
        .filter(|p| p.kind == PieceKind::Para)
        .flat_map(|p| sentences(&p.text))
        .map(|t| Sent::new(t, PieceKind::Para))
        .collect();
    let titled = lesson
        .sections
        .first()
        .is_some_and(|s| s.heading.as_deref() == Some(lesson.title.as_str()));
    if titled || !(1..=3).contains(&ss.len()) {
        return;
    }
    // "rbenv is a version manager…" under "Manage your Ruby environment
    // with rbenv": the introduction defines a thing the title names, and
    // is headed by it.
    let heading = if ss.len() >= 2 && ss.iter().any(|s| defines(s, &stems)) {
        lesson.title.clone()
    } else if let Some(named) = ss.iter().find_map(defined_subject).filter(|x| {
        content_stems(&analyse(x), x)
            .iter()
            .any(|w| stems.contains(w))
    }) {
        named
    } else {
        return;
    };
    let section = Section {
        heading: Some(heading),
        context: None,
        lead_in: None,
        sentence_heading: false,
        tip: false,
        glossed: false,
        step: false,
        body: lesson.intro.clone(),
        line: INTRO_LINE,
    };
    lesson.sections.insert(0, section);
}

/// "rbenv is a version manager…", "A closure is a function that…": the
/// thing a sentence defines by saying which kind of thing it is (a short
/// subject, then "is a/an/the"), without its article.
fn defined_subject(s: &Sent) -> Option<String> {
    let words: Vec<_> = s.a.content().collect();
    // ("A reading log is…": after "a" or "an", which only a noun phrase
    // opens, a word the tagger reads as a verb is a noun or qualifies one.)
    let article = words
        .first()
        .is_some_and(|w| matches!(w.norm.as_str(), "a" | "an"));
    let in_phrase = |k: usize| {
        let w = words[k];
        w.pos.is_nominal()
            || matches!(w.pos, Pos::Det | Pos::Adj)
            || (article && w.pos == Pos::Verb)
    };
    let v = (0..words.len()).find(|&k| {
        matches!(words[k].pos, Pos::Aux | Pos::Verb)
            && !(article && words[k].pos == Pos::Verb && k + 1 < words.len())
    })?;
    let kind_follows = words
        .get(v + 1)
        .is_some_and(|w| matches!(w.norm.as_str(), "a" | "an" | "the"));
    let plain = (0..v).all(in_phrase);
    if !(1..=4).contains(&v)
        || !matches!(words[v].norm.as_str(), "is" | "are")
        || !kind_follows
        || !plain
    {
        return None;
    }
    // ("The timeline is an abbreviated version of…": "the" points at
    // something of the page, not a kind of thing.)
    if matches!(
        words[0].norm.as_str(),
        "the" | "this" | "that" | "these" | "those"
    ) {
        return None;
    }
    let first = usize::from(words[0].pos == Pos::Det);
    let (from, to) = (words.get(first)?.start, words[v - 1].end);
    (from < to).then(|| s.text[from..to].to_string())
}

/// The line an introduction made a section by [`defining_intro`] gets: the
/// title's, where no heading of the lesson's own can stand.
const INTRO_LINE: usize = 1;

/// Is the section an introduction that [`defining_intro`] headed by what
/// it defines? It introduces the lesson's parts, and is none of them.
pub(super) fn is_defining_intro(section: &Section) -> bool {
    section.line == INTRO_LINE && section.heading.is_some()
}

/// Shortest program text [`lesson_sentences`] leaves out ("x" could be
/// any word's letter). Only text in lower case goes: that is what would
/// mislead ("Expires" set as code is the header's name as the prose
/// writes it).
const MIN_CODE_CHARS: usize = 3;

/// Every sentence of the lesson, to learn its casing and apostrophe from:
/// its prose, without its program text (`cargo build`, or "ufw enable"
/// joined from a code block, says nothing of how the lesson spells
/// "Cargo" or "UFW").
pub(super) fn lesson_sentences(lesson: &Lesson) -> Vec<String> {
    let prose = |p: &Piece| {
        let text = p
            .code
            .iter()
            .filter(|c| c.chars().count() >= MIN_CODE_CHARS && c.starts_with(char::is_lowercase))
            .fold(p.text.clone(), |t, c| t.replace(c.as_str(), ""));
        sentences(&text)
    };
    let mut all_text: Vec<String> = lesson.intro.iter().flat_map(prose).collect();
    for s in &lesson.sections {
        // (Not a part's heading the reader set as an item, line 0: a
        // heading's capitals are its style, not the word's.)
        all_text.extend(s.body.iter().filter(|p| p.line > 0).flat_map(prose));
    }
    all_text
}

/// The apostrophe questions use: the typographic one when the lesson writes
/// more of those than straight ones.
pub(super) fn apostrophe_of(all_text: &[String]) -> char {
    let count = |c: char| all_text.iter().map(|t| t.matches(c).count()).sum::<usize>();
    if count('\u{2019}') > count('\'') {
        '\u{2019}'
    } else {
        '\''
    }
}

/// A paragraph without a heading that opens with a short piece of advice
/// ("Date every page.") is headed by it: the sentence leaves the body.
/// Not a supposition or a turn of the story ("Let's say that you own a
/// shop.", "Let's flip that around."), nor words given to someone ("Hold
/// up, says the man in the back."): an essay speaks so, it gives no tip.
pub(super) fn take_openers(lesson: &Lesson, sents: &mut [Vec<Sent>]) -> Vec<Option<String>> {
    lesson
        .sections
        .iter()
        .zip(sents.iter_mut())
        .map(|(section, ss)| {
            let opens = section.heading.is_none()
                && ss.len() >= 2
                && ss[0].imperative
                && ss[0].words() <= 12
                && !ss[0].text.ends_with('?')
                && !spoken_or_supposed(&ss[0])
                // (Over quoted examples only, the advice is the section's
                // one statement, not its heading.)
                && ss[1..].iter().any(Sent::substantive);
            opens.then(|| {
                let first = ss.remove(0);
                first.text.trim_end_matches(['.', '!']).to_string()
            })
        })
        .collect()
}

/// "Let's say…", "Let us look…" or a line given to a speaker ("…, says
/// the man"): an imperative that gives no advice.
fn spoken_or_supposed(s: &Sent) -> bool {
    let words: Vec<&str> = s.a.content().map(|w| w.norm.as_str()).collect();
    let opening = s.text.to_lowercase().replace('\u{2019}', "'");
    let lets = ["let's ", "lets ", "let us "]
        .iter()
        .any(|l| opening.starts_with(l));
    lets || words
        .iter()
        .skip(1)
        .any(|w| LEXICON.is(w, Role::SpeechVerb))
}

/// "Summary", "Introduction", the title again: the heading names a part
/// of the lesson, so the question asks about the lesson. (Under another
/// heading, "Introduction" is a part of that: the first step of a
/// session, say.) "The 1970s", "Before 1900": a period of the lesson's
/// story asks what happened then.
pub(super) fn about_the_lesson(
    title: &str,
    kind: &TitleKind,
    topic: &Topic,
    nested: bool,
) -> Option<String> {
    let label = topic.inline.to_lowercase();
    if (topic.ask == Ask::Noun && topic.titled)
        || (!nested && LEXICON.is(&label, Role::IntroHeading))
    {
        return Some(format!("What is \u{201c}{}\u{201d} about?", title));
    }
    if let Some(when) = period(&label) {
        return Some(format!("\u{201c}{}\u{201d}: what happened {when}?", title));
    }
    // The title names what "one" or "this" stands for (not a title such
    // as "Frequently asked questions").
    // ("They" only for a title naming several: "Asymptotic notations".)
    let plural_title = title
        .split_whitespace()
        .last()
        .is_some_and(|w| looks_plural(&w.to_lowercase()));
    if topic.ask == Ask::Question
        && leans_on_the_subject(&topic.inline, plural_title)
        && !kind.of_questions
    {
        return Some(format!(
            "\u{201c}{title}\u{201d}: {}",
            lower_first(&topic.shown)
        ));
    }
    (!nested && LEXICON.is(&label, Role::SummaryHeading))
        .then(|| format!("What does \u{201c}{}\u{201d} come down to?", title))
}

/// Whether an advice or rule heading asks why or how (see [`question`]):
/// advice answered by a statement asks why ("Review within a day" — "A
/// change that waits for days goes stale"), advice answered by advice asks
/// how. Returns (why, method).
///
/// [`question`]: super::question::question
/// "Getting feedback is crucial for improving…" under "Collect feedback":
/// a statement that the advice's own thing is worth much (lexicon role
/// `emphasis`, after "is" and before "for" or "to") answers why, whatever
/// advice follows it on the back.
fn values_the_advice(s: &Sent, topic: &Topic) -> bool {
    let words: Vec<&str> = s.a.content().map(|w| w.norm.as_str()).collect();
    let Some(j) = (1..words.len().saturating_sub(1)).find(|&j| {
        LEXICON.is(words[j], Role::Emphasis)
            && matches!(words[j - 1], "is" | "are")
            && matches!(words[j + 1], "for" | "to")
    }) else {
        return false;
    };
    // (The subject's content words, as the sentence's own reading tagged
    // them.)
    let subject_names_it =
        s.a.content()
            .take(j - 1)
            .filter(|w| !w.pos.is_function() && w.norm.chars().count() > 2)
            .any(|w| topic.stems.contains(&stem(&w.norm)));
    !s.imperative && subject_names_it
}

pub(super) fn why_or_how(part: &Part, on_back: &[usize]) -> (bool, bool) {
    let (ss, topic) = (part.ss, &part.topic);
    let method = part.substantive.iter().any(|&i| ss[i].gives_method());
    // ("Don't be afraid to bold important text to help readers find it"
    // under "Bold important text": advice saying the heading's own again
    // gives no method; what it brings answers why.)
    let back_advises = on_back
        .iter()
        .any(|&i| ss[i].gives_method() && !restates(&ss[i], topic));
    // Advice answered by a statement, not by more advice, is answered
    // with what the advice brings about: the question asks why ("Review
    // within a day" — "A change that waits for days goes stale"). Advice
    // answered by advice asks how.
    // (A section's reason the back does not carry answers no why.)
    let reasonless = topic.why && !on_back.is_empty() && on_back.iter().all(|&i| !ss[i].reason);
    match (&topic.ask, on_back.first()) {
        (_, Some(_)) if on_back.iter().any(|&i| says_how(&ss[i], topic)) => (false, true),
        // ("Don't define words you don't use" — "This confuses readers
        // who look for them": what comes of it answers why not.)
        (Ask::Do | Ask::DoNot, Some(&first))
            if !topic.why
                && topic.mistake != super::mistake::Fault::Recast
                && !matches!(
                    topic.analysis.content().next().map(|w| w.norm.as_str()),
                    Some("be" | "have")
                ) =>
        {
            // (A "Why" heading under it asks why instead.)
            // (Nor does a pointer, or "There are tools like…", which only
            // says what exists.)
            // (Nor the writer's account of what they do, "We post the
            // videos on our site": what they do, not what it brings.)
            // (Nor advice said again with no reason on the back, "Switch
            // to the specified branch…" under "Switch to working branch":
            // it answers how, as nothing answers why.)
            // (A statement after it, "Your software is as much a product of
            // your research…", may be the reason unmarked.)
            let restated_bare = restates(&ss[first], topic)
                && on_back
                    .iter()
                    .all(|&i| ss[i].gives_method() && !ss[i].reason);
            let states = super::purpose::follows_restatement(part, on_back)
                || ((!back_advises || values_the_advice(&ss[first], topic))
                    && !restated_bare
                    && !ss[first].personal
                    && !ss[first].is_background()
                    && !ss[first].pointer
                    && !existential(&ss[first])
                    && !ss[first].text.ends_with('?')
                    && !topic.why_below);
            (states, back_advises || (method && !states))
        }
        // A rule ("Functions should do one thing") answered by a
        // statement, not by a method, is answered with why it holds.
        (Ask::Statement, Some(&first))
            if !topic.why
                && !topic.why_below
                && topic
                    .analysis
                    .content()
                    .any(|w| matches!(w.norm.as_str(), "should" | "must"))
                && !back_advises
                && !ss[first].narrated =>
        {
            (true, false)
        }
        // The section gives a reason, but the back only advises or says
        // what "you could" do: the question asks how, as the back answers.
        _ if topic.why
            && !on_back.is_empty()
            && on_back
                .iter()
                .all(|&i| ss[i].gives_method() && !ss[i].reason) =>
        {
            (false, true)
        }
        _ if reasonless => (false, method),
        _ => (topic.why, method),
    }
}

/// A back opening on a step done by running a command ("Unstage all
/// files. Run: git reset.", "Open a shell and run this command to set
/// it: wsl --set-default 2.") or on the means to the advice ("By creating
/// a volume…, you can persist the data") answers how, whatever else it
/// says.
fn says_how(first: &Sent, topic: &Topic) -> bool {
    // ("Using curl's option --verbose will display…" under "See the
    // protocol": a command-line option is the means to a tool's task.)
    let option = matches!(topic.ask, Ask::Do | Ask::DoNot) && names_an_option(&first.text);
    runs_a_command(&first.text) || first.command || option || means_to_the_advice(first, topic)
}

/// "There are tools like…", "There will be many plans…": a sentence
/// saying only what exists.
pub(super) fn existential(s: &Sent) -> bool {
    let mut words = s.a.content();
    words.next().is_some_and(|w| w.norm == "there")
        && words
            .next()
            .is_some_and(|w| matches!(w.pos, Pos::Aux | Pos::Verb))
}

/// A heading over a list of sources: its head word, the last, names them
/// ("Further reading", "Learning resources"; not "Reading files").
pub(super) fn lists_sources(heading: &str) -> bool {
    // ("Include a table of contents" advises: a verb, then an article.)
    let lower = heading.to_lowercase();
    let mut words = lower.split_whitespace();
    // ("Map out your vision and resources" too: a verb opening three
    // words or more, but "Learn more about…", which points to reading.)
    let long = lower.split_whitespace().count() >= 3;
    let advises = matches!(
        (words.next(), words.next()),
        (Some(verb), Some("a" | "an" | "the" | "your" | "our" | "their" | "this" | "these"))
            if known_verb(verb) == Some(true)
    ) || matches!(
        (lower.split_whitespace().next(), lower.split_whitespace().nth(1)),
        (Some(verb), Some(next)) if long
            && known_verb(verb) == Some(true)
            && is_base(verb)
            && !matches!(next, "more" | "about" | "of" | "for" | "and" | "to" | "on" | "in")
            && !verb.ends_with("ing")
    );
    !advises
        && heading
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| LEXICON.is(&w.to_lowercase(), Role::ReferenceHeading))
}

/// "Why keep one?", "Who needs this?", "What does it leave out?": a short
/// question whose pronoun stands for the lesson's subject, which only the
/// title names.
pub(super) fn leans_on_the_subject(question: &str, plural_title: bool) -> bool {
    let words: Vec<String> = question
        .split_whitespace()
        .map(|w| w.trim_end_matches(['?', '.', '!']).to_lowercase())
        .collect();
    // ("Doesn't this discourage fast iteration?": "this" as the subject
    // after the opening auxiliary stands for what the lesson is about.)
    // (Tagged only when it may be so: a question of ten words at most.)
    let asks = question.trim_end().ends_with('?');
    let this_asked = asks && words.len() <= 10 && {
        let a = analyse(question);
        let mut tokens = a
            .content()
            .filter(|w| !matches!(w.norm.as_str(), "n't" | "not"));
        tokens.next().is_some_and(|w| w.pos == Pos::Aux)
            && tokens.next().is_some_and(|w| w.norm == "this")
    };
    asks && (this_asked || words.len() <= 6)
        && (this_asked
            || words
                .last()
                .is_some_and(|w| matches!(w.as_str(), "one" | "this" | "that" | "them" | "it"))
            || words[1..]
                .iter()
                .any(|w| w == "it" || (plural_title && w == "they")))
}

#[path = "title_kind.rs"]
mod title_kind;
pub(super) use title_kind::{TitleKind, names_glossary, names_questions_to_ask};

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn a_short_question_with_a_pronoun_leans_on_the_subject() {
        assert!(leans_on_the_subject("Why keep one?", false));
        assert!(leans_on_the_subject("What does it leave out?", false));
        assert!(!leans_on_the_subject("Can I send alerts?", false));
        // "They" stands for a title naming several things.
        assert!(leans_on_the_subject("What are they?", true));
        assert!(!leans_on_the_subject("Why do they want you?", false));
        assert!(leans_on_the_subject(
            "Doesn't this discourage rapid development and fast iteration?",
            false
        ));
        assert!(!leans_on_the_subject(
            "Does the cache discourage rapid development and fast iteration?",
            false
        ));
    }

    #[test]
    fn advice_whose_back_says_its_thing_is_worth_much_asks_why() {
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Running a choir\n\n## Record every rehearsal\n\n\
             Hearing a recording is essential for fixing the tuning of each part. \
             Remember to play it back before the next rehearsal.\n",
        );
        assert_eq!(fronts[0], "Why should you record every rehearsal?");
    }

    #[test]
    fn advice_said_again_with_no_reason_asks_how_not_why() {
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Working with branches\n\n1. **Open the project folder**. In your terminal, switch to the folder that holds the project.\n1. **Check the state**. To check the state of the project type:\n\n   ```bash\n   vcs state\n   ```\n\n1. **Switch to a branch**. Switch to the named branch and refresh the files with vcs switch:\n\n   ```bash\n   vcs switch [name]\n   ```\n",
        );
        for f in [
            "How should you open the project folder?",
            "How should you check the state?",
            "How should you switch to a branch?",
        ] {
            assert!(fronts.contains(&f.to_string()), "{f}: {fronts:?}");
        }
        // An opening phrase or a purpose before the advice, or the verb
        // before a command, still leaves advice.
        let advice = |t: &str| super::super::forms::advises(&crate::lesson::language::analyse(t));
        assert!(advice("In your terminal, switch to the folder."));
        assert!(advice("To check the state of the project type: vcs state."));
        assert!(!advice("In your project the state is kept: vcs state."));
    }

    #[test]
    fn a_supposition_or_a_quoted_line_heads_no_paragraph() {
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Estimates\n\nHold up says the man in the back. I am not making these estimates up. I only ask that they are met.\n\nLet's say that you own a small bakery. You have two bakers who make bread every day. One promises a lot and the other promises little.\n\nDate every page. A dated page shows when each idea came and what it replaced.\n",
        );
        assert!(
            !fronts
                .iter()
                .any(|f| f.contains("hold up") || f.contains("let's say")),
            "{fronts:?}"
        );
        // (Advice opening a paragraph still heads it.)
        assert!(
            fronts
                .iter()
                .any(|f| f.to_lowercase().contains("date every page")),
            "{fronts:?}"
        );
    }

    #[test]
    fn only_a_heading_headed_by_sources_lists_them() {
        assert!(lists_sources("Further reading"));
        assert!(lists_sources("Learning resources"));
        assert!(!lists_sources("Reading files"));
        assert!(lists_sources("Table of contents"));
        // Advice to make one is no list of sources.
        assert!(!lists_sources("Include a table of contents"));
        // (Advice of three words or more, whatever it ends on.)
        assert!(!lists_sources("Map out your vision and resources"));
        assert!(lists_sources("Learn more about other resources"));
    }
}
