-- Posts and votes of a LogChimp-like feedback board, with API-key auth, idempotency keys and
-- per-key write rate limits. Constraints do the concurrency work: the primary keys make a
-- double vote or a reused idempotency key land once, whatever the number of racing requests.

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- SHA-256 (hex) of the secret: the secret itself is never stored.
  key_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  -- Writes a minute for this key; NULL means the Worker's WRITE_RATE_LIMIT_PER_MINUTE.
  write_limit_per_minute INTEGER CHECK (write_limit_per_minute > 0)
);

CREATE TABLE posts (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description TEXT CHECK (description IS NULL OR length(description) <= 5000),
  author_key_id TEXT NOT NULL REFERENCES api_keys (id),
  created_at TEXT NOT NULL
);

CREATE INDEX posts_by_created_at ON posts (created_at DESC, id);

CREATE TABLE votes (
  post_id TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  api_key_id TEXT NOT NULL REFERENCES api_keys (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (post_id, api_key_id)
);

CREATE TABLE idempotency_keys (
  api_key_id TEXT NOT NULL REFERENCES api_keys (id),
  idempotency_key TEXT NOT NULL,
  -- The post the first request created (inserted in the same transaction).
  post_id TEXT NOT NULL,
  -- SHA-256 of the normalised request body: the same key with another body is a conflict.
  request_hash TEXT NOT NULL,
  -- The first 201 body, replayed as it was for a retry of the same request.
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE TABLE rate_limits (
  api_key_id TEXT NOT NULL REFERENCES api_keys (id),
  -- Unix time (seconds) of the start of the one-minute window.
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (api_key_id, window_start)
);
