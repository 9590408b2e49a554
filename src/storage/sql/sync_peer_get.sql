SELECT applied FROM sync_peers WHERE device = ?1
