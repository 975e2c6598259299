-- Public services: the procedure catalogue (thủ tục hành chính) and dossiers (hồ sơ).
CREATE SCHEMA IF NOT EXISTS services;

-- Domains (lĩnh vực) of the national database of administrative procedures.
CREATE TABLE services.domain (
  code     TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  name_en  TEXT,
  sort_key BYTEA NOT NULL
);

-- A procedure with the fields of the national database. Lists (methods, fees, documents, legal
-- basis) and the e-form are JSON documents: they are read and written whole, never queried inside.
CREATE TABLE services.procedure (
  id             BIGSERIAL PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z.\-]{2,62}$'),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 3 AND 1000),
  domain_code    TEXT NOT NULL REFERENCES services.domain (code),
  levels         TEXT[] NOT NULL CHECK (cardinality(levels) > 0 AND levels <@ ARRAY['PROVINCE', 'COMMUNE']),
  agency_code    TEXT,
  online_level   TEXT NOT NULL CHECK (online_level IN ('FULL', 'PARTIAL')),
  applicants     TEXT,
  methods        JSONB NOT NULL,
  fees           JSONB NOT NULL,
  documents      JSONB NOT NULL,
  result         TEXT,
  legal_basis    JSONB NOT NULL,
  conditions     TEXT,
  form           JSONB,
  status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
  demo           BOOLEAN NOT NULL DEFAULT false,
  version        INT NOT NULL DEFAULT 1,
  sort_key       BYTEA NOT NULL,
  search_text    TEXT GENERATED ALWAYS AS (platform.unaccent_vi(name || ' ' || code)) STORED,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX procedure_search ON services.procedure USING gin (search_text platform.gin_trgm_ops);
CREATE INDEX procedure_listing ON services.procedure (status, sort_key);
CREATE INDEX procedure_domain ON services.procedure (domain_code);

-- A dossier. The code is given at submission: agency code, day (yyMMdd, Asia/Ho_Chi_Minh) and the
-- day's sequence from dossier_sequence, taken in the submitting transaction (no gaps, no duplicates).
CREATE TABLE services.dossier (
  id                UUID PRIMARY KEY,
  code              TEXT UNIQUE,
  procedure_id      BIGINT NOT NULL REFERENCES services.procedure (id),
  agency_id         BIGINT NOT NULL,
  channel           TEXT NOT NULL CHECK (channel IN ('ONLINE', 'DIRECT', 'POST')),
  status            TEXT NOT NULL,
  owner_account_id  BIGINT,
  owner_name        TEXT,
  registered_by     TEXT,
  applicant         JSONB NOT NULL,
  form_data         JSONB NOT NULL DEFAULT '{}',
  delivery          TEXT NOT NULL CHECK (delivery IN ('ONLINE', 'DESK', 'POST')),
  delivery_address  TEXT,
  lookup_digits     TEXT[] NOT NULL DEFAULT '{}',
  idempotency_key   TEXT,
  request_hash      TEXT,
  supplement        JSONB,
  refusal_reason    TEXT,
  receipt_file_id   UUID,
  received_by       TEXT,
  submitted_at      TIMESTAMPTZ,
  reception_due_at  TIMESTAMPTZ,
  received_at       TIMESTAMPTZ,
  appointment_at    TIMESTAMPTZ,
  closed_at         TIMESTAMPTZ,
  version           INT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT dossier_code_when_submitted CHECK (status = 'DRAFT' OR code IS NOT NULL)
);
CREATE UNIQUE INDEX dossier_idempotency ON services.dossier (owner_account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX dossier_owner ON services.dossier (owner_account_id, updated_at DESC);
CREATE INDEX dossier_inbox ON services.dossier (agency_id, status, submitted_at);

CREATE TABLE services.dossier_sequence (
  agency_code TEXT NOT NULL,
  day         DATE NOT NULL,
  last_value  INT NOT NULL,
  PRIMARY KEY (agency_code, day)
);

-- Documents (thành phần hồ sơ) attached to a dossier; the content is in the files module.
CREATE TABLE services.dossier_document (
  id            BIGSERIAL PRIMARY KEY,
  dossier_id    UUID NOT NULL REFERENCES services.dossier (id) ON DELETE CASCADE,
  slot          INT NOT NULL,
  file_id       UUID NOT NULL,
  name          TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  supplement    BOOLEAN NOT NULL DEFAULT false,
  added_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dossier_document_dossier ON services.dossier_document (dossier_id, slot);

-- The timeline of a dossier: one row per event the applicant may see.
CREATE TABLE services.dossier_event (
  id          BIGSERIAL PRIMARY KEY,
  dossier_id  UUID NOT NULL REFERENCES services.dossier (id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  status      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  note        TEXT,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dossier_event_dossier ON services.dossier_event (dossier_id, at);
