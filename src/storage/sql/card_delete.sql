-- Card ?2 of deck ?1 leaves; its answers stay in the log.
DELETE FROM cards WHERE deck_id = ?1 AND key = ?2
RETURNING due_day IS NOT NULL AS learned, interval_days, suspended
