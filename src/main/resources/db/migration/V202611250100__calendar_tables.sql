-- The working calendar. Weekly rest days and the holidays of the Labour Code 2019 (art. 111-112)
-- are computed; only what the government announces each year is stored: make-up working days
-- (ngày làm bù) and extra days off, entered by administrators, and agencies' own working hours.

CREATE TABLE calendar.adjustment (
  id          BIGSERIAL PRIMARY KEY,
  day         DATE NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('WORKING_DAY', 'DAY_OFF')),
  reason      TEXT NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  created_by  TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Working hours of an agency that differ from tinhso.calendar.working-hours. The agency is the
-- units module's, referenced by its identifier only (no foreign key across modules).
CREATE TABLE calendar.agency_hours (
  agency_id   BIGINT PRIMARY KEY CHECK (agency_id > 0),
  hours       TEXT NOT NULL CHECK (hours ~ '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}(,[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2})*$'),
  updated_by  TEXT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
