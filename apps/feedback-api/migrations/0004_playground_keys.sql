-- The playground's own key, so that a pass over every case (about 30 writes on three surfaces)
-- never runs into the write limit of lc_test_admin and shows 429 under another case's label.
-- The 429 case keeps lc_test_limited (3 writes a minute). The hash is SHA-256 of the secret
-- lc_test_playground.

INSERT INTO api_keys (id, name, key_hash, scope, write_limit_per_minute) VALUES
  ('key_playground', 'Playground (read-write, 100,000 writes a minute)', '48adbdb51fcb41af39d9b4b1777e78c1e852eb28878d2908135f9e346ceaea17', 'write', 100000);
