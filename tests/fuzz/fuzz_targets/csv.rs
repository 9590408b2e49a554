//! The CSV/TSV reader on any bytes, as a `.csv` and a `.tsv` file: a deck or
//! an error naming the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehearse::import::{NoProgress, csv};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["deck.csv", "deck.tsv"] {
        let path = dir.path().join(name);
        std::fs::write(&path, data).expect("write input");
        let _ = csv::read(&path, csv::separator_for(&path), None, &NoProgress);
    }
});
