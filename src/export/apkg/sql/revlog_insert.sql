INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
VALUES (:id, :cid, -1, :ease, :ivl, :last_ivl, :factor, 0, :type)
