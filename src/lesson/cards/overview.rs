//! The lesson's overview card: its three to eight top-level parts listed,
//! or its three to eight sections when they are all of one level.

use std::collections::HashMap;

use crate::lesson::text::Casing;

use super::{Face, Maker, OVERVIEW_MAX, Topic, is_defining_intro};
use crate::lesson::read::numbered_as;

/// The fewest parts an overview lists: two say little of a lesson, and
/// are often only the headings of an essay's two halves.
const OVERVIEW_MIN: usize = 3;
use crate::lesson::language::{LEXICON, Role};
use crate::lesson::read::{Lesson, Section};

impl Maker {
    /// The section as a part the overview lists. The section the title
    /// heads is the lesson itself, not a part of it, and so is an
    /// introduction headed by what it defines. (Nor is its summary, "Key
    /// takeaways", nor a name made up for it, which the reader never saw.)
    pub(super) fn list_part(&mut self, section: &Section, topic: &Topic, nameless: bool) {
        let summary = LEXICON.is(&topic.heading.to_lowercase(), Role::SummaryHeading);
        // (A section the title heads past the first is no introduction but
        // a part, `titled` false: "Pipelining" amid a lesson so titled.)
        let unseen = nameless || topic.made_up || topic.titled || summary;
        if !unseen && !is_defining_intro(section) {
            self.listed
                .push((section.context.clone(), topic.shown.clone()));
        }
    }

    /// A tip without a label is listed by the list that holds it.
    pub(super) fn list_by_context(&mut self, section: &Section) {
        match &section.context {
            Some(c) => {
                let shown = self.casing.sentence_case(c);
                self.listed.push((Some(c.clone()), shown));
            }
            // (With nothing to list it by, the overview would name only
            // the tips with labels: it is left out.)
            None => self.unlisted = true,
        }
    }

    pub(super) fn overview_card(&mut self, lesson: &Lesson) {
        if self.unlisted {
            return;
        }
        let parents: Vec<(String, String)> = lesson
            .sections
            .iter()
            .filter_map(|s| Some((s.heading.clone()?, s.context.clone()?)))
            .chain(lesson.outline.iter().cloned())
            .collect();
        if let Some((question, back, why)) =
            overview(&self.title, &self.listed, &parents, &self.casing)
        {
            let id = format!("{}/overview", self.lesson_slug);
            self.push_card(
                id,
                Face::Question(question, back),
                "overview",
                (Vec::new(), why),
            );
        }
    }
}

/// The overview: three to eight sections listed, or their groups, or nothing.
/// `parents` holds (heading, parent heading) of every nested section of
/// the lesson, cards or not.
pub(super) fn overview(
    title: &str,
    listed: &[(Option<String>, String)],
    parents: &[(String, String)],
    casing: &Casing,
) -> Option<(String, String, String)> {
    let count = listed.len();
    // ("Step 1 · Step 2 · Step 3": labels that carry nothing to recall.)
    let bare_label = |s: &str| s.split_whitespace().count() <= 2 && numbered_as(s).is_some();
    if a_faq(title, listed) || listed.iter().all(|(_, s)| bare_label(s)) {
        return None;
    }
    // The lesson's top-level parts: a section's group or, for a section in
    // none, the section itself. The group is the outermost heading above
    // it ("Tip" under "Scripts" under "Assets": "Assets") when that gives
    // three parts or more; else its parent, which says more.
    let parent_of = parents_shown(parents, casing);
    let top = |context: &String| outermost(&parent_of, casing.sentence_case(context));
    let groups_by = |outermost: bool| {
        let mut groups: Vec<String> = Vec::new();
        for (context, shown) in listed {
            let c = match context {
                Some(c) if outermost => top(c),
                Some(c) => casing.sentence_case(c),
                None => shown.clone(),
            };
            // A group met again after a deeper one ("Load balancer" after
            // its "Horizontal scaling") is listed once.
            if !groups.contains(&c) {
                groups.push(c);
            }
        }
        groups
    };
    let mixed = beside_own_parts(listed, &parent_of, casing);
    let outermost = groups_by(true);
    // Sections of two levels are listed by the upper one, which is what
    // the lesson is made of, when it has three parts or more, or two that
    // hold a section listed beside its sub-sections; listing both would
    // put a part beside its own sub-parts.
    // (Two parts say little of a lesson: its sections, when they fit and
    // are of one level, say more.)
    let by_outermost =
        (3..=OVERVIEW_MAX).contains(&outermost.len()) || (mixed && outermost.len() == 2);
    let groups = if by_outermost {
        outermost
    } else {
        groups_by(false)
    };
    // One part holding the rest ("Handling workloads" over "Concepts" and
    // "Challenges"): its sub-parts are what the lesson is made of, never
    // listed beside it.
    let groups = if mixed && !by_outermost {
        without_ancestors(groups, &parent_of)
    } else {
        groups
    };
    let nested = listed.iter().any(|(context, _)| context.is_some());
    let by_group = (OVERVIEW_MIN..=OVERVIEW_MAX).contains(&groups.len());
    let by_group_first = nested && by_group && (groups.len() >= 3 || by_outermost);
    if (OVERVIEW_MIN..=OVERVIEW_MAX).contains(&count) && !by_group_first && !mixed {
        let items: Vec<&str> = listed.iter().map(|(_, s)| s.as_str()).collect();
        return Some(card(
            title,
            "parts",
            &items,
            format!("lists the lesson's {count} sections"),
        ));
    }
    by_group.then(|| {
        let items: Vec<&str> = groups.iter().map(String::as_str).collect();
        let why = format!(
            "lists the lesson's {} top-level parts ({count} sections, some nested)",
            groups.len()
        );
        card(title, "main parts", &items, why)
    })
}

/// The overview card: its question, the items listed, and why.
fn card(title: &str, parts: &str, items: &[&str], why: String) -> (String, String, String) {
    (
        format!(
            "\u{201c}{title}\u{201d}: what are its {} {parts}?",
            number_word(items.len())
        ),
        items.join(" \u{b7} "),
        why,
    )
}

/// The groups that are no ancestor of another group.
fn without_ancestors(groups: Vec<String>, parent_of: &HashMap<String, String>) -> Vec<String> {
    let above: Vec<String> = groups
        .iter()
        .flat_map(|g| ancestry(parent_of, g.clone()).into_iter().skip(1))
        .collect();
    groups.into_iter().filter(|g| !above.contains(g)).collect()
}

/// Each heading's parent heading, both as shown, looked up once (the
/// first of two headings alike wins).
fn parents_shown(parents: &[(String, String)], casing: &Casing) -> HashMap<String, String> {
    let mut parent_of = HashMap::new();
    for (h, up) in parents {
        parent_of
            .entry(casing.sentence_case(h))
            .or_insert_with(|| casing.sentence_case(up));
    }
    parent_of
}

/// Whether a listed section is an ancestor of another: a section is never
/// listed beside its own sub-sections ("Specify members" beside its
/// "Implement an interface").
fn beside_own_parts(
    listed: &[(Option<String>, String)],
    parent_of: &HashMap<String, String>,
    casing: &Casing,
) -> bool {
    let above: Vec<String> = listed
        .iter()
        .filter_map(|(c, _)| c.as_ref())
        .flat_map(|c| ancestry(parent_of, casing.sentence_case(c)))
        .collect();
    listed
        .iter()
        .any(|(_, shown)| above.contains(&casing.sentence_case(shown)))
}

/// A heading, given as shown, then the headings above it, outermost last.
fn ancestry(parent_of: &HashMap<String, String>, mut heading: String) -> Vec<String> {
    let mut chain = Vec::new();
    // (Six levels at most: a heading that names its own ancestor ends it.)
    for _ in 0..6 {
        let up = parent_of.get(&heading).cloned();
        chain.push(heading);
        match up {
            Some(up) => heading = up,
            None => return chain,
        }
    }
    chain.push(heading);
    chain
}

/// The outermost heading above a heading, given as shown.
fn outermost(parent_of: &HashMap<String, String>, heading: String) -> String {
    ancestry(parent_of, heading).pop().expect("never empty")
}

/// A FAQ, most of its sections questions, is no series of parts: its
/// questions or their groups, "General" and "Technical", teach nothing
/// listed. (Questions the title says to ask, "Questions to ask before you
/// rent", are its parts.)
fn a_faq(title: &str, listed: &[(Option<String>, String)]) -> bool {
    !super::style::names_questions_to_ask(title)
        && listed.iter().filter(|(_, s)| s.ends_with('?')).count() * 2 > listed.len()
}

pub(super) fn number_word(n: usize) -> String {
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

    /// What the overview of the lesson `text` lists.
    fn listed_of(text: &str) -> String {
        let pairs = crate::lesson::cards::question::tests::lesson_pairs(text);
        let (_, listed) = pairs
            .into_iter()
            .find(|(f, _)| f.contains("what are its"))
            .expect("an overview");
        listed
    }

    #[test]
    fn a_summary_is_no_part_the_overview_lists() {
        let listed = listed_of(
            "# Looking After a Bicycle\n\n## Clean the chain\n\nWipe the chain after every wet \
             ride, because grit wears the teeth of the gears.\n\n## Check the tyres\n\nPump \
             the tyres every week, since soft tyres puncture far more easily.\n\n## Oil the \
             brakes\n\nOil the brake pivots each month, because dry pivots stick in the \
             cold.\n\n## Summary\n\n\
             A clean chain and firm tyres prevent most roadside repairs.\n",
        );
        assert_eq!(
            listed,
            "Clean the chain \u{b7} Check the tyres \u{b7} Oil the brakes"
        );
    }

    #[test]
    fn sections_of_two_levels_are_listed_by_the_upper_one() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        let listed: Vec<(Option<String>, String)> = vec![
            (None, "How it works".into()),
            (None, "Installation".into()),
            (g("Installation"), "Using package managers".into()),
            (g("Installation"), "Basic checkout".into()),
            (None, "Uninstalling".into()),
        ];
        let (front, back, _) = overview("Tool", &listed, &[], &casing).expect("an overview");
        assert_eq!(
            front,
            "\u{201c}Tool\u{201d}: what are its three main parts?"
        );
        assert_eq!(back, "How it works \u{b7} Installation \u{b7} Uninstalling");
        // Sections of one level are listed as they are; two say too
        // little of a lesson to list.
        let flat: Vec<(Option<String>, String)> = vec![
            (None, "Setup".into()),
            (None, "Use".into()),
            (None, "Removal".into()),
        ];
        let (_, back, _) = overview("Tool", &flat, &[], &casing).expect("an overview");
        assert_eq!(back, "Setup \u{b7} Use \u{b7} Removal");
        assert_eq!(overview("Tool", &flat[..2], &[], &casing), None);
    }

    #[test]
    fn a_faq_of_questions_gets_no_overview() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        let listed: Vec<(Option<String>, String)> = vec![
            (g("General"), "Is it free?".into()),
            (g("General"), "Who runs it?".into()),
            (g("Technical"), "Which clients work?".into()),
            (g("Technical"), "Key formats".into()),
        ];
        assert_eq!(overview("FAQ", &listed, &[], &casing), None);
        assert_eq!(
            overview("Frequently asked questions", &listed, &[], &casing),
            None
        );
    }

    #[test]
    fn one_part_holding_the_rest_gives_way_to_its_sub_parts() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        // "Workloads" has text of its own and holds both groups.
        let listed: Vec<(Option<String>, String)> = vec![
            (None, "Workloads".into()),
            (g("Concepts"), "Origin".into()),
            (g("Concepts"), "Steering".into()),
            (g("Challenges"), "Speed".into()),
            (g("Challenges"), "Uptime".into()),
            (g("Tools"), "Probes".into()),
        ];
        let parents = vec![
            ("Concepts".to_string(), "Workloads".to_string()),
            ("Challenges".to_string(), "Workloads".to_string()),
            ("Tools".to_string(), "Workloads".to_string()),
        ];
        let (front, back, _) =
            overview("Balancing", &listed, &parents, &casing).expect("an overview");
        assert_eq!(
            front,
            "\u{201c}Balancing\u{201d}: what are its three main parts?"
        );
        assert_eq!(back, "Concepts \u{b7} Challenges \u{b7} Tools");
        // With one part left, no overview mixes levels.
        let one: Vec<(Option<String>, String)> = vec![
            (None, "Workloads".into()),
            (g("Concepts"), "Origin".into()),
            (g("Concepts"), "Steering".into()),
        ];
        assert_eq!(overview("Balancing", &one, &parents, &casing), None);
    }

    #[test]
    fn too_many_sections_are_listed_by_their_top_level_parts() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        let listed: Vec<(Option<String>, String)> = vec![
            (None, "Overview".into()),
            (g("Load balancer"), "Layer 4".into()),
            (g("Load balancer"), "Layer 7".into()),
            (g("Horizontal scaling"), "Drawbacks".into()),
            (g("Load balancer"), "Drawbacks of balancers".into()),
            (g("Caching"), "Client caching".into()),
            (g("Caching"), "Server caching".into()),
            (g("Caching"), "Expiry".into()),
            (g("Caching"), "Invalidation".into()),
        ];
        let (front, back, _) = overview("Scaling", &listed, &[], &casing).expect("an overview");
        assert_eq!(
            front,
            "\u{201c}Scaling\u{201d}: what are its four main parts?"
        );
        // A section in no group stands for itself; a group met again is
        // listed once.
        assert_eq!(
            back,
            "Overview \u{b7} Load balancer \u{b7} Horizontal scaling \u{b7} Caching"
        );
    }

    #[test]
    fn a_part_is_never_listed_beside_its_own_sub_parts() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        // "Members" has text of its own and two sub-sections: the lesson
        // has three parts, not five.
        let listed: Vec<(Option<String>, String)> = vec![
            (None, "Members".into()),
            (g("Members"), "Abstract members".into()),
            (g("Members"), "Interfaces".into()),
            (None, "Mixin classes".into()),
            (None, "Generics".into()),
        ];
        let parents = [
            ("Abstract members".to_string(), "Members".to_string()),
            ("Interfaces".to_string(), "Members".to_string()),
        ];
        let (front, back, _) = overview("Mixins", &listed, &parents, &casing).expect("an overview");
        assert_eq!(
            front,
            "\u{201c}Mixins\u{201d}: what are its three main parts?"
        );
        assert_eq!(back, "Members \u{b7} Mixin classes \u{b7} Generics");
        // Sub-sections listed under a heading with no text of their own
        // are of one level, and listed as they are.
        let leaves: Vec<(Option<String>, String)> = vec![
            (g("Habits"), "Water less".into()),
            (g("Habits"), "Feed less".into()),
            (None, "When a plant looks unwell".into()),
        ];
        let (front, _, _) = overview("Plants", &leaves, &[], &casing).expect("an overview");
        assert_eq!(front, "\u{201c}Plants\u{201d}: what are its three parts?");
    }

    #[test]
    fn a_section_named_as_the_title_past_the_first_is_a_part() {
        let listed = listed_of(
            "# Connection pooling\n\n## Why connections cost\n\nEach new connection needs \
             a handshake and a login, which take several round trips.\n\n## Connection \
             pooling\n\nA pool keeps a few connections open and lends them to requests in \
             turn.\n\n## Sizing the pool\n\nA pool larger than the database can serve only \
             moves the queue from the pool to the server.\n",
        );
        assert_eq!(
            listed,
            "Why connections cost \u{b7} Connection pooling \u{b7} Sizing the pool"
        );
    }

    #[test]
    fn a_section_named_as_the_title_past_the_first_is_asked_as_itself() {
        let pairs = crate::lesson::cards::question::tests::lesson_pairs(
            "# Connection pooling\n\nOpening a connection is slow, and pools make it rare.\n\n\
             ## Why connections cost\n\nEach new connection needs a handshake and a login.\n\n\
             ## Connection pooling\n\nA connection pool is a set of open connections that \
             requests borrow in turn.\n",
        );
        let fronts: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
        assert!(!fronts.iter().any(|f| f.contains("(part 2)")), "{fronts:?}");
        assert!(
            fronts.contains(&"What is connection pooling?"),
            "{fronts:?}"
        );
    }

    #[test]
    fn numbered_labels_alone_carry_nothing_to_list() {
        let casing = Casing::learn(&[]);
        let steps: Vec<(Option<String>, String)> =
            (1..=4).map(|n| (None, format!("Step {n}"))).collect();
        assert_eq!(overview("A first test", &steps, &[], &casing), None);
        // A name with a number in it is a name: "Layer 4", beside others.
        let layers: Vec<(Option<String>, String)> = vec![
            (None, "Layer 4".into()),
            (None, "Layer 7".into()),
            (None, "Health checks".into()),
        ];
        assert!(overview("Balancers", &layers, &[], &casing).is_some());
    }

    #[test]
    fn three_levels_are_listed_by_the_outermost_when_it_has_three_parts() {
        let casing = Casing::learn(&[]);
        let g = |c: &str| Some(c.to_string());
        // "Scripts" (under "Assets") has no card of its own, only its tip.
        let listed: Vec<(Option<String>, String)> = vec![
            (g("Assets"), "Styles".into()),
            (g("Scripts"), "Loading order".into()),
            (g("Themes"), "Structure".into()),
            (g("Themes"), "Overrides".into()),
            (g("Hosting"), "Domains".into()),
        ];
        let parents = [
            ("Styles".to_string(), "Assets".to_string()),
            ("Scripts".to_string(), "Assets".to_string()),
            ("Loading order".to_string(), "Scripts".to_string()),
        ];
        let (front, back, _) = overview("Site", &listed, &parents, &casing).expect("an overview");
        assert_eq!(
            front,
            "\u{201c}Site\u{201d}: what are its three main parts?"
        );
        assert_eq!(back, "Assets \u{b7} Themes \u{b7} Hosting");
    }
}
