-- Harvesting other catalogues (a CKAN Action API or a DCAT catalogue) into the portal.
CREATE TABLE opendata.harvest_source (
  id            BIGSERIAL PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  kind          TEXT NOT NULL CHECK (kind IN ('CKAN', 'DCAT')),
  url           TEXT NOT NULL CHECK (url ~* '^https?://'),
  publisher_id  BIGINT NOT NULL REFERENCES opendata.publisher (agency_id),
  frequency     TEXT NOT NULL CHECK (frequency IN ('MANUAL', 'HOURLY', 'DAILY', 'WEEKLY')),
  active        BOOLEAN NOT NULL DEFAULT true,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (kind, url)
);

-- One run of a source. A RUNNING job's heartbeat moves while it works; a job whose node died is
-- found by its stale heartbeat and marked FAILED, so no job stays stuck (docs/opendata.md).
CREATE TABLE opendata.harvest_job (
  id            BIGSERIAL PRIMARY KEY,
  source_id     BIGINT NOT NULL REFERENCES opendata.harvest_source (id),
  status        TEXT NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  requested_by  TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at    TIMESTAMPTZ,
  heartbeat_at  TIMESTAMPTZ,
  finished_at   TIMESTAMPTZ,
  created       INT NOT NULL DEFAULT 0,
  updated       INT NOT NULL DEFAULT 0,
  unchanged     INT NOT NULL DEFAULT 0,
  deleted       INT NOT NULL DEFAULT 0,
  errors        INT NOT NULL DEFAULT 0,
  log           JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX harvest_job_source ON opendata.harvest_job (source_id, created_at DESC);
CREATE INDEX harvest_job_open ON opendata.harvest_job (status) WHERE status IN ('QUEUED', 'RUNNING');
-- At most one queued or running job per source.
CREATE UNIQUE INDEX harvest_job_one_open ON opendata.harvest_job (source_id) WHERE status IN ('QUEUED', 'RUNNING');

-- What the source last said about a harvested dataset, to skip the unchanged ones next time.
ALTER TABLE opendata.dataset ADD COLUMN harvest_modified TEXT;
