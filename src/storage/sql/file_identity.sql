-- Whether a file is ours, at which schema version, and whether it is empty,
-- read in one statement so as one snapshot (see Collection::prepare).
SELECT (SELECT application_id FROM pragma_application_id),
       (SELECT user_version FROM pragma_user_version),
       (SELECT count(*) FROM sqlite_schema)
