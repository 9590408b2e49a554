//! Note types and decks of a schema 18 collection (`collection.anki21b`,
//! and `collection.anki21` of recent Anki versions): tables `notetypes`,
//! `fields`, `templates` and `decks`, whose `config` and `kind` columns are
//! protobuf messages read by the few fields we need.

use std::collections::HashMap;

use rusqlite::Connection;

use super::notes::{Decks, NoteType};
use crate::import::html;

/// Whether the collection has the schema 18 tables.
pub fn is_modern(db: &Connection) -> rusqlite::Result<bool> {
    db.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// Note types by id. The notetype `config` and template `config` are
/// protobuf: kind (1 = cloze) is field 1 of the former, the question format
/// field 1 of the latter.
pub fn note_types(db: &Connection) -> rusqlite::Result<HashMap<i64, NoteType>> {
    let mut fields: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = db.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        fields.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut questions: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = db.prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let config: Vec<u8> = row.get(1)?;
        let question = proto_bytes(&config, 1)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        questions.entry(row.get(0)?).or_default().push(question);
    }
    let mut types = HashMap::new();
    let mut stmt = db.prepare("SELECT id, name, config FROM notetypes")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let config: Vec<u8> = row.get(2)?;
        let cloze_kind = proto_varint(&config, 1) == Some(1);
        let empty = Vec::new();
        types.insert(
            id,
            NoteType::new(
                row.get(1)?,
                cloze_kind,
                fields.get(&id).unwrap_or(&empty),
                questions.get(&id).unwrap_or(&empty),
            ),
        );
    }
    Ok(types)
}

/// Decks by id: names split by 0x1f, the description in the protobuf `kind`
/// (normal = field 1, its description = field 4).
pub fn decks(db: &Connection) -> rusqlite::Result<Decks> {
    let mut stmt = db.prepare("SELECT id, name, kind FROM decks")?;
    let mut rows = stmt.query([])?;
    let mut decks = HashMap::new();
    while let Some(row) = rows.next()? {
        let name: String = row.get(1)?;
        let kind: Vec<u8> = row.get(2)?;
        let description = proto_bytes(&kind, 1)
            .and_then(|normal| proto_bytes(normal, 4))
            .map(|d| html::to_text(&String::from_utf8_lossy(d)))
            .unwrap_or_default();
        decks.insert(row.get(0)?, (name.replace('\u{1f}', "::"), description));
    }
    Ok(decks)
}

/// One top-level protobuf field value.
enum ProtoValue<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Fixed,
}

/// A protobuf base-128 varint at the start of `buf`, which moves past it.
fn varint(buf: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = buf.split_first()?;
        *buf = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The value of wire type `wire` at the start of `buf`, which moves past it.
fn proto_value<'a>(wire: u64, buf: &mut &'a [u8]) -> Option<ProtoValue<'a>> {
    match wire {
        0 => varint(buf).map(ProtoValue::Varint),
        1 | 5 => {
            let len = if wire == 1 { 8 } else { 4 };
            *buf = buf.get(len..)?;
            Some(ProtoValue::Fixed)
        }
        2 => {
            let len = varint(buf).and_then(|l| usize::try_from(l).ok())?;
            if buf.len() < len {
                return None;
            }
            let (bytes, rest) = buf.split_at(len);
            *buf = rest;
            Some(ProtoValue::Bytes(bytes))
        }
        _ => None,
    }
}

/// The top-level fields of a protobuf message, as far as they can be read
/// (a malformed tail is ignored: these blobs only refine what we know).
fn proto_fields(mut buf: &[u8]) -> Vec<(u64, ProtoValue<'_>)> {
    let mut out = Vec::new();
    while !buf.is_empty() {
        let Some(key) = varint(&mut buf) else { break };
        let Some(value) = proto_value(key & 7, &mut buf) else {
            break;
        };
        out.push((key >> 3, value));
    }
    out
}

fn proto_varint(buf: &[u8], field: u64) -> Option<u64> {
    proto_fields(buf).into_iter().find_map(|(f, v)| match v {
        ProtoValue::Varint(n) if f == field => Some(n),
        _ => None,
    })
}

fn proto_bytes(buf: &[u8], field: u64) -> Option<&[u8]> {
    proto_fields(buf).into_iter().find_map(|(f, v)| match v {
        ProtoValue::Bytes(b) if f == field => Some(b),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protobuf_fields_are_found() {
        // kind = 1 (varint), field 3 = "css", field 9 = fixed32
        let blob = [0x08, 0x01, 0x1a, 0x03, b'c', b's', b's', 0x4d, 1, 2, 3, 4];
        assert_eq!(proto_varint(&blob, 1), Some(1));
        assert_eq!(proto_bytes(&blob, 3), Some(&b"css"[..]));
        assert_eq!(proto_varint(&blob, 2), None);
        // Truncated: what was read stays, no panic.
        assert_eq!(proto_varint(&[0x08, 0x01, 0x1a, 0x09, b'c'], 1), Some(1));
        assert_eq!(proto_bytes(&[0x1a, 0xff], 3), None);
        assert!(proto_fields(&[0xff; 12]).is_empty());
    }
}
