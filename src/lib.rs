//! rehearse: a command-line spaced-repetition trainer. The binary in
//! `main.rs` only parses arguments and maps outcomes to exit codes; all the
//! work is here, in folders named after the domain.

pub mod bundled;
pub mod cli;
pub mod clock;
pub mod deck;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
pub mod lesson;
pub mod review;
pub mod scheduler;
pub mod settings;
pub mod stats;
pub mod storage;
pub mod sync;
