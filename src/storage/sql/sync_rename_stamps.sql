UPDATE sync_stamps SET device = ?2 WHERE device = ?1
