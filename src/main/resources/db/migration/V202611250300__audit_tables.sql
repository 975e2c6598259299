-- The audit trail: one row per state change or security event, append-only. Each row carries the
-- SHA-256 of its canonical form and of the row before it (see docs/audit.md), so that a change made
-- by someone who can get past the trigger below (a superuser, a restored backup) is still detected.
CREATE TABLE audit.record (
  seq          BIGINT PRIMARY KEY CHECK (seq > 0),
  occurred_at  TIMESTAMPTZ NOT NULL,
  actor        TEXT NOT NULL,
  address      TEXT,
  action       TEXT NOT NULL,
  target_type  TEXT NOT NULL,
  target_id    TEXT,
  outcome      TEXT NOT NULL,
  details      JSONB NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    TEXT NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash         TEXT NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX record_occurred_at ON audit.record (occurred_at);
CREATE INDEX record_action ON audit.record (action text_pattern_ops);
CREATE INDEX record_actor ON audit.record USING gin (lower(actor) platform.gin_trgm_ops);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER record_append_only BEFORE UPDATE OR DELETE ON audit.record
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER record_no_truncate BEFORE TRUNCATE ON audit.record
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
