-- Demo data: three API keys (documented in the README) and two posts. The key hashes are
-- SHA-256 of the secrets lc_test_admin, lc_test_readonly and lc_test_limited.

INSERT INTO api_keys (id, name, key_hash, scope, write_limit_per_minute) VALUES
  ('key_admin', 'Admin (read-write)', '76a348ab5ca9b0c1c3a16e7b1f05e15dd0c993351bad60f7aa596d95d43a2df6', 'write', NULL),
  ('key_readonly', 'Read-only', 'ef3a93415f88dad63a86df8a31704a1af53fe79b62e5ffc1760881ab6761f06f', 'read', NULL),
  ('key_limited', 'Rate-limit demo (read-write, 3 writes a minute)', '2cc27192feb1d1a9df97ea879f8b2b4d98c5abd13b654102839fc3cd35b735b8', 'write', 3);

INSERT INTO posts (id, title, description, author_key_id, created_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Dark mode', 'A dark theme for the dashboard and the public board.', 'key_admin', '2026-01-05T09:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000002', 'Export posts as CSV', NULL, 'key_admin', '2026-01-06T09:00:00.000Z');
