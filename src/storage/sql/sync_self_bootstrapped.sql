UPDATE sync_self SET bootstrapped = 1, next_seq = max(next_seq,
    (SELECT coalesce(max(seq), 0) + 1 FROM reviews WHERE device = ?1),
    (SELECT coalesce(max(seq), 0) + 1 FROM sync_stamps WHERE device = ?1))
WHERE id = 1
