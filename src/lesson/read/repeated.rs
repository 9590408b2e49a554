//! Headings a lesson repeats under each of its topics ("Pros", "Cons",
//! "Example" after every method) sit one level below those topics, even
//! when the text gives them the same level: plain text has only one level,
//! and some Markdown writes every heading as `##`. Without this, "Pros"
//! comes three times with nothing to say whose pros they are (see
//! docs/lessons.md, "Structure").

use std::collections::{HashMap, HashSet};

use super::heading;
use super::markdown::{Block, Kind};

/// A heading's text as compared with others: lower case, without closing
/// marks ("Pros:" and "pros" are one).
fn key(b: &Block) -> Option<String> {
    let text = heading(&b.text())?;
    Some(text.trim_end_matches([':', '.', '!']).trim().to_lowercase())
}

/// For each level, the heading texts written twice or more at it, each
/// time under a different heading of that level that is written once: the
/// topics they belong to.
fn repeated_at_levels(blocks: &[Block]) -> HashSet<(usize, String)> {
    let mut count: HashMap<(usize, String), usize> = HashMap::new();
    for b in blocks {
        if let (Kind::Heading(level), Some(k)) = (&b.kind, key(b)) {
            *count.entry((*level, k)).or_default() += 1;
        }
    }
    let repeated =
        |level: usize, k: &str| count.get(&(level, k.to_string())).is_some_and(|&n| n >= 2);
    // Under which topic (a heading written once) each repeated one comes,
    // and under which parent (the nearest heading of a higher level).
    let mut topics: HashMap<(usize, String), HashSet<String>> = HashMap::new();
    let mut parents: HashMap<(usize, String), Vec<Option<String>>> = HashMap::new();
    let mut topic_at: HashMap<usize, String> = HashMap::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    for b in blocks {
        let (Kind::Heading(level), Some(k)) = (&b.kind, key(b)) else {
            continue;
        };
        topic_at.retain(|l, _| *l <= *level);
        open.retain(|(l, _)| *l < *level);
        let parent = open.last().map(|(_, p)| p.clone());
        open.push((*level, k.clone()));
        if !repeated(*level, &k) {
            topic_at.insert(*level, k);
        } else if let Some(t) = topic_at.get(level) {
            topics
                .entry((*level, k.clone()))
                .or_default()
                .insert(t.clone());
            parents.entry((*level, k)).or_default().push(parent);
        }
    }
    // ("Soups" under "Cook with warm colours" and again under "Cook with
    // contrasting colours": each parent already says whose it is.)
    let one_parent_twice = |k: &(usize, String)| {
        let under = &parents[k];
        under.iter().collect::<HashSet<_>>().len() < under.len()
    };
    topics
        .into_iter()
        .filter(|(k, under)| under.len() >= 2 && one_parent_twice(k))
        .map(|(k, _)| k)
        .collect()
}

/// Moves every repeated heading (and the headings under it) one level
/// below the topic heading before it.
pub(super) fn nest_repeated(mut blocks: Vec<Block>) -> Vec<Block> {
    let repeated = repeated_at_levels(&blocks);
    if repeated.is_empty() {
        return blocks;
    }
    // The level of the repeated heading being moved, while its part lasts.
    let mut moving: Option<usize> = None;
    let mut topic_seen: HashSet<usize> = HashSet::new();
    for b in blocks.iter_mut() {
        let Kind::Heading(level) = b.kind else {
            continue;
        };
        if moving.is_some_and(|m| level <= m) {
            moving = None;
        }
        topic_seen.retain(|l| *l <= level);
        let is_repeated = key(b).is_some_and(|k| repeated.contains(&(level, k)));
        if is_repeated && topic_seen.contains(&level) {
            moving = Some(level);
            b.kind = Kind::Heading(level + 1);
        } else if moving.is_some() {
            b.kind = Kind::Heading(level + 1);
        } else if !is_repeated {
            topic_seen.insert(level);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: Kind, text: &str) -> Block {
        Block {
            kind,
            lines: vec![text.to_string()],
            line: 1,
            stressed: Vec::new(),
            terms: Vec::new(),
            lead: None,
            code: Vec::new(),
        }
    }

    fn levels(blocks: &[Block]) -> Vec<(usize, String)> {
        blocks
            .iter()
            .filter_map(|b| match b.kind {
                Kind::Heading(l) => Some((l, b.text())),
                _ => None,
            })
            .collect()
    }

    fn doc(headings: &[&str]) -> Vec<Block> {
        headings
            .iter()
            .flat_map(|h| {
                [
                    block(Kind::Heading(2), h),
                    block(Kind::Para, "Some text under it."),
                ]
            })
            .collect()
    }

    #[test]
    fn repeated_headings_go_under_each_topic() {
        let out = nest_repeated(doc(&[
            "Tip jars", "Pros", "Cons:", "Grants", "Pros", "Cons",
        ]));
        let got: Vec<usize> = levels(&out).iter().map(|(l, _)| *l).collect();
        assert_eq!(got, vec![2, 3, 3, 2, 3, 3]);
    }

    #[test]
    fn a_heading_repeated_under_one_topic_stays() {
        let blocks = doc(&["Tip jars", "Notes", "Notes", "Grants"]);
        assert_eq!(nest_repeated(blocks.clone()), blocks);
    }

    #[test]
    fn a_heading_repeated_under_different_parents_stays() {
        let mut blocks = doc(&[
            "Warm colours",
            "Stews",
            "Soups",
            "Contrasting colours",
            "Salads",
            "Soups",
        ]);
        for k in [2, 4, 8, 10] {
            blocks[k].kind = Kind::Heading(3);
        }
        assert_eq!(nest_repeated(blocks.clone()), blocks);
    }

    #[test]
    fn headings_written_once_stay() {
        let blocks = doc(&["Tip jars", "Grants", "Sponsors"]);
        assert_eq!(nest_repeated(blocks.clone()), blocks);
    }

    #[test]
    fn a_repeated_heading_before_any_topic_stays() {
        let out = nest_repeated(doc(&[
            "Example", "Tip jars", "Example", "Grants", "Example",
        ]));
        let got: Vec<usize> = levels(&out).iter().map(|(l, _)| *l).collect();
        assert_eq!(got, vec![2, 2, 3, 2, 3]);
    }

    #[test]
    fn headings_under_a_moved_one_move_with_it() {
        let mut blocks = doc(&["Tip jars", "Pros", "Grants", "Pros"]);
        blocks.insert(4, block(Kind::Heading(3), "In detail"));
        let out = nest_repeated(blocks);
        let got: Vec<usize> = levels(&out).iter().map(|(l, _)| *l).collect();
        assert_eq!(got, vec![2, 3, 4, 2, 3]);
    }
}
