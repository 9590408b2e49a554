SELECT key, value FROM config
