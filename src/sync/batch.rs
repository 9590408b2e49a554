//! One batch file: a header line with the device, the range of sequence
//! numbers, the body's length in bytes and its SHA-1, then the events as
//! JSON lines (docs/sync.md, "Files"). A file-sync tool may show a file
//! before it has all of it: a body shorter than the header says is
//! *incomplete* (tried again next time); a body of the right length that
//! does not match its checksum or does not parse is *corrupt*.

use serde::{Deserialize, Serialize};

use super::event::Event;

/// The header line of a batch file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub rehearse_sync: u32,
    pub device: String,
    pub first: i64,
    pub last: i64,
    pub events: usize,
    pub bytes: usize,
    pub sha1: String,
}

/// The format version written in every header.
pub const FORMAT: u32 = 1;

/// Why a batch file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Shorter than its header says: still being copied.
    Incomplete,
    /// Whole, but wrong: reported and skipped.
    Corrupt(String),
}

/// The bytes of a batch of `device`'s events numbered `first..=last`
/// (`events` may skip numbers: changes superseded before they were sent).
pub fn encode(device: &str, first: i64, last: i64, events: &[Event]) -> Vec<u8> {
    let mut body = Vec::new();
    for event in events {
        serde_json::to_writer(&mut body, event).expect("an event is plain data");
        body.push(b'\n');
    }
    let header = Header {
        rehearse_sync: FORMAT,
        device: device.to_string(),
        first,
        last,
        events: events.len(),
        bytes: body.len(),
        sha1: sha1_smol::Sha1::from(&body).digest().to_string(),
    };
    let mut out = serde_json::to_vec(&header).expect("a header is plain data");
    out.push(b'\n');
    out.extend_from_slice(&body);
    out
}

/// Reads a batch: its header and events.
pub fn decode(bytes: &[u8]) -> Result<(Header, Vec<Event>), Unreadable> {
    let Some(newline) = bytes.iter().position(|&b| b == b'\n') else {
        return Err(Unreadable::Incomplete);
    };
    let header: Header = serde_json::from_slice(&bytes[..newline])
        .map_err(|e| Unreadable::Corrupt(format!("its header does not parse: {e}")))?;
    if header.rehearse_sync != FORMAT {
        return Err(Unreadable::Corrupt(format!(
            "it is in sync format {} (this rehearse reads {FORMAT}): upgrade rehearse",
            header.rehearse_sync
        )));
    }
    let body = &bytes[newline + 1..];
    if body.len() < header.bytes {
        return Err(Unreadable::Incomplete);
    }
    if body.len() > header.bytes {
        return Err(Unreadable::Corrupt(format!(
            "it holds {} bytes where its header says {}",
            body.len(),
            header.bytes
        )));
    }
    if sha1_smol::Sha1::from(body).digest().to_string() != header.sha1 {
        return Err(Unreadable::Corrupt("its checksum does not match".into()));
    }
    let mut events = Vec::with_capacity(header.events);
    for (n, line) in body.split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let event: Event = serde_json::from_slice(line)
            .map_err(|e| Unreadable::Corrupt(format!("event {} does not parse: {e}", n + 1)))?;
        if event.seq < header.first || event.seq > header.last {
            return Err(Unreadable::Corrupt(format!(
                "event {} is numbered {} outside {}..{}",
                n + 1,
                event.seq,
                header.first,
                header.last
            )));
        }
        events.push(event);
    }
    if events.len() != header.events {
        return Err(Unreadable::Corrupt(
            "it holds fewer events than its header says".into(),
        ));
    }
    Ok((header, events))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::event::{Body, Change, ChangeKind};
    use proptest::prelude::*;

    fn events(n: i64) -> Vec<Event> {
        (1..=n)
            .map(|seq| Event {
                seq,
                body: Body::Change(Change {
                    kind: ChangeKind::Setting,
                    deck: String::new(),
                    key: "fuzz".into(),
                    at_ms: seq,
                    value: serde_json::Value::String("false".into()),
                }),
            })
            .collect()
    }

    #[test]
    fn a_batch_reads_back() {
        let bytes = encode("laptop", 1, 3, &events(3));
        let (header, read) = decode(&bytes).unwrap();
        assert_eq!(
            (header.device.as_str(), header.first, header.last),
            ("laptop", 1, 3)
        );
        assert_eq!(read, events(3));
    }

    #[test]
    fn a_flipped_byte_is_corrupt() {
        let mut bytes = encode("laptop", 1, 3, &events(3));
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        assert!(matches!(decode(&bytes), Err(Unreadable::Corrupt(_))));
        assert!(matches!(
            decode(b"{not json\n"),
            Err(Unreadable::Corrupt(_))
        ));
    }

    proptest! {
        /// Every truncation of a batch is seen: incomplete, never read as
        /// a batch with fewer events.
        #[test]
        fn every_truncation_is_detected(n in 1i64..6, cut in 0usize..10_000) {
            let bytes = encode("d", 1, n, &events(n));
            let cut = cut % bytes.len();
            prop_assert!(decode(&bytes[..cut]).is_err());
        }
    }
}
