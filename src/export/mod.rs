//! Writers that turn stored cards back into files: CSV here; TOML deck
//! files are written by [`crate::deck::write`]. `cli/export.rs` chooses the
//! format and where the text goes.

pub mod csv;
