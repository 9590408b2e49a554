//! Sync between collections through a folder another tool keeps in step
//! (docs/sync.md): the events exchanged, the batch files that carry them
//! and the folder they live in, and the `git` commands of `sync --git`.
//! No database here: `storage` turns events into rows and back.

pub mod batch;
pub mod event;
pub mod folder;
pub mod git;
