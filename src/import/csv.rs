//! CSV/TSV in Anki's text format (SPEC §5).
