INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,
                   left, odue, odid, flags, data)
VALUES (:id, :nid, :did, :ord, :mod, -1, :type, :queue, :due, :ivl, :factor, :reps, :lapses,
        0, 0, 0, 0, '{}')
