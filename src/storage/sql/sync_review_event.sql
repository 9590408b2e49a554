SELECT device, seq FROM reviews WHERE id = ?1
