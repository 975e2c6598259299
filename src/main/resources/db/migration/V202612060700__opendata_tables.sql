-- Open data (dữ liệu mở): the dataset catalogue behind the portal, the CKAN Action API and DCAT.
-- Decree 47/2020/NĐ-CP and the Data Law 60/2024/QH15 set the rules (docs/opendata.md).
CREATE SCHEMA IF NOT EXISTS opendata;

-- Licences a dataset can be published under; "open" ones count for the quality score.
CREATE TABLE opendata.licence (
  id        TEXT PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9.\-_]{0,62}$'),
  title     TEXT NOT NULL,
  title_en  TEXT,
  url       TEXT,
  open      BOOLEAN NOT NULL,
  position  INT NOT NULL DEFAULT 0
);

-- Domains (lĩnh vực; CKAN groups, DCAT themes): configurable data.
CREATE TABLE opendata.domain (
  code            TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_\-]{1,99}$'),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  title_en        TEXT,
  description     TEXT,
  description_en  TEXT,
  icon            TEXT,
  theme           TEXT,
  position        INT NOT NULL DEFAULT 0,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Publishers (CKAN organizations): each is an agency of the units module, with a URL name.
CREATE TABLE opendata.publisher (
  agency_id       BIGINT PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_\-]{1,99}$'),
  title           TEXT NOT NULL,
  title_en        TEXT,
  description     TEXT,
  email           TEXT,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE SEQUENCE opendata.change_no;

-- A dataset (CKAN package, dcat:Dataset). Lists are arrays (tags, domain codes, spatial unit codes);
-- custom fields are CKAN extras [{key, value}].
CREATE TABLE opendata.dataset (
  id               UUID PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_\-]{1,99}$'),
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  title_en         TEXT,
  notes            TEXT,
  notes_en         TEXT,
  publisher_id     BIGINT NOT NULL REFERENCES opendata.publisher (agency_id),
  licence_id       TEXT REFERENCES opendata.licence (id),
  state            TEXT NOT NULL CHECK (state IN ('DRAFT', 'REVIEW', 'PUBLISHED', 'DELETED')),
  private          BOOLEAN NOT NULL DEFAULT false,
  version          TEXT,
  frequency        TEXT,
  temporal_start   DATE,
  temporal_end     DATE,
  spatial          TEXT[] NOT NULL DEFAULT '{}',
  contact_name     TEXT,
  contact_email    TEXT,
  source_url       TEXT,
  tags             TEXT[] NOT NULL DEFAULT '{}',
  domains          TEXT[] NOT NULL DEFAULT '{}',
  extras           JSONB NOT NULL DEFAULT '[]',
  demo             BOOLEAN NOT NULL DEFAULT false,
  harvest_source   BIGINT,
  harvest_ref      TEXT,
  creator          TEXT,
  review_note      TEXT,
  views            BIGINT NOT NULL DEFAULT 0,
  downloads        BIGINT NOT NULL DEFAULT 0,
  revision         INT NOT NULL DEFAULT 1,
  change_no        BIGINT NOT NULL DEFAULT nextval('opendata.change_no'),
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  modified_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at     TIMESTAMPTZ,
  data_updated_at  TIMESTAMPTZ,
  CONSTRAINT dataset_temporal CHECK (temporal_start IS NULL OR temporal_end IS NULL OR temporal_start <= temporal_end)
);
CREATE INDEX dataset_changes ON opendata.dataset (change_no);
CREATE INDEX dataset_publisher ON opendata.dataset (publisher_id, state);
CREATE UNIQUE INDEX dataset_harvested ON opendata.dataset (harvest_source, harvest_ref) WHERE harvest_source IS NOT NULL;

-- A resource (CKAN resource, dcat:Distribution): an uploaded file (files module) or a link.
CREATE TABLE opendata.resource (
  id            UUID PRIMARY KEY,
  dataset_id    UUID NOT NULL REFERENCES opendata.dataset (id) ON DELETE CASCADE,
  position      INT NOT NULL,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  description   TEXT,
  format        TEXT,
  url           TEXT,
  file_id       UUID,
  mimetype      TEXT,
  size          BIGINT,
  hash          TEXT,
  downloads     BIGINT NOT NULL DEFAULT 0,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  modified_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  checked_at    TIMESTAMPTZ,
  check_status  INT,
  check_error   TEXT,
  broken        BOOLEAN NOT NULL DEFAULT false,
  CONSTRAINT resource_has_content CHECK (url IS NOT NULL OR file_id IS NOT NULL)
);
CREATE INDEX resource_dataset ON opendata.resource (dataset_id, position);
CREATE INDEX resource_checks ON opendata.resource (checked_at NULLS FIRST) WHERE file_id IS NULL;

-- Every saved version of a dataset as its CKAN package dictionary: who changed what, when.
CREATE TABLE opendata.dataset_revision (
  dataset_id  UUID NOT NULL REFERENCES opendata.dataset (id) ON DELETE CASCADE,
  revision    INT NOT NULL,
  change      TEXT NOT NULL,
  changed_by  TEXT NOT NULL,
  changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  snapshot    JSONB NOT NULL,
  PRIMARY KEY (dataset_id, revision)
);

-- "Request a dataset": public requests and the publishers' answers.
CREATE TABLE opendata.dataset_request (
  id            BIGSERIAL PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 5 AND 300),
  description   TEXT NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
  requester     TEXT NOT NULL,
  email         TEXT,
  account_id    BIGINT,
  publisher_id  BIGINT REFERENCES opendata.publisher (agency_id),
  status        TEXT NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'DECLINED', 'PUBLISHED')),
  answer        TEXT,
  answered_by   TEXT,
  dataset_id    UUID REFERENCES opendata.dataset (id),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  answered_at   TIMESTAMPTZ
);
CREATE INDEX dataset_request_listing ON opendata.dataset_request (created_at DESC);

-- Accounts following a dataset's updates.
CREATE TABLE opendata.subscription (
  dataset_id  UUID NOT NULL REFERENCES opendata.dataset (id) ON DELETE CASCADE,
  account_id  BIGINT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset_id, account_id)
);
