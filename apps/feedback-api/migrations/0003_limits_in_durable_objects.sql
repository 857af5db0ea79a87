-- The per-key write limit moved to a Durable Object per API key (src/service/write-limiter.ts):
-- D1 keeps no rate-limit rows, so a write request is one write to D1's primary, not two.
DROP TABLE rate_limits;

-- Idempotency records expire after 24 hours (src/service/posts.ts): this index finds the
-- expired ones of a key on its writes, and all of them in the hourly cleanup.
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (api_key_id, created_at);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
