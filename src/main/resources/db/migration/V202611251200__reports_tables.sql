-- Citizen field reports (phản ánh hiện trường): categories, routing rules, reports, media, timeline.
CREATE SCHEMA IF NOT EXISTS reports;

-- A tree of categories (configurable data; the default set is loaded by ReportCategories).
CREATE TABLE reports.category (
  code              TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  parent_code       TEXT REFERENCES reports.category (code),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_en           TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  description       TEXT,
  icon              TEXT NOT NULL,
  anonymous_allowed BOOLEAN NOT NULL DEFAULT true,
  public_by_default BOOLEAN NOT NULL DEFAULT true,
  position          INT NOT NULL DEFAULT 0,
  active            BOOLEAN NOT NULL DEFAULT true
);

-- Routing rules: category x commune (x optional area) -> handling agency, or the People's Committee
-- of the report's commune (to_commune). The most specific rule wins (area, then commune, then
-- category, then priority); what nothing matches goes to triage.
CREATE TABLE reports.routing_rule (
  id            BIGSERIAL PRIMARY KEY,
  category_code TEXT REFERENCES reports.category (code),
  commune_code  TEXT,
  min_lat       DOUBLE PRECISION,
  min_lon       DOUBLE PRECISION,
  max_lat       DOUBLE PRECISION,
  max_lon       DOUBLE PRECISION,
  agency_id     BIGINT,
  to_commune    BOOLEAN NOT NULL DEFAULT false,
  priority      INT NOT NULL DEFAULT 0,
  note          TEXT,
  CHECK ((min_lat IS NULL) = (max_lat IS NULL) AND (min_lon IS NULL) = (max_lon IS NULL)
         AND (min_lat IS NULL) = (min_lon IS NULL)),
  CHECK ((agency_id IS NULL) = to_commune)
);

-- A report. seq is the public number (Open311 service_request_id); change_seq grows with every
-- change so that the in-memory map index can catch up incrementally on every node.
CREATE SEQUENCE reports.change_seq;
CREATE TABLE reports.report (
  id                 UUID PRIMARY KEY,
  seq                BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  category_code      TEXT NOT NULL REFERENCES reports.category (code),
  description        TEXT NOT NULL,
  public_text        TEXT NOT NULL,
  public_text_edited BOOLEAN NOT NULL DEFAULT false,
  lat                DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon                DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  commune_code       TEXT,
  address            TEXT,
  reporter_account   BIGINT,
  reporter_name      TEXT,
  reporter_phone     TEXT,
  reporter_email     TEXT,
  anonymous          BOOLEAN NOT NULL DEFAULT false,
  source             TEXT NOT NULL CHECK (source IN ('WEB', 'APP', 'OPEN311', 'DEMO')),
  client_key         TEXT,
  status             TEXT NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED',
                                                     'CLOSED', 'REJECTED', 'REOPENED')),
  severity           TEXT CHECK (severity IN ('URGENT', 'NORMAL', 'COMPLEX')),
  agency_id          BIGINT NOT NULL,
  visible            BOOLEAN NOT NULL DEFAULT true,
  submitted_at       TIMESTAMPTZ NOT NULL,
  accept_due_at      TIMESTAMPTZ,
  accepted_at        TIMESTAMPTZ,
  handle_due_at      TIMESTAMPTZ,
  resolved_at        TIMESTAMPTZ,
  closed_at          TIMESTAMPTZ,
  answer             TEXT,
  reject_reason      TEXT,
  rating             INT CHECK (rating BETWEEN 1 AND 5),
  rating_comment     TEXT,
  rated_at           TIMESTAMPTZ,
  reopen_count       INT NOT NULL DEFAULT 0,
  merged_into        UUID REFERENCES reports.report (id),
  reminded_at        TIMESTAMPTZ,
  escalated_at       TIMESTAMPTZ,
  on_time            BOOLEAN,
  followers          INT NOT NULL DEFAULT 0,
  change_seq         BIGINT NOT NULL DEFAULT nextval('reports.change_seq'),
  updated_at         TIMESTAMPTZ NOT NULL,
  version            INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX report_client_key ON reports.report (coalesce(reporter_account, 0), client_key)
  WHERE client_key IS NOT NULL;
CREATE INDEX report_agency_status ON reports.report (agency_id, status, submitted_at);
CREATE INDEX report_reporter ON reports.report (reporter_account, submitted_at DESC);
CREATE INDEX report_nearby ON reports.report (category_code, lat, lon) WHERE status NOT IN ('CLOSED', 'REJECTED');
CREATE INDEX report_change ON reports.report (change_seq);
CREATE INDEX report_submitted ON reports.report (submitted_at);
CREATE INDEX report_due ON reports.report (status, accept_due_at, handle_due_at);

-- Photos and videos. The original is kept for the agency; the public copy (re-encoded: no EXIF,
-- resized) and the thumbnail are made after the report is saved.
CREATE TABLE reports.media (
  id             BIGSERIAL PRIMARY KEY,
  report_id      UUID NOT NULL REFERENCES reports.report (id) ON DELETE CASCADE,
  stage          TEXT NOT NULL CHECK (stage IN ('BEFORE', 'AFTER')),
  kind           TEXT NOT NULL CHECK (kind IN ('PHOTO', 'VIDEO')),
  original_file  UUID NOT NULL,
  public_file    UUID,
  thumb_file     UUID,
  width          INT,
  height         INT,
  taken_at       TIMESTAMPTZ,
  exif_lat       DOUBLE PRECISION,
  exif_lon       DOUBLE PRECISION,
  added_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX media_report ON reports.media (report_id, id);
CREATE INDEX media_unprocessed ON reports.media (id) WHERE public_file IS NULL AND kind = 'PHOTO';

-- The timeline: every transition and edit. public = shown on the public page.
CREATE TABLE reports.report_event (
  id         BIGSERIAL PRIMARY KEY,
  report_id  UUID NOT NULL REFERENCES reports.report (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  status     TEXT NOT NULL,
  actor_name TEXT,
  agency_id  BIGINT,
  note       TEXT,
  previous   TEXT,
  public     BOOLEAN NOT NULL DEFAULT true,
  at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_event_report ON reports.report_event (report_id, id);

-- People who follow a report ("me too") and are told of its progress.
CREATE TABLE reports.follower (
  report_id  UUID NOT NULL REFERENCES reports.report (id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL,
  since      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (report_id, account_id)
);
CREATE INDEX follower_account ON reports.follower (account_id);
