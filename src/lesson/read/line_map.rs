//! Where a byte of the text read stands in the file the author wrote.

/// Byte offsets to 1-based lines of the file as the author wrote it.
pub(super) struct LineMap {
    starts: Vec<usize>,
    /// For each line of the text read, the original line (empty when the
    /// text was not changed).
    original: Vec<usize>,
}

impl LineMap {
    pub(super) fn new(text: &str, original: Vec<usize>) -> LineMap {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineMap { starts, original }
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        let n = self.starts.partition_point(|&s| s <= offset);
        self.original.get(n - 1).copied().unwrap_or(n)
    }
}
