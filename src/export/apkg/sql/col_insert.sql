INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
VALUES (1, :crt, :mod, :mod, 11, 0, 0, 0, :conf, :models, :decks, :dconf, '{}')
