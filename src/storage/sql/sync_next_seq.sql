-- Takes the next event number of this device.
UPDATE sync_self SET next_seq = next_seq + 1 WHERE id = 1
RETURNING device, next_seq - 1
