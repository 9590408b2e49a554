DELETE FROM interviews
