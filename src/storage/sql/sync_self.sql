-- This collection's device name, next event number and whether its
-- history from before its first sync has been made into events.
SELECT device, next_seq, bootstrapped FROM sync_self WHERE id = 1
