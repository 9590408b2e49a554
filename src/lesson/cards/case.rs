//! Headings placing their section in a case ("When the dough dries out",
//! "If you need to, you can skip meetings"), asked what to do then, or
//! when (see docs/lessons.md, "Point cards"); the writer's own case ("I
//! have a wheat starter") is said back in the reader's words.

use crate::lesson::language::{Analysis, Pos, Word, analyse, known_verb};
use crate::lesson::text::word_count;

use super::ask::{article_lowered, lower_first};
use super::forms::{activity_done, gerund_base, is_base};
use super::question::rest_from;
use super::sentence::Sent;
use super::statement::invert;
use crate::lesson::casing::Casing;
use crate::lesson::read::numbered_as;

/// A heading placing its section in a case ("When the dough dries out",
/// "If the build fails"): what to do then; but over a section that gives
/// no advice and states when ("Renting wins when you expect to move";
/// see [`states_when`]), "When…?" asks for the case itself: "When renting
/// wins" → "When does renting win?". A condition with its verb left out
/// asks when instead (see [`elided_case`]); any other case over such a
/// section asks what happens then.
pub(super) fn case_question(h: &Analysis, text: &str, when: bool, apostrophe: char) -> String {
    if let Some(q) = elided_case(text) {
        return q;
    }
    let case = in_readers_words(h, text).unwrap_or_else(|| lower_first(text));
    let first = h.content().next().map(|w| w.norm.as_str());
    if when && first == Some("when") {
        let rest = rest_from(&analyse(&case), &case, 1);
        if let Some(q) = invert(&analyse(&rest), &rest, apostrophe, true) {
            return format!("When {q}?");
        }
    }
    // ("If the queue is empty" over what the loop then does: no advice, so
    // what happens.)
    if when {
        return format!("What happens {case}?");
    }
    format!("What should you do {case}?")
}

/// "If you need to, you can skip meetings", "If needed, you may leave
/// early": a condition with its verb left out names no case to ask about;
/// what the reader "can" or "may" do then is asked when: "When can you
/// skip meetings?".
pub(super) fn elided_case(text: &str) -> Option<String> {
    let (case, rest) = text.split_once(", ")?;
    let case = case.to_lowercase();
    let elided = case.ends_with(" to")
        || [
            "if needed",
            "if necessary",
            "if possible",
            "when needed",
            "when possible",
        ]
        .contains(&case.as_str());
    let rest = rest.trim_end_matches(['.', '!']);
    let (modal, done) = ["you can ", "you may "]
        .iter()
        .find_map(|m| rest.strip_prefix(m).map(|d| (m.split(' ').nth(1), d)))?;
    (elided && word_count(&case) <= 5)
        .then(|| format!("When {} you {done}?", modal.unwrap_or("can")))
}

/// "The server will respond with 304 if the content has not changed": a
/// statement whose condition follows its main clause answers when the
/// main clause holds: "When will the server respond with 304?". Not
/// advice, not a subject that is a pronoun (it stands for a sentence the
/// card does not show), and not a main clause with a comma.
pub(super) fn when_question(s: &Sent, apostrophe: char) -> Option<String> {
    // (An "if" inside brackets, "a status line (indicating if things went
    // well)", is an aside's, not the sentence's condition.)
    let at = s
        .text
        .match_indices(" if ")
        .map(|(i, _)| i)
        .find(|&i| s.text[..i].matches('(').count() == s.text[..i].matches(')').count())?;
    let (main, condition) = (&s.text[..at], &s.text[at + 4..]);
    let first = s.a.content().next()?;
    let pronoun = first.pos == Pos::Pron || matches!(first.norm.as_str(), "this" | "that");
    let subject = matches!(first.pos, Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj);
    // ("…a good idea if you could…", "check if it runs": "if" as
    // "whether" names no condition.)
    let whether = main.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "idea"
                | "know"
                | "see"
                | "check"
                | "ask"
                | "wonder"
                | "decide"
                | "sure"
                | "tell"
                | "determine"
                | "test"
                | "clear"
                | "unclear"
        )
    });
    // ("…does an argument check and if it's not correct, it will…",
    // "…makes sure that if…": the condition opens the next clause, not
    // this one's.)
    // ("…is treated as if it were…", "…works even if…": a likeness or a
    // concession, no condition.)
    let joined = main.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "and" | "or" | "but" | "so" | "as" | "even" | "that"
        )
    });
    // ("The rule is that x fits y if y has…", "Users assume that if…":
    // a clause after a verb and "that" holds the condition, not the main
    // one.)
    let words = &s.a.words;
    let complement = words.windows(2).any(|p| {
        p[1].norm == "that" && p[1].start < at && matches!(p[0].pos, Pos::Verb | Pos::Aux)
    });
    if s.imperative
        || pronoun
        || !subject
        || whether
        || joined
        || complement
        || main.contains([',', ';', ':'])
        || word_count(main) < 3
        || word_count(condition) < 3
        || condition.contains(" if ")
    {
        return None;
    }
    // ("The server" reads "the server" after "When will"; a name keeps
    // its capital.)
    let main = article_lowered(main, first.pos == Pos::Det);
    let asked = invert(&analyse(&main), &main, apostrophe, true)?;
    // (A question longer than the clause it asks about is no question.)
    (word_count(&asked) <= 16).then(|| format!("When {asked}?"))
}

/// A statement in the first person singular ("I have a wheat starter"),
/// said back to the reader ("you have a wheat starter"); `None` when the
/// heading does not speak as "I".
pub(super) fn in_readers_words(h: &Analysis, text: &str) -> Option<String> {
    let mut out = String::new();
    let mut at = 0;
    let mut first_person = false;
    let mut prev = "";
    for w in &h.words {
        let swap = match w.norm.as_str() {
            "i" => Some("you"),
            "my" => Some("your"),
            "me" => Some("you"),
            "mine" => Some("yours"),
            "myself" => Some("yourself"),
            "'m" if prev == "i" => Some("'re"),
            "am" if prev == "i" => Some("are"),
            "was" if prev == "i" => Some("were"),
            _ => None,
        };
        prev = &w.norm;
        if let Some(swap) = swap {
            first_person = true;
            out.push_str(&text[at..w.start]);
            out.push_str(swap);
            at = w.end;
        }
    }
    out.push_str(&text[at..]);
    first_person.then(|| lower_first(out.trim_end_matches(['.', '!', '?']).trim_end()))
}

/// "Can't make it small enough": a statement whose subject is left out
/// before its negation is the reader's case, asked "What if you…?".
pub(super) fn readers_case(words: &[&Word]) -> bool {
    words
        .get(1)
        .is_some_and(|w| matches!(w.norm.as_str(), "n't" | "not"))
}

/// "How do you install UFW on Ubuntu?": a heading that is one name,
/// under a parent naming a task by its gerund ("Installing UFW",
/// "Step 1 - Installing UFW"): the task done on that platform.
pub(super) fn task_on(casing: &Casing, heading: &str, parent: &str) -> Option<String> {
    let name = casing.inline_words(heading).join(" ");
    if name.contains(' ') || !name.starts_with(char::is_uppercase) {
        return None;
    }
    let task = casing.inline_words(&unnumbered(parent)).join(" ");
    let (gerund, object) = task.split_once(' ')?;
    let done = activity_done(&task).or_else(|| {
        // ("installing UFW": a gerund before a name it acts on.)
        let base = gerund_base(gerund).filter(|_| object.starts_with(char::is_uppercase))?;
        Some(format!("{base} {object}"))
    })?;
    Some(format!("How do you {done} on {name}?"))
}

/// "Step 1 - Installing UFW" → "Installing UFW": a heading without its
/// numbering ("Step 1 - ", "2. ").
/// "How do you start the server using the scripts?": a heading naming a
/// means ("Using the scripts", "With the image") under a parent that
/// advises a task ("Step 2: Start the server"): the task done that way.
pub(super) fn task_by(casing: &Casing, heading: &str, parent: &str) -> Option<String> {
    let means = casing.inline_words(heading).join(" ");
    let opener = means.split_whitespace().next()?.to_lowercase();
    if !matches!(opener.as_str(), "using" | "with" | "via") || word_count(&means) < 2 {
        return None;
    }
    let task = casing.inline_words(&unnumbered(parent)).join(" ");
    let verb = task.split_whitespace().next()?.to_lowercase();
    // (Not a task that names its means already: "Minimize risk by
    // ignoring scripts".)
    let advises = known_verb(&verb) == Some(true)
        && is_base(&verb)
        && word_count(&task) >= 2
        && !task.contains(" by ");
    let means = lower_first(&means);
    advises.then(|| format!("How do you {} {means}?", lower_first(&task)))
}

fn unnumbered(heading: &str) -> String {
    match numbered_as(heading) {
        Some(label) => {
            let rest = heading
                .split_whitespace()
                .skip(usize::from(!label.is_empty()) + 1);
            rest.skip_while(|w| matches!(*w, "-" | "\u{2013}" | "\u{2014}" | ":"))
                .collect::<Vec<_>>()
                .join(" ")
        }
        None => heading.to_string(),
    }
}

/// "Solution 2" under "pnpm does not work with my project?": a part named
/// only by a label and its number names nothing to ask about; it is asked
/// under its parent, "Pnpm does not work with my project: what is
/// solution 2?". (Steps have their own questions.)
pub(super) fn numbered_part(casing: &Casing, heading: &str, parent: &str) -> Option<String> {
    let label = numbered_as(heading).filter(|l| !l.is_empty() && l != "step")?;
    let parent = unnumbered(parent);
    let parent = parent.trim_end_matches(['?', ':', '.', '!']).trim();
    if heading.split_whitespace().count() != 2 || parent.is_empty() || label.len() < 3 {
        return None;
    }
    let shown = casing.sentence_case(parent);
    Some(format!("{shown}: what is {}?", heading.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    fn asked(text: &str) -> Option<String> {
        when_question(&Sent::new(text.to_string(), PieceKind::Para), '\'')
    }

    #[test]
    fn a_means_under_a_task_asks_how_the_task_is_done_that_way() {
        let casing = Casing::default();
        assert_eq!(
            task_by(
                &casing,
                "Using the bundled scripts",
                "Step 2: Start the server"
            )
            .as_deref(),
            Some("How do you start the server using the bundled scripts?")
        );
        assert_eq!(
            task_by(&casing, "With a container", "Run the tests").as_deref(),
            Some("How do you run the tests with a container?")
        );
        // (Not under a topic, nor under a task with its means.)
        assert_eq!(task_by(&casing, "Using the scripts", "Server basics"), None);
        assert_eq!(
            task_by(&casing, "Using a list", "Cut risk by ignoring scripts"),
            None
        );
    }

    #[test]
    fn a_condition_after_its_clause_asks_when() {
        assert_eq!(
            asked("The server will respond with a short reply if the page has not changed.")
                .as_deref(),
            Some("When will the server respond with a short reply?")
        );
        assert_eq!(
            asked("A graft fails if the cut surfaces dry out.").as_deref(),
            Some("When does a graft fail?")
        );
        // (After "that", the condition is the clause's that "that" opens.)
        assert_eq!(
            asked(
                "Any plan can be made safe by making sure that if a step fails, it can be undone."
            ),
            None
        );
        // (An "if" in brackets is an aside's.)
        assert_eq!(
            asked("The server sends a status line (saying if all went well) and headers.")
                .as_deref(),
            None
        );
        // (Advice, a pronoun subject, or a condition up front ask nothing.)
        assert_eq!(asked("Water the graft if the cut surfaces dry out."), None);
        assert_eq!(asked("It fails if the cut surfaces dry out."), None);
        assert_eq!(asked("If the cut surfaces dry out, the graft fails."), None);
        assert_eq!(asked("Now you know if the graft has taken."), None);
        assert_eq!(asked("The gardener can tell if the graft has taken."), None);
        // (A clause after a verb and "that" holds the condition.)
        assert_eq!(
            asked("The basic rule is that a fits b if b has every member of a."),
            None
        );
        assert_eq!(
            asked("Users sometimes assume that if a call is quiet nothing happens."),
            None
        );
        // ("as if", "even if": a likeness or a concession.)
        assert_eq!(
            asked("A trailing list is treated as if it were many single items."),
            None
        );
        // ("…and if": the condition opens the clause after.)
        assert_eq!(
            asked("The gardener checks the graft and if it has failed, she cuts it back."),
            None
        );
    }

    #[test]
    fn a_case_over_a_section_that_gives_no_advice_asks_what_happens() {
        use crate::lesson::cards::question::tests::lesson_fronts;
        let fronts = lesson_fronts(
            "# The print queue\n\n## If the queue is full\n\nIf the queue is full, the \
             spooler turns new jobs away until a slot frees up.\n\n## If a job jams\n\n\
             Open the front cover and pull the sheet out slowly, because a torn sheet \
             leaves scraps behind.\n",
        );
        assert_eq!(fronts[0], "What happens if the queue is full?");
        assert_eq!(fronts[1], "What should you do if a job jams?");
    }

    #[test]
    fn an_idiom_of_denial_reports_no_trouble() {
        use crate::lesson::cards::question::tests::lesson_fronts;
        // ("no such" is a symptom, "No such file"; not "no such thing as".)
        let fronts = lesson_fronts(
            "# Giving talks\n\n## There is no such thing as an old talk\n\n\
             Always remember that every audience is new, even if you gave the same \
             talk last month. Many people will find the topic fresh.\n",
        );
        assert!(
            !fronts.is_empty()
                && !fronts
                    .iter()
                    .any(|f| f.starts_with("What should you do if")),
            "{fronts:?}"
        );
    }

    #[test]
    fn a_part_named_by_its_number_is_asked_under_its_parent() {
        let casing = Casing::default();
        assert_eq!(
            numbered_part(&casing, "Option 2", "Step 3 - Adding a rule").as_deref(),
            Some("Adding a rule: what is option 2?")
        );
        assert_eq!(
            numbered_part(&casing, "Solution 1", "The build fails on my laptop?").as_deref(),
            Some("The build fails on my laptop: what is solution 1?")
        );
        // (A step, or a label with more words, is asked otherwise.)
        assert_eq!(numbered_part(&casing, "Step 2", "Planting"), None);
        assert_eq!(
            numbered_part(&casing, "Option 2: use a file", "Rules"),
            None
        );
    }
}
