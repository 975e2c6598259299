-- Metadata of stored files. The content lives in the configured store (local disk by default) under
-- storage_key, which the application generates; original_name is the user's name, metadata only.
CREATE TABLE files.stored_file (
  id             UUID PRIMARY KEY,
  original_name  TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 1024),
  content_type   TEXT NOT NULL,
  size           BIGINT NOT NULL CHECK (size > 0),
  sha256         TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key    TEXT NOT NULL UNIQUE,
  owner          TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_owner ON files.stored_file (owner, created_at DESC);
CREATE INDEX stored_file_sha256 ON files.stored_file (sha256);
