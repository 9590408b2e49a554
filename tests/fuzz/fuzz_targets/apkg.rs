//! The Anki package reader on any bytes: decks or an error, never a panic.
//! Small unpacking limits keep a bomb from eating the fuzzer's memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehearse::import::{NoProgress, apkg};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deck.apkg");
    std::fs::write(&path, data).expect("write input");
    let limits = apkg::Limits {
        max_collection_bytes: 8 << 20,
        max_ratio: 100,
        ratio_floor_bytes: 1 << 20,
    };
    let _ = apkg::read_with_limits(&path, &NoProgress, &limits);
});
