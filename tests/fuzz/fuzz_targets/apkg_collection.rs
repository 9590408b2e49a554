//! The Anki package reader past the zip: the fuzz input is the collection
//! itself (a SQLite file), packed as `collection.anki2`, `collection.anki21`
//! or, zstd-compressed, `collection.anki21b` (the first byte chooses), so the
//! mutations reach the reader's SQL and its note type, field and deck logic;
//! the top bit of the first byte also reads the scheduling and the review
//! log (docs/imports.md, "Scheduling and history").
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use rehearse::import::{NoProgress, apkg};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, collection)) = data.split_first() else {
        return;
    };
    let (name, bytes) = match choice % 3 {
        0 => ("collection.anki2", collection.to_vec()),
        1 => ("collection.anki21", collection.to_vec()),
        _ => (
            "collection.anki21b",
            zstd::encode_all(collection, 1).expect("compress"),
        ),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deck.apkg");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    zip.start_file(name, options).expect("zip entry");
    zip.write_all(&bytes).expect("zip write");
    zip.finish().expect("zip finish");
    let limits = apkg::Limits {
        max_collection_bytes: 8 << 20,
        max_ratio: 100,
        ratio_floor_bytes: 1 << 20,
    };
    if choice & 0x80 == 0 {
        let _ = apkg::read_with_limits(&path, &NoProgress, &limits);
    } else {
        let clock = rehearse::clock::Clock {
            now_ms: 1_796_000_000_000,
            day_starts_at_hour: 4,
        };
        if let Ok((outcome, histories)) =
            apkg::read_with_history_and_limits(&path, &NoProgress, &clock, &limits)
        {
            assert!(histories.values().all(|h| h.is_consistent()));
            assert!(!outcome.decks.is_empty());
        }
    }
});
