//! A section whose text is a list of steps ("1. Create a user…", "2.
//! Install nginx…") is answered by its steps, not by one of them (see
//! docs/lessons.md, "Steps").

use std::ops::RangeInclusive;

use super::ask::Ask;
use super::sentence::Sent;
use super::{BACK_CHARS, Part};
use crate::lesson::language::{LEXICON, Role, known_verb};
use crate::lesson::read::PieceKind;
use crate::lesson::text::{RUN, capitalise, runs_a_command, stem, word_count};

/// How many steps a back lists, fewest and most.
const STEPS: RangeInclusive<usize> = 2..=8;
/// Longest back the steps make, in characters.
const STEPS_CHARS: usize = 300;

/// Is the section, or the heading it sits under, a checklist ("Checklist",
/// lexicon role `checklist-heading`)? Its items are in no order.
pub(super) fn checklist(part: &Part) -> bool {
    [Some(&part.topic.inline), part.section.context.as_ref()]
        .into_iter()
        .flatten()
        .any(|h| {
            let words: Vec<String> = h
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            (0..words.len()).any(|k| LEXICON.opens_with(&words[k..], Role::ChecklistHeading))
        })
}

/// The first sentence of each step, when the section's text is a list of
/// them: items of a numbered list (or of any list, under a heading that
/// says what to do), most opening with advice, and at most one sentence of
/// substance besides (the lead-in).
pub(super) fn steps(part: &Part) -> Option<Vec<usize>> {
    if checklist(part) {
        return None;
    }
    let ss = part.ss;
    let firsts: Vec<usize> = piece_firsts(ss)
        .into_iter()
        .filter(|&i| ss[i].kind == PieceKind::Item)
        .collect();
    if !STEPS.contains(&firsts.len()) {
        return None;
    }
    let body = &part.section.body;
    let numbered = firsts.iter().all(|&i| body[ss[i].piece].numbered);
    // ("Prepare answers to these questions" over a bulleted list: the
    // items are what the advice is about, not steps.)
    let says_how = matches!(part.topic.ask, Ask::HowTo | Ask::Gerund);
    // (Most steps read as advice: the tagger takes the odd verb for an
    // adjective, "Open ports 80 and 443".)
    let advising = firsts.iter().filter(|&&i| ss[i].imperative).count();
    let advice = advising * 3 >= firsts.len() * 2
        && firsts
            .iter()
            .all(|&i| !ss[i].lead_in && !ss[i].quoted && !ss[i].text.ends_with('?'));
    let besides = part
        .substantive
        .iter()
        .filter(|&&i| ss[i].kind != PieceKind::Item)
        .count();
    // (Advice whose whole text is its list, "Pot on" over "Choose a
    // pot…", "Water the plant…", is done by those steps too.)
    let only_steps = besides == 0 && part.topic.ask == Ask::Do;
    ((numbered || says_how || only_steps) && advice && besides <= 1).then_some(firsts)
}

/// The steps as a back, one sentence: each step's first sentence, or only
/// its first clause when together they run long, joined by semicolons;
/// `None` when even those do not fit.
pub(super) fn steps_back(ss: &[Sent], firsts: &[usize]) -> Option<String> {
    let commanded: Vec<String> = firsts.iter().map(|&i| with_command(ss, i)).collect();
    let whole: Vec<String> = firsts.iter().map(|&i| ss[i].text.clone()).collect();
    joined(&commanded, None)
        .or_else(|| joined(&whole, None))
        .or_else(|| {
            let clauses: Vec<String> = whole.iter().map(|t| first_clause(t)).collect();
            joined(&clauses, None)
        })
}

/// A step's first sentence with the command that does it, when the
/// next sentence of its item gives one ("Make a project folder. Run:
/// mkdir notes." → "Make a project folder: mkdir notes").
fn with_command(ss: &[Sent], i: usize) -> String {
    let first = &ss[i].text;
    match ss.get(i + 1).filter(|n| n.piece == ss[i].piece) {
        Some(n) if runs_a_command(&n.text) => format!(
            "{}: {}",
            first.trim_end_matches('.'),
            n.text[RUN.len()..].trim_end_matches('.')
        ),
        _ => first.clone(),
    }
}

/// The items as one sentence after the lead-in, if any ("The main uses:
/// low latency…; mobile clients…"), joined by semicolons; `None` when they
/// do not fit.
fn joined(items: &[String], lead: Option<&str>) -> Option<String> {
    let parts: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let t = item_end(t);
            // ("Apache Ignite (…)": two capitalised words open a name,
            // kept as written.)
            let named = t
                .split(' ')
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            if k == 0 && lead.is_none() {
                capitalise(t)
            } else if named {
                t.to_string()
            } else {
                lower_first(t)
            }
        })
        .collect();
    let back = match lead {
        Some(l) => format!("{}: {}.", capitalise(l), parts.join("; ")),
        None => format!("{}.", parts.join("; ")),
    };
    (back.chars().count() <= STEPS_CHARS).then_some(back)
}

/// An item without the marks that joined it to the next in its list:
/// "Apologizing when you are wrong," and "…something new, and" end bare,
/// as does a step leading on to the next ("…wait for the clone, then").
fn item_end(t: &str) -> &str {
    let t = t.trim().trim_end_matches(['.', '!', ';', ',']);
    t.strip_suffix(" and")
        .or_else(|| t.strip_suffix(" or"))
        .or_else(|| t.strip_suffix(" then"))
        .map_or(t, |t| t.trim_end_matches([',', ';']))
}

/// The point's answer when its best sentence is an item of a short list,
/// or the lead-in that announces one ("The main usage scenarios:"): the
/// whole list, after its lead-in, not one of its items (see
/// docs/lessons.md, "Lists").
pub(super) fn whole_list(ss: &[Sent], best: usize) -> Option<(Vec<usize>, String)> {
    list_from(ss, best, false)
}

/// The lead-in `lead` and the short list it announces, the lead-in kept
/// even when it leans on the sentence before ("It checks four things:"),
/// which the back shows before it.
pub(super) fn list_after(ss: &[Sent], lead: usize) -> Option<(Vec<usize>, String)> {
    if ss.get(lead).is_none_or(|l| !l.lead_in) {
        return None;
    }
    list_from(ss, lead, true)
}

fn list_from(ss: &[Sent], best: usize, leaning_lead: bool) -> Option<(Vec<usize>, String)> {
    let firsts = piece_firsts(ss);
    let item = |i: usize| ss[i].kind == PieceKind::Item;
    let at = firsts.iter().rposition(|&f| f <= best)?;
    let start = if item(best) {
        let before = firsts[..at].iter().rev().take_while(|&&f| item(f)).count();
        at - before
    } else if ss[best].lead_in
        && firsts
            .get(at + 1)
            .is_some_and(|&f| f == best + 1 && item(f))
    {
        at + 1
    } else {
        return None;
    };
    let run = item_run(ss, &firsts[start..]);
    // Items of one sentence each, neither questions nor labelled ("Care:
    // start by…"): items of several sentences, or labels, are sections'
    // worth of text each, and would not fit.
    let one_sentence = |f: usize| ss.get(f + 1).is_none_or(|n| n.piece != ss[f].piece);
    let plain = |f: usize| {
        let s = &ss[f];
        !s.quoted && !s.lead_in && !s.labelled && !s.text.ends_with('?') && one_sentence(f)
    };
    if !STEPS.contains(&run.len()) || !run.iter().all(|&f| plain(f)) {
        return None;
    }
    // The lead-in names what the items are; one that only points at them
    // ("For example:") adds nothing.
    let lead = (run[0] > 0 && ss[run[0] - 1].lead_in)
        .then(|| &ss[run[0] - 1])
        .filter(|l| !l.pointer && (l.leans.is_none() || leaning_lead) && word_count(&l.text) >= 2)
        .map(|l| l.text.trim_end_matches(':').trim_end().to_string());
    let items: Vec<String> = run.iter().map(|&f| without_examples(&ss[f].text)).collect();
    let back = joined(&items, lead.as_deref())?;
    Some((run, back))
}

/// Most words of an item's first sentence in a list of advice answering
/// "how" (see [`advice_list`]).
const ADVICE_ITEM_WORDS: usize = 20;

/// "How to receive feedback well" over "A few tips:" and a list: the
/// question asks how, and the list the section announces is the answer,
/// each item by its first sentence when all fit on a back.
pub(super) fn advice_list(ss: &[Sent]) -> Option<(Vec<usize>, String)> {
    let firsts = piece_firsts(ss);
    let item = |i: usize| ss[i].kind == PieceKind::Item;
    let at = firsts.iter().position(|&f| {
        ss[f..]
            .iter()
            .take_while(|s| s.piece == ss[f].piece)
            .last()
            .is_some_and(|l| l.lead_in)
            && firsts.iter().any(|&n| n > f && item(n))
    })?;
    let start = firsts.iter().position(|&n| n > firsts[at] && item(n))?;
    let run = item_run(ss, &firsts[start..]);
    let fits = |f: usize| {
        let s = &ss[f];
        !s.quoted
            && !s.labelled
            && !s.text.ends_with('?')
            && word_count(&s.text) <= ADVICE_ITEM_WORDS
    };
    if !STEPS.contains(&run.len()) || !run.iter().all(|&f| fits(f)) {
        return None;
    }
    let items: Vec<String> = run.iter().map(|&f| without_examples(&ss[f].text)).collect();
    let back = joined(&items, None)?;
    Some((run, back))
}

/// "Layered design to enable extension, e.g. authentication and logging"
/// → "Layered design to enable extension": the examples an item ends with,
/// when at least three words stand before them.
fn without_examples(item: &str) -> String {
    let lower = item.to_lowercase();
    let cut = [
        " e.g.",
        " eg.",
        ", for example",
        " (for example",
        ", such as",
        " (e.g.",
    ]
    .iter()
    .filter_map(|m| lower.find(m))
    .filter(|&at| word_count(&item[..at]) >= 3)
    .min();
    match cut {
        Some(at) => item[..at].trim_end_matches([',', ' ']).to_string(),
        None => item.to_string(),
    }
}

/// The first sentences of the list items that open `firsts`, without an
/// item saying only that the list goes on.
fn item_run(ss: &[Sent], firsts: &[usize]) -> Vec<usize> {
    firsts
        .iter()
        .copied()
        .take_while(|&f| ss[f].kind == PieceKind::Item)
        .filter(|&f| !goes_on(&ss[f].text))
        .collect()
}

/// The index of each piece's first sentence, in order.
pub(super) fn piece_firsts(ss: &[Sent]) -> Vec<usize> {
    (0..ss.len())
        .filter(|&i| i == 0 || ss[i - 1].piece != ss[i].piece)
        .collect()
}

/// "etc.", "and more…": an item saying only that the list goes on.
pub(super) fn goes_on(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '\u{2026}', ')'])
        .trim_start_matches('(')
        .to_lowercase();
    matches!(
        t.as_str(),
        "etc" | "and more" | "and so on" | "and so forth" | "..." | ""
    )
}

/// The index of each list item's first sentence: the first of each piece
/// that is an item (an item with no sentence starts none).
pub(super) fn item_starts(ss: &[Sent]) -> Vec<usize> {
    piece_firsts(ss)
        .into_iter()
        .filter(|&i| ss[i].kind == PieceKind::Item)
        .collect()
}

/// "Install nginx" → "install nginx" inside the sentence; a name the
/// dictionary does not know keeps its capital.
fn lower_first(step: &str) -> String {
    let first = step.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let plain_word = first.chars().skip(1).all(char::is_lowercase);
    // (The dictionary knows the word: it is no name.)
    if plain_word && known_verb(&lower).is_some() {
        format!("{lower}{}", &step[first.len()..])
    } else {
        step.to_string()
    }
}

/// "Install nginx, which serves the pages." → "Install nginx": a step up to
/// its first comma, semicolon, colon, dash or bracket, when three words or
/// more stand before it.
fn first_clause(step: &str) -> String {
    let cut = [", ", "; ", ": ", " (", " - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| step.find(sep))
        .filter(|&at| word_count(&step[..at]) >= 3)
        .min();
    match cut {
        Some(at) => step[..at].to_string(),
        None => step.to_string(),
    }
}

/// A short list the point announces (see docs/lessons.md, "Lists"): the
/// best sentence followed by a lead-in and its list ("Cargo-deny lints
/// your dependencies. It checks four things:" and four items) answers
/// with the list after it; a lead-in naming the heading's subject before
/// the best sentence ("A useful agenda has three parts:") is the answer
/// itself, when the question asks about a thing, not why; so is a lead-in
/// opening the section under a question heading ("What's on the test?"
/// over "The test covers these areas:").
pub(super) fn with_its_list(
    part: &Part,
    chosen: &[usize],
) -> Option<(Vec<usize>, String, &'static str)> {
    let (ss, topic) = (part.ss, &part.topic);
    let &best = chosen.first()?;
    let single = chosen.len() == 1;
    if let Some((items, list)) = list_after(ss, best + 1).filter(|_| single && !ss[best].lead_in) {
        let back = format!("{} {list}", super::compose::compose_back(ss, &[best]));
        if back.chars().count() <= BACK_CHARS + 100 {
            let mut with_list = vec![best, best + 1];
            with_list.extend(items);
            return Some((
                with_list,
                back,
                "the best sentence, then the list it goes on to announce",
            ));
        }
    }
    if let Some(answer) = after_its_list(ss, best).filter(|_| single) {
        return Some(answer);
    }
    // A question heading ("What's on the test?") answered at once by a
    // lead-in and its list: the answer opens the section.
    let question = topic.ask == Ask::Question;
    if !(topic.ask == Ask::Noun && single || question) || topic.why {
        return None;
    }
    let lead = (0..best).find(|&i| {
        ss[i].lead_in
            && ss[i].leans.is_none()
            && !ss[i].pointer
            && (question && i == 0
                || ss[i]
                    .a
                    .content()
                    .any(|w| topic.stems.contains(&stem(&w.norm))))
    })?;
    let (items, list) = list_after(ss, lead)?;
    let mut with_list = vec![lead];
    with_list.extend(items);
    let why = if question {
        "the lead-in that answers the question at once, and its list"
    } else {
        "the lead-in naming the heading's subject, and its list"
    };
    Some((with_list, list, why))
}

/// "A name has two goals:" and its list, then "After a name has met those
/// goals, any further letters are dead weight.": the best sentence names
/// the lead-in's noun after "these" or "those", and reads only after the
/// list it sums up, which the back gives first.
fn after_its_list(ss: &[Sent], best: usize) -> Option<(Vec<usize>, String, &'static str)> {
    let words = &ss[best].a.words;
    let named = words.windows(2).find_map(|p| {
        (matches!(p[0].norm.as_str(), "these" | "those") && p[1].pos.is_nominal())
            .then(|| stem(&p[1].norm))
    })?;
    let lead = (0..best).rev().find(|&i| {
        ss[i].lead_in && ss[i].leans.is_none() && ss[i].a.content().any(|w| stem(&w.norm) == named)
    })?;
    let (items, list) = list_after(ss, lead)?;
    let text = super::compose::compose_back(ss, &[best]);
    let back = format!("{list} {text}");
    if items.last().is_none_or(|&l| l >= best) || back.chars().count() > BACK_CHARS + 100 {
        return None;
    }
    let mut chosen = vec![lead];
    chosen.extend(items);
    chosen.push(best);
    Some((
        chosen,
        back,
        "the best sentence, after the list it sums up with \"these\" or \"those\"",
    ))
}

/// Does a heading read as `ask` ask why, when its section gives a reason?
/// Advice and statements do, but for a task over its steps (see
/// [`is_task`]), and for a numbered step (`step`) stating what happens
/// ("Step 1: The user enters the address"), which a walk-through tells,
/// not argues for.
pub(super) fn asks_why(ask: &Ask, ss: &[Sent], step: bool) -> bool {
    matches!(
        ask,
        Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Predicate
    ) && !(*ask == Ask::Do && is_task(ss))
        && !(*ask == Ask::Statement && step)
}

/// "Receive payments" over numbered steps: a task, done as its three or
/// more steps in the imperative say; a reason given in them is no answer
/// to it, and its question asks how, not why.
fn is_task(ss: &[Sent]) -> bool {
    let steps: std::collections::BTreeSet<usize> = ss
        .iter()
        .filter(|s| s.kind == PieceKind::Item && s.imperative)
        .map(|s| s.piece)
        .collect();
    steps.len() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(kind: PieceKind, text: &str, piece: usize) -> Sent {
        let mut s = Sent::new(text.into(), kind);
        s.piece = piece;
        s
    }

    fn item(text: &str, piece: usize) -> Sent {
        sent(PieceKind::Item, text, piece)
    }

    fn para(text: &str, piece: usize) -> Sent {
        sent(PieceKind::Para, text, piece)
    }

    #[test]
    fn an_item_as_the_best_answer_brings_its_whole_list() {
        let ss = vec![
            para("The main reasons people choose it:", 0),
            item("Requests are answered with low latency.", 1),
            item(
                "Clients on phones use less battery, e.g. on slow networks.",
                2,
            ),
            item("Etc.", 3),
        ];
        let (items, back) = whole_list(&ss, 2).expect("a short list");
        assert_eq!(items, vec![1, 2]);
        assert_eq!(
            back,
            "The main reasons people choose it: requests are answered with low latency; \
             clients on phones use less battery."
        );
        // The lead-in itself leads to the same list.
        assert_eq!(whole_list(&ss, 0).map(|(i, _)| i), Some(vec![1, 2]));
        // A paragraph's sentence is no list's item.
        let ss = vec![
            para("Requests are answered with low latency.", 0),
            item("Clients use less battery.", 1),
        ];
        assert_eq!(whole_list(&ss, 0), None);
    }

    #[test]
    fn items_of_several_sentences_or_with_labels_are_no_list_answer() {
        let ss = vec![
            item("Requests are answered with low latency.", 0),
            item("Clients use less battery.", 1),
            item("It saves money.", 1),
        ];
        assert_eq!(whole_list(&ss, 0), None);
        let ss = vec![
            item("Care: start by caring about what you write.", 0),
            item("Clients use less battery.", 1),
        ];
        assert_eq!(whole_list(&ss, 1), None);
    }

    #[test]
    fn steps_are_listed_in_order_in_one_sentence() {
        let ss = vec![
            item("Create a user that owns the web root.", 0),
            item("Install nginx.", 1),
        ];
        assert_eq!(
            steps_back(&ss, &[0, 1]).as_deref(),
            Some("Create a user that owns the web root; install nginx.")
        );
    }

    #[test]
    fn items_lose_the_marks_that_joined_them() {
        let ss = vec![
            item("Apologizing when you are wrong,", 0),
            item("Acknowledging what you learned, and", 1),
            item("Thanking them when they share.", 2),
        ];
        assert_eq!(
            steps_back(&ss, &[0, 1, 2]).as_deref(),
            Some(
                "Apologizing when you are wrong; acknowledging what you learned; thanking them when they share."
            )
        );
        // (A name of two capitalised words keeps its capital.)
        let ss = vec![
            item("Postgres on Linux.", 0),
            item("Apache Kafka on Java.", 1),
        ];
        assert_eq!(
            steps_back(&ss, &[0, 1]).as_deref(),
            Some("Postgres on Linux; Apache Kafka on Java.")
        );
    }

    #[test]
    fn long_steps_keep_their_first_clause_or_none() {
        let long = "Open the firewall for the web ports, which the provider closes by default on every new machine it hands out to a customer.";
        let ss: Vec<Sent> = (0..4).map(|k| item(long, k)).collect();
        let back = steps_back(&ss, &[0, 1, 2, 3]).expect("clauses fit");
        assert!(back.starts_with("Open the firewall for the web ports; open"));
        let endless = "Open every port that the provider closes by default on every new machine it hands out to any customer who asks for one today.";
        let ss: Vec<Sent> = (0..4).map(|k| item(endless, k)).collect();
        assert_eq!(steps_back(&ss, &[0, 1, 2, 3]), None);
    }
}
