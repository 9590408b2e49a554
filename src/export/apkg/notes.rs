//! Our cards as Anki notes, with the ids Anki matches on (docs/imports.md,
//! "Anki packages out").
//!
//! - A basic card and its `#r` reverse become one "Basic (and reversed
//!   card)" note (cards 1 and 2) when the reverse mirrors the basic card's
//!   sides and has its tags; otherwise each is a "Basic" note.
//! - The cloze cards of one cloze text become one "Cloze" note, card N for
//!   `cN`.
//! - A note's guid, which Anki matches notes on, is its note key as Anki
//!   wrote it (the reverse of [`crate::import::id_from_guid`]): a deck that
//!   came from Anki goes back onto the same notes, and our importer reads the
//!   package back to the same card ids. A key held by an older deck of the
//!   collection too gets `#` and the deck name after it, so guids stay
//!   unique in the collection whichever decks are exported.
//! - Note, card and deck ids are hashes of the deck name and key, so a second
//!   export gives the same ids. They lie in the range of Anki's millisecond
//!   ids between 2001 and 2017, which Anki accepts as they are.

use std::collections::{HashMap, HashSet};

use super::Export;
use crate::domain::{Card, CardKind};
use crate::import::id_from_guid;

/// Ids are drawn from `MIN_ID .. MIN_ID + ID_SPAN`.
const MIN_ID: i64 = 1_000_000_000_000;
const ID_SPAN: i64 = 500_000_000_000;

/// Anki's own deck, which every collection has.
pub const DEFAULT_DECK_ID: i64 = 1;
const DEFAULT_DECK: &str = "Default";

/// The note types of the package (see `collection.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    Basic,
    Reversed,
    Cloze,
}

/// An Anki deck of the package.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiDeck {
    pub id: i64,
    pub name: String,
    pub description: String,
}

/// A card of a note: its Anki id, its ordinal (template or cloze number −
/// 1) and our card.
#[derive(Debug)]
pub struct NoteCard<'a> {
    pub id: i64,
    pub ord: u16,
    pub card: &'a Card,
}

#[derive(Debug)]
pub struct Note<'a> {
    pub id: i64,
    pub guid: String,
    pub model: Model,
    pub deck: i64,
    /// The fields as HTML.
    pub fields: Vec<String>,
    /// The first field as plain text (Anki's sort field and checksum).
    pub first_text: String,
    pub tags: Vec<String>,
    pub cards: Vec<NoteCard<'a>>,
}

#[derive(Debug, Default)]
pub struct Plan<'a> {
    /// Every deck of the package, parents and Anki's "Default" included.
    pub decks: Vec<AnkiDeck>,
    pub notes: Vec<Note<'a>>,
    /// Cards whose cloze number is past what Anki holds.
    pub skipped: usize,
}

/// Groups the cards of `export` into notes and gives everything its ids.
pub fn plan<'a>(export: &Export<'a>) -> Plan<'a> {
    let mut decks = Decks::default();
    decks.add(DEFAULT_DECK, "");
    let mut ids = IdSets::default();
    let mut plan = Plan::default();
    for deck in export.decks {
        let deck_id = decks.add(&deck.name, &deck.description);
        let mut grouper = Grouper {
            deck_name: &deck.name,
            our_deck_id: deck.id,
            deck_id,
            owners: export.note_owners,
            ids: &mut ids,
            plan: &mut plan,
        };
        grouper.deck(&deck.cards);
    }
    plan.decks = decks.list;
    plan
}

/// The Anki decks, merged as Anki merges names (case aside), each with its
/// parents.
#[derive(Default)]
struct Decks {
    list: Vec<AnkiDeck>,
    by_key: HashMap<String, usize>,
    ids: HashSet<i64>,
}

impl Decks {
    /// The id of deck `name`, adding it and its parents when new.
    fn add(&mut self, name: &str, description: &str) -> i64 {
        let parts: Vec<&str> = name
            .split("::")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let parts = if parts.is_empty() {
            vec![DEFAULT_DECK]
        } else {
            parts
        };
        let mut id = DEFAULT_DECK_ID;
        for depth in 1..=parts.len() {
            let name = parts[..depth].join("::");
            let key = name.to_lowercase();
            let index = match self.by_key.get(&key) {
                Some(&index) => index,
                None => {
                    let id = if key == DEFAULT_DECK.to_lowercase() {
                        DEFAULT_DECK_ID
                    } else {
                        unique(&mut self.ids, hashed(&["deck", &key]))
                    };
                    self.list.push(AnkiDeck {
                        id,
                        name,
                        description: String::new(),
                    });
                    self.by_key.insert(key, self.list.len() - 1);
                    self.list.len() - 1
                }
            };
            let deck = &mut self.list[index];
            if depth == parts.len() && deck.description.is_empty() {
                deck.description = description.to_string();
            }
            id = deck.id;
        }
        id
    }
}

/// Ids given so far, per Anki table.
#[derive(Default)]
struct IdSets {
    notes: HashSet<i64>,
    cards: HashSet<i64>,
    guids: HashSet<String>,
}

/// Turns one deck's cards into notes.
struct Grouper<'p, 'a> {
    deck_name: &'p str,
    /// The deck's id in our collection (see [`Export::note_owners`]).
    our_deck_id: i64,
    deck_id: i64,
    owners: &'p HashMap<String, i64>,
    ids: &'p mut IdSets,
    plan: &'p mut Plan<'a>,
}

impl<'a> Grouper<'_, 'a> {
    fn deck(&mut self, cards: &'a [Card]) {
        let mut basics: HashMap<&str, &'a Card> = HashMap::new();
        let mut reverses: HashMap<&str, &'a Card> = HashMap::new();
        let mut clozes: HashMap<&str, Vec<&'a Card>> = HashMap::new();
        for card in cards {
            let note = card.draft.note.as_str();
            match card.draft.kind {
                CardKind::Basic => {
                    basics.insert(note, card);
                }
                CardKind::Reverse => {
                    reverses.insert(note, card);
                }
                CardKind::Cloze { .. } => clozes.entry(note).or_default().push(card),
            }
        }
        reverses.retain(|note, reverse| basics.get(note).is_some_and(|b| pairs(b, reverse)));
        for card in cards {
            let note = card.draft.note.as_str();
            match &card.draft.kind {
                CardKind::Basic => match reverses.get(note) {
                    Some(reverse) => self.reversed(card, reverse),
                    None => self.basic(card, note),
                },
                CardKind::Reverse if !reverses.contains_key(note) => {
                    self.basic(card, card.id().as_str());
                }
                CardKind::Reverse => {}
                CardKind::Cloze { .. } => {
                    if let Some(group) = clozes.remove(note) {
                        self.cloze(note, &group);
                    }
                }
            }
        }
    }

    fn basic(&mut self, card: &'a Card, key: &str) {
        let (id, guid) = self.note_ids(&card.draft.note, key);
        let back = with_extra(&card.draft.back, &card.draft.extra);
        let cards = vec![self.card(0, card)];
        self.plan.notes.push(Note {
            id,
            guid,
            model: Model::Basic,
            deck: self.deck_id,
            fields: vec![html(&card.draft.front), back],
            first_text: card.draft.front.clone(),
            tags: card.draft.tags.clone(),
            cards,
        });
    }

    fn reversed(&mut self, card: &'a Card, reverse: &'a Card) {
        let note = card.draft.note.as_str();
        let (id, guid) = self.note_ids(note, note);
        let cards = vec![self.card(0, card), self.card(1, reverse)];
        self.plan.notes.push(Note {
            id,
            guid,
            model: Model::Reversed,
            deck: self.deck_id,
            fields: vec![html(&card.draft.front), html(&card.draft.back)],
            first_text: card.draft.front.clone(),
            tags: card.draft.tags.clone(),
            cards,
        });
    }

    fn cloze(&mut self, note: &str, group: &[&'a Card]) {
        let first = group[0];
        let CardKind::Cloze { source, .. } = &first.draft.kind else {
            return;
        };
        let mut cards = Vec::with_capacity(group.len());
        for card in group {
            let CardKind::Cloze { ord, .. } = card.draft.kind else {
                continue;
            };
            match u16::try_from(ord) {
                Ok(number) if number > 0 => cards.push(self.card(number - 1, card)),
                _ => self.plan.skipped += 1,
            }
        }
        if cards.is_empty() {
            return;
        }
        let (id, guid) = self.note_ids(note, note);
        self.plan.notes.push(Note {
            id,
            guid,
            model: Model::Cloze,
            deck: self.deck_id,
            fields: vec![html(source), html(&first.draft.extra)],
            first_text: source.clone(),
            tags: first.draft.tags.clone(),
            cards,
        });
    }

    fn card(&mut self, ord: u16, card: &'a Card) -> NoteCard<'a> {
        let id = unique(
            &mut self.ids.cards,
            hashed(&["card", self.deck_name, card.id().as_str()]),
        );
        NoteCard { id, ord, card }
    }

    /// The id and guid of the note keyed `key` (entry `note`, or a lone
    /// reverse card's id).
    fn note_ids(&mut self, note: &str, key: &str) -> (i64, String) {
        let id = unique(&mut self.ids.notes, hashed(&["note", self.deck_name, key]));
        let mut guid = guid_of(key);
        let owner = self.owners.get(note).copied().unwrap_or(self.our_deck_id);
        if owner < self.our_deck_id || guid.is_empty() {
            guid = format!("{guid}#{}", self.deck_name);
        }
        let mut candidate = guid.clone();
        let mut n = 2;
        while !self.ids.guids.insert(candidate.clone()) {
            candidate = format!("{guid}#{n}");
            n += 1;
        }
        (id, candidate)
    }
}

/// Whether `reverse` is the mirror of `basic`, so both fit one note.
fn pairs(basic: &Card, reverse: &Card) -> bool {
    let (b, r) = (&basic.draft, &reverse.draft);
    b.front == r.back
        && b.back == r.front
        && b.tags == r.tags
        && b.extra.is_empty()
        && r.extra.is_empty()
}

/// The Anki guid of note key `key`: the guid it came from when it is one
/// [`id_from_guid`] made, else the key itself.
pub fn guid_of(key: &str) -> String {
    let decoded = percent_decoded(key);
    match decoded {
        Some(guid) if id_from_guid(&guid) == key => guid,
        _ => key.to_string(),
    }
}

/// `text` with every `%XX` replaced by its byte; `None` when that is not
/// UTF-8 or a `%` starts no escape.
fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_string());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Plain text as an HTML field: `&`, `<` and `>` escaped, line breaks as
/// `<br>`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// The back of a basic card with its extra text (which Anki's Basic note
/// type has no field for) after a blank line.
fn with_extra(back: &str, extra: &str) -> String {
    if extra.is_empty() {
        html(back)
    } else {
        format!("{}<br><br>{}", html(back), html(extra))
    }
}

/// A stable id from `parts`, in the range of [`MIN_ID`].
fn hashed(parts: &[&str]) -> i64 {
    let digest = sha1_smol::Sha1::from(parts.join("\u{1f}")).digest().bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    MIN_ID + (u64::from_be_bytes(first) % ID_SPAN as u64) as i64
}

/// `id`, or the next free one after it (wrapping in the range).
fn unique(used: &mut HashSet<i64>, mut id: i64) -> i64 {
    while !used.insert(id) {
        id = if id + 1 >= MIN_ID + ID_SPAN {
            MIN_ID
        } else {
            id + 1
        };
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CardDraft, Schedule};
    use crate::export::apkg::ExportDeck;

    fn card(deck_id: i64, draft: CardDraft) -> Card {
        Card {
            row_id: 0,
            deck_id,
            deck: String::new(),
            draft,
            position: 0,
            schedule: Schedule::New,
            reviews: 0,
            lapses: 0,
            suspended: false,
        }
    }

    fn export<'a>(decks: &'a [ExportDeck], owners: &'a HashMap<String, i64>) -> Export<'a> {
        Export {
            decks,
            reviews: &[],
            note_owners: owners,
            today: "2026-01-01".parse().unwrap(),
            now_ms: 0,
            day_starts_at_hour: 4,
            new_per_day: 20,
            reviews_per_day: 200,
        }
    }

    #[test]
    fn guids_undo_the_importers_escapes() {
        for guid in ["abc", "a#b%c", "x y", "Ü\u{1}", "q.5x|SqP^O"] {
            assert_eq!(guid_of(&id_from_guid(guid)), guid, "{guid}");
        }
        // Keys the importer could not have made stay as they are.
        assert_eq!(guid_of("50%-rule"), "50%-rule");
        assert_eq!(guid_of("pitch/why"), "pitch/why");
    }

    proptest::proptest! {
        /// Any Anki guid survives the importer's escapes and our reversal.
        #[test]
        fn any_guid_comes_back(guid in "(?s).{1,24}") {
            let guid = guid.trim().to_string();
            proptest::prop_assume!(!guid.is_empty());
            proptest::prop_assert_eq!(guid_of(&id_from_guid(&guid)), guid);
        }
    }

    #[test]
    fn text_becomes_escaped_html() {
        assert_eq!(
            html("a < b && c > d\r\nnext\nline"),
            "a &lt; b &amp;&amp; c &gt; d<br>next<br>line"
        );
        assert_eq!(with_extra("back", "more"), "back<br><br>more");
    }

    #[test]
    fn reverse_cards_join_their_basic_card_when_they_mirror_it() {
        let tags = vec!["t".to_string()];
        let cards = vec![
            card(1, CardDraft::basic("a", "F", "B", tags.clone())),
            card(1, CardDraft::reverse("a", "F", "B", tags.clone())),
            card(1, CardDraft::basic("b", "F", "B", tags.clone())),
            // Its tags differ from its basic card's: a note of its own.
            card(1, CardDraft::reverse("b", "F", "B", vec![])),
            // No basic card at all.
            card(1, CardDraft::reverse("c", "F", "B", vec![])),
        ];
        let decks = [ExportDeck {
            id: 1,
            name: "D".into(),
            description: String::new(),
            cards,
        }];
        let owners = HashMap::new();
        let plan = plan(&export(&decks, &owners));
        let notes: Vec<_> = plan
            .notes
            .iter()
            .map(|n| (n.guid.as_str(), n.model, n.cards.len(), n.fields.clone()))
            .collect();
        assert_eq!(
            notes,
            [
                ("a", Model::Reversed, 2, vec!["F".into(), "B".into()]),
                ("b", Model::Basic, 1, vec!["F".into(), "B".into()]),
                ("b#r", Model::Basic, 1, vec!["B".into(), "F".into()]),
                ("c#r", Model::Basic, 1, vec!["B".into(), "F".into()]),
            ]
        );
    }

    #[test]
    fn decks_keep_their_parents_and_merge_as_anki_does() {
        let deck = |id: i64, name: &str, note: &str| ExportDeck {
            id,
            name: name.into(),
            description: format!("about {name}"),
            cards: vec![card(id, CardDraft::basic(note, "F", "B", vec![]))],
        };
        let decks = [
            deck(1, "A::B", "x"),
            deck(2, "a::b", "x"),
            deck(3, "default", "y"),
        ];
        let owners = HashMap::from([("x".to_string(), 1), ("y".to_string(), 3)]);
        let plan = plan(&export(&decks, &owners));
        let names: Vec<_> = plan
            .decks
            .iter()
            .map(|d| (d.name.as_str(), d.description.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Default", "about default"),
                ("A", ""),
                ("A::B", "about A::B")
            ]
        );
        assert_eq!(plan.decks[0].id, DEFAULT_DECK_ID);
        let guids: Vec<_> = plan.notes.iter().map(|n| n.guid.as_str()).collect();
        assert_eq!(guids, ["x", "x#a::b", "y"]);
        assert_eq!(plan.notes[0].deck, plan.notes[1].deck);
        let ids: HashSet<i64> = plan.notes.iter().map(|n| n.id).collect();
        assert_eq!(ids.len(), 3);
        assert!(ids.iter().all(|id| (MIN_ID..MIN_ID + ID_SPAN).contains(id)));
    }
}
