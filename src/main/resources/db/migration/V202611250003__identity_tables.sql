CREATE TABLE identity.account (
  id               BIGSERIAL PRIMARY KEY,
  email            TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name     TEXT NOT NULL,
  password_hash    TEXT,
  status           TEXT NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
  locale           TEXT NOT NULL DEFAULT 'vi',
  failed_attempts  INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMPTZ,
  last_sign_in_at  TIMESTAMPTZ,
  oidc_issuer      TEXT,
  oidc_subject     TEXT,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);

-- A role; OFFICER and LEADER are scoped to one agency each row (agency ids of the units module).
CREATE TABLE identity.role_grant (
  id          BIGSERIAL PRIMARY KEY,
  account_id  BIGINT NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('CITIZEN', 'OFFICER', 'LEADER', 'ADMIN')),
  agency_id   BIGINT,
  CHECK ((role IN ('OFFICER', 'LEADER')) = (agency_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_grant_unique ON identity.role_grant (account_id, role, coalesce(agency_id, 0));

-- Personal API tokens: only a SHA-256 of the secret is kept; the secret is shown once.
CREATE TABLE identity.api_token (
  id            BIGSERIAL PRIMARY KEY,
  account_id    BIGINT NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  prefix        TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at    TIMESTAMPTZ,
  last_used_at  TIMESTAMPTZ,
  revoked_at    TIMESTAMPTZ
);

-- E-mail verification and password reset links: single use, short lived, hashed.
CREATE TABLE identity.one_time_token (
  token_hash  TEXT PRIMARY KEY,
  account_id  BIGINT NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
  purpose     TEXT NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ
);
