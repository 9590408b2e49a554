//! Anki packages: .apkg and .colpkg (SPEC §5).
