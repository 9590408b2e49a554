INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
VALUES (:id, :guid, :mid, :mod, -1, :tags, :flds, :sfld, :csum, 0, '')
