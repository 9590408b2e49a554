//! HTML fields to card text (`import::html::to_text`, fast path and
//! html2text) on any UTF-8, entities and non-ASCII text included: text or
//! nothing, never a panic. Run with the entity dictionary beside it:
//!   RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz html -- -dict=tests/fuzz/html.dict
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehearse::import::html;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let plain = html::to_text(&text);
    // Card text never keeps markup white space at its ends.
    assert_eq!(plain.trim_end(), plain);
});
