//! The Anki package reader past the zip: the fuzz input is the collection
//! itself (a SQLite file), packed as `collection.anki2`, `collection.anki21`
//! or, zstd-compressed, `collection.anki21b` (the first byte chooses), so the
//! mutations reach the reader's SQL and its note type, field and deck logic.
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
    let _ = apkg::read_with_limits(&path, &NoProgress, &limits);
});
