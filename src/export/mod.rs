//! Writers that turn stored cards back into files: CSV and Anki packages
//! here; TOML deck files are written by [`crate::deck::write`]. `cli/export.rs` chooses the
//! format and where the text goes.

pub mod apkg;
pub mod csv;
