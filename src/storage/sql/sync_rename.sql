-- Before its first sync, a device's events take its new name (?1 → ?2).
UPDATE reviews SET device = ?2 WHERE device = ?1
