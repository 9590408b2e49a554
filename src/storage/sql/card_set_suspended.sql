-- Suspends (1) or unsuspends (0) one card.
UPDATE cards SET suspended = :suspended WHERE id = :id
