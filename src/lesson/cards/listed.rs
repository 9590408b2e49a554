//! A list announced by a lead-in ("Load balancers can route traffic by
//! several metrics, including:" then "- Random", "- Least loaded", …) is
//! what the section lists: a cloze hides the whole list after its lead-in
//! (see docs/lessons.md, "Listed items"). One item alone is never hidden.
//! A question asking for several things, or a topic over nothing but its
//! tips, is answered by the list itself ([`list_answer`]).

use super::ask::Ask;
use super::compose::without_label;
use super::noun::asks_for_list;
use super::push::Face;
use super::sentence::{EXAMPLE_OPENERS, Sent};
use super::steps::{goes_on, item_starts, whole_list};
use super::{BACK_CHARS, Maker, Part};
use crate::lesson::language::Pos;
use crate::lesson::read::{Piece, PieceKind};
use crate::lesson::text::{capitalise, ends_sentence, sentences, word_count};

/// A list's items, fewest and most, for its cloze.
const ITEMS: std::ops::RangeInclusive<usize> = 2..=8;
/// Longest item (or item label) a list cloze keeps, in words.
const ITEM_WORDS: usize = 8;
/// Longest list cloze, in characters.
const LIST_CHARS: usize = 360;

impl Maker {
    /// The section's list clozes; returns how many were made.
    ///
    /// A lead-in its short items complete ("…two of the following
    /// guarantees: consistency, …") is a sentence of the section: when that
    /// sentence is the point card's answer, the list is not asked again.
    pub(super) fn list_clozes(&mut self, part: &Part, on_back: &[usize]) -> usize {
        let body = &part.section.body;
        let mut made = 0;
        for (k, p) in body.iter().enumerate() {
            let Some((lead, text)) = list_cloze(p, &body[k + 1..]) else {
                continue;
            };
            let answered = completed_lead_in(&lead, &body[k + 1..]);
            if answered.is_some_and(|c| on_back.iter().any(|&i| part.ss[i].text == c)) {
                continue;
            }
            if !self.fronts.insert(text.clone()) {
                continue;
            }
            made += 1;
            let kind = if made == 1 {
                "list".to_string()
            } else {
                format!("list{made}")
            };
            let id = format!("{}/{kind}", part.base);
            self.push_card(
                id,
                Face::Cloze(text, part.topic.shown.clone()),
                "cloze",
                (
                    vec![lead.trim_end_matches(':').trim_end().to_string()],
                    "a lead-in and the list it announces: the whole list is hidden".into(),
                ),
            );
        }
        made
    }
}

/// "Load balancers route traffic by metrics, including: {{c1::random,
/// least loaded and round robin}}." when `p` is a lead-in that can stand on
/// its own and the items after it are short; with the lead-in as written.
fn list_cloze(p: &Piece, after: &[Piece]) -> Option<(String, String)> {
    if p.kind != PieceKind::Para {
        return None;
    }
    let lead = sentences(&p.text).pop()?;
    if !lead.ends_with(':') || word_count(&lead) < 5 {
        return None;
    }
    // "Here's the error:", "For example:", "These are…:": a lead-in that
    // points at an example or leans on the text before says nothing alone.
    let bare = lead.trim_end_matches(':').trim_end().to_lowercase();
    if EXAMPLE_OPENERS
        .iter()
        .chain(&["such as", "like"])
        .any(|w| bare.ends_with(w))
    {
        return None;
    }
    let s = Sent::new(lead.clone(), PieceKind::Para);
    // A lead-in with no verb ("Documentation for counters:") heads a list
    // of pointers; a statement has one.
    let states = s.a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    // "A few examples of sponsored projects include:" lists cases, not
    // the idea.
    let examples =
        s.a.content()
            .any(|w| matches!(w.norm.as_str(), "example" | "examples"));
    if !states
        || examples
        || s.pointer
        || s.narrated
        || s.leans.is_some()
        || s.refers_back()
        || s.text.contains('?')
    {
        return None;
    }
    // ("etc.", "and more": a last item that only says the list goes on.)
    let items: Vec<&Piece> = after
        .iter()
        .take_while(|q| q.kind == PieceKind::Item)
        .filter(|q| !goes_on(&q.text))
        .collect();
    if !ITEMS.contains(&items.len()) {
        return None;
    }
    // An item's bold label names it ("**Authentication** (see below)").
    let names: Option<Vec<String>> = items
        .iter()
        .map(|q| item_name(q.label.as_deref().unwrap_or(&q.text)))
        .collect();
    let names = names?;
    // Items with commas of their own are parted by semicolons.
    let sep = if names.iter().any(|n| n.contains(',')) {
        "; "
    } else {
        ", "
    };
    let joined = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(sep)),
        _ => return None,
    };
    // ("…comes down to four things: {{c1::…}}": after a noun the colon
    // stays; after "including" or "are" the list goes on the sentence.)
    let after_noun = s.a.content().last().is_some_and(|w| w.pos.is_nominal());
    let text = format!(
        "{}{} {{{{c1::{joined}}}}}.",
        lead.trim_end_matches(':').trim_end(),
        if after_noun { ":" } else { "" }
    );
    (text.chars().count() <= LIST_CHARS).then_some((lead, text))
}

/// An item short enough to recall as part of a list: its label ("Least
/// loaded - the server with the fewest requests" → "Least loaded") or the
/// whole item, lower-cased unless it is a name.
fn item_name(text: &str) -> Option<String> {
    let label = item_label(text).trim_end_matches(['.', ';', ',', ':']);
    // Quoted items are examples of wording ("Fix build."), not things to
    // know.
    if label.is_empty()
        || label.starts_with(['"', '\u{201c}', '\''])
        || word_count(label) > ITEM_WORDS
        || label.contains(['{', '}', '`', '[', '('])
        || sentences(label).len() > 1
    {
        return None;
    }
    // "Fill out the PR template" goes on in lower case; "GitHub" keeps its
    // capitals.
    let first_word = label.split(' ').next().unwrap_or(label);
    let mut chars = first_word.chars();
    let first = chars.next()?;
    // ("Ruby Together": a capitalised word further on makes a name.)
    // (An acronym further on, "CSS", makes none.)
    let named = label.split(' ').skip(1).any(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    });
    Some(
        if first.is_uppercase()
            && !named
            && chars.filter(|c| c.is_alphabetic()).all(char::is_lowercase)
        {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        } else {
            label.to_string()
        },
    )
}

/// "What are the disadvantages of failover?": the section's list is the
/// answer, not one of its items. So it is for a question answered by a
/// list alone ("Why use it?" over its reasons), and for a heading naming
/// a topic over nothing but its tips ("Authentication" over "- Don't use
/// Basic Auth.", "- Use the standards."): no one of them is the point.
pub(super) fn list_answer(part: &Part) -> Option<(Vec<usize>, String, String)> {
    let (ss, topic) = (part.ss, &part.topic);
    let all_items = part.section.body.iter().all(|p| p.kind == PieceKind::Item);
    let several = asks_for_list(topic);
    // (Where the items start is read only when the list may answer.)
    let may_answer = all_items && matches!(topic.ask, Ask::Noun | Ask::Question);
    if !(several || may_answer) {
        return None;
    }
    let starts = item_starts(ss);
    let tips = topic.ask == Ask::Noun
        && all_items
        // (Tips that are statements each, not "Stable: Yes" facts under
        // labels nor lead-ins.)
        && starts.iter().all(|&i| {
            let s = &ss[i];
            !s.labelled && !s.lead_in && !s.pointer && word_count(&s.text) >= 3
        });
    let answered_by_list = tips || (topic.ask == Ask::Question && all_items);
    if !several && !answered_by_list {
        return None;
    }
    // (Items too long to show whole: their first clauses. Tips short
    // enough to run on read as one sentence.)
    let whole = || {
        let first = *starts.first()?;
        answered_by_list.then(|| whole_list(ss, first)).flatten()
    };
    let (chosen, back) = if tips && !several {
        whole()
            .or_else(|| list_back(ss, &starts))
            .or_else(|| stressed_back(ss, &starts))
    } else {
        list_back(ss, &starts)
            .or_else(|| stressed_back(ss, &starts))
            .or_else(whole)
            .or_else(|| leads_back(ss, &starts))
    }?;
    let why = if tips && !several {
        "the section's tips, as no one of them is its point"
    } else {
        "the section's list, as the question asks for several"
    };
    Some((chosen, back, why.into()))
}

/// Two to six list items, each by its first sentence, when together they
/// fit on a back.
pub(super) fn list_back(ss: &[Sent], starts: &[usize]) -> Option<(Vec<usize>, String)> {
    if !(2..=6).contains(&starts.len()) {
        return None;
    }
    let texts: Vec<String> = starts
        .iter()
        .map(|&i| {
            let t = capitalise(without_label(&ss[i].text));
            if ends_sentence(&t) {
                t
            } else {
                format!("{t}.")
            }
        })
        .collect();
    let back = texts.join(" ");
    (back.chars().count() <= BACK_CHARS + 50).then(|| (starts.to_vec(), back))
}

/// "It **saves preparation time**. Co-teachers can rely on…": items too
/// long to show whole, each with a phrase the writer set in bold, are
/// summed up by those phrases ("Saves preparation time; helps with
/// onboarding new instructors; …"), when every item has one and together
/// they fit on a back.
fn stressed_back(ss: &[Sent], starts: &[usize]) -> Option<(Vec<usize>, String)> {
    if !(2..=6).contains(&starts.len()) {
        return None;
    }
    let phrases: Vec<String> = starts
        .iter()
        .map(|&i| {
            let s = &ss[i];
            let &(from, to) = s.stressed.first()?;
            let phrase = s.text.get(from..to)?.trim_end_matches(['.', ',', ';', ':']);
            (phrase.len() < s.text.len()).then(|| phrase.to_string())
        })
        .collect::<Option<_>>()?;
    let back = format!("{}.", capitalise(&phrases.join("; ")));
    (back.chars().count() <= BACK_CHARS).then(|| (starts.to_vec(), back))
}

/// "Computers, meeting the work's needs…", "A tool to chat, which…":
/// three to six items too long to show whole, each opening on a phrase
/// of a few words before its first comma, colon, dash or bracket, are
/// summed up by those phrases ("Computers; a tool to chat; …") when
/// together they fit on a back. A phrase that is a clause of condition
/// or time ("If the build fails, …") or ends on a connective ("Also, …")
/// says nothing alone.
fn leads_back(ss: &[Sent], starts: &[usize]) -> Option<(Vec<usize>, String)> {
    if !(3..=6).contains(&starts.len()) {
        return None;
    }
    let mut cut_any = false;
    let leads: Vec<String> = starts
        .iter()
        .map(|&i| {
            let t = ss[i].text.as_str();
            let cut = GLOSS_MARKS
                .iter()
                .chain(&[", ", " (", "; "])
                .filter_map(|m| t.find(m))
                .min()
                .unwrap_or(t.len());
            cut_any |= cut < t.len();
            let a = crate::lesson::language::analyse(&t[..cut]);
            let opens_clause = a.content().next().is_some_and(|w| w.pos == Pos::Sconj);
            let ends_loose = a.content().last().is_some_and(|w| {
                matches!(
                    w.pos,
                    Pos::Adv | Pos::Cconj | Pos::Sconj | Pos::Intj | Pos::Adp
                )
            });
            if opens_clause || ends_loose {
                return None;
            }
            item_name(&t[..cut])
        })
        .collect::<Option<_>>()?;
    let back = format!("{}.", capitalise(&leads.join("; ")));
    (cut_any && back.chars().count() <= BACK_CHARS).then(|| (starts.to_vec(), back))
}

/// What parts a list item's label from its gloss: a dash or a colon.
const GLOSS_MARKS: [&str; 4] = [" - ", " \u{2013} ", " \u{2014} ", ": "];

/// A list item's label: what comes before its gloss ("Least loaded - the
/// server with the fewest requests" → "Least loaded"), or the whole item.
pub(super) fn item_label(item: &str) -> &str {
    GLOSS_MARKS
        .iter()
        .find_map(|sep| item.split_once(sep).map(|(l, _)| l))
        .unwrap_or(item)
        .trim()
}

/// "You can only support two of the following guarantees:" before a list
/// whose items open with short labels ("Consistency - every read…") is
/// completed by them: "…guarantees: consistency, availability, partition
/// tolerance." The list's point is what the lead-in says of its items.
pub(super) fn completed_lead_in(s: &str, after: &[Piece]) -> Option<String> {
    if !s.ends_with(':') || word_count(s) < 5 {
        return None;
    }
    let items: Vec<&str> = after
        .iter()
        .take_while(|p| p.kind == PieceKind::Item)
        .map(|p| p.text.as_str())
        .collect();
    if !(2..=6).contains(&items.len()) {
        return None;
    }
    let labels: Option<Vec<String>> = items
        .iter()
        .map(|t| {
            let label = item_label(t).trim_end_matches(['.', ':']);
            (1..=4)
                .contains(&word_count(label))
                .then(|| label.to_string())
        })
        .collect();
    let labels = labels?;
    // What "the following" pointed at is now in the sentence.
    let s = s.replace("the following ", "the ");
    Some(format!("{} {}.", s, labels.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_items_answering_a_question_are_summed_up_by_their_opening_phrases() {
        let pairs = crate::lesson::cards::question::tests::lesson_pairs(
            "# Camping kit\n\n## What does a first night outdoors need?\n\n\
             - A tent, pitched on level ground away from any stream that may rise overnight.\n\
             - A sleeping mat (foam or air) that keeps the cold ground from drawing the heat out of you.\n\
             - A warm bag, rated a few degrees below the coldest night the forecast gives.\n\
             - A head torch: spare batteries weigh little and save a long search in the dark.\n\n\
             ## Why pitch before dusk?\n\nPegs are hard to find in the dark, because the grass hides them.\n",
        );
        assert_eq!(
            pairs[0].1, "A tent; a sleeping mat; a warm bag; a head torch.",
            "{pairs:?}"
        );
    }

    fn piece(kind: PieceKind, text: &str) -> Piece {
        Piece::made(kind, text.into())
    }

    #[test]
    fn a_lead_in_and_its_short_items_make_one_cloze() {
        let after = [
            piece(PieceKind::Item, "Random"),
            piece(
                PieceKind::Item,
                "Least loaded - the server with fewest requests",
            ),
            piece(PieceKind::Item, "Round robin"),
        ];
        let lead = piece(
            PieceKind::Para,
            "A balancer picks a server in one of several ways, including:",
        );
        assert_eq!(
            list_cloze(&lead, &after).map(|(_, text)| text).as_deref(),
            Some(
                "A balancer picks a server in one of several ways, including {{c1::random, least loaded and round robin}}."
            )
        );
    }

    #[test]
    fn long_items_pointers_and_single_items_make_none() {
        let long = [
            piece(PieceKind::Item, "Random"),
            piece(
                PieceKind::Item,
                "The server that has answered the fewest requests in the last minute",
            ),
        ];
        let lead = piece(
            PieceKind::Para,
            "A balancer picks a server in several ways:",
        );
        assert_eq!(list_cloze(&lead, &long), None);
        let one = [piece(PieceKind::Item, "Random")];
        assert_eq!(list_cloze(&lead, &one), None);
        let short = [
            piece(PieceKind::Item, "Random"),
            piece(PieceKind::Item, "Round robin"),
        ];
        let example = piece(PieceKind::Para, "Here is the output of the example above:");
        assert_eq!(list_cloze(&example, &short), None);
    }

    #[test]
    fn a_list_previewing_the_sections_is_no_tips_and_a_cloze_after_a_noun_keeps_the_colon() {
        let deck = crate::lesson::generate(
            std::path::Path::new("bread.md"),
            "# Reading a bread recipe\n\nMost bakers follow a recipe line by line.\n\n\
             ## What a recipe holds\n\nRecipes differ in length but not in shape. \
             A typical bread recipe comes down to three things:\n\n\
             1. **Ratio:** How much of each ingredient goes in.\n\
             2. **Flour:** Which kind of flour the loaf is made from.\n\
             3. **Timing:** How long each rise takes in your kitchen.\n\n\
             ## Ratio\n\nThe ratio of water to flour decides how open the crumb is.\n\n\
             ## Flour\n\nStrong flour holds more gas, so the loaf rises higher.\n\n\
             ## Timing\n\nA warm kitchen halves the rise, so watch the dough rather than the clock.\n",
        )
        .expect("a lesson");
        // Each part is read once, under its own heading.
        let ids: Vec<_> = deck.cards.iter().filter_map(|c| c.id.as_deref()).collect();
        assert!(ids.iter().all(|id| !id.contains("-2/")), "{ids:?}");
        let backs: Vec<_> = deck
            .cards
            .iter()
            .filter_map(|c| c.back.as_deref())
            .collect();
        assert!(
            backs
                .iter()
                .any(|b| b.contains("three things: Ratio, Flour, Timing")),
            "{backs:?}"
        );
        // A list cloze after a noun keeps the colon.
        let lead = piece(
            PieceKind::Para,
            "A typical bread recipe comes down to three things:",
        );
        let items = [
            piece(PieceKind::Item, "Ratio"),
            piece(PieceKind::Item, "Flour"),
            piece(PieceKind::Item, "Timing"),
        ];
        assert_eq!(
            list_cloze(&lead, &items).map(|(_, text)| text).as_deref(),
            Some(
                "A typical bread recipe comes down to three things: {{c1::ratio, flour and timing}}."
            )
        );
    }
}
