-- Administrative units of both structures: 2024 = three levels (province, district, commune) before
-- 2025-07-01; 2025 = two levels (province, commune) since, per Resolution 202/2025/QH15 and the
-- National Assembly Standing Committee's resolutions on the 2025 commune-level rearrangement.
-- A code is unique only within one structure, so a unit is identified by (structure, code).
CREATE TABLE units.unit (
  structure      SMALLINT NOT NULL CHECK (structure IN (2024, 2025)),
  code           TEXT NOT NULL CHECK (code ~ '^[0-9]{2,5}$'),
  level          TEXT NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
  kind           TEXT NOT NULL,
  name           TEXT NOT NULL,
  short_name     TEXT NOT NULL,
  english_name   TEXT,
  parent_code    TEXT,
  province_code  TEXT NOT NULL,
  name_folded    TEXT NOT NULL,
  sort_key       BYTEA NOT NULL,
  PRIMARY KEY (structure, code)
);
CREATE INDEX unit_name_trgm ON units.unit USING gin (name_folded platform.gin_trgm_ops);
CREATE INDEX unit_province ON units.unit (structure, province_code, level);
CREATE INDEX unit_sort ON units.unit (sort_key);

-- The official conversion table: an old commune (2024) flows wholly or partly into new ones (2025).
-- Rows of the table without an old commune code (a whole district made a special zone) refer to the
-- old district's code; old_name keeps the name as published.
CREATE TABLE units.conversion (
  old_code   TEXT NOT NULL,
  new_code   TEXT NOT NULL,
  share      TEXT NOT NULL CHECK (share IN ('WHOLE', 'PART')),
  old_name   TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (old_code, new_code)
);
CREATE INDEX conversion_new ON units.conversion (new_code);

CREATE TABLE units.agency (
  id              BIGSERIAL PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('DEPARTMENT', 'PUBLIC_ADMINISTRATION_CENTRE', 'PEOPLES_COMMITTEE', 'OTHER')),
  level           TEXT NOT NULL CHECK (level IN ('PROVINCE', 'COMMUNE')),
  unit_structure  SMALLINT NOT NULL,
  unit_code       TEXT NOT NULL,
  email           TEXT,
  phone           TEXT,
  active          BOOLEAN NOT NULL DEFAULT TRUE,
  name_folded     TEXT NOT NULL,
  sort_key        BYTEA NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         INT NOT NULL DEFAULT 0,
  FOREIGN KEY (unit_structure, unit_code) REFERENCES units.unit (structure, code)
);
CREATE INDEX agency_unit ON units.agency (unit_structure, unit_code);
