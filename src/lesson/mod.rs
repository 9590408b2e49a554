//! Lesson documents → deck entries (SPEC §9). Pure: no I/O.
