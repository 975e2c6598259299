-- Public statistics and demo marks over reports.report (docs/reports.md, "Public map, statistics and demo data").
-- The statistics read every report of a period once (one GROUPING SETS scan); this index covers the
-- columns they read, so that a period is an index-only range scan instead of a pass over whole rows.
CREATE INDEX report_stats ON reports.report (submitted_at)
  INCLUDE (status, category_code, commune_code, agency_id, on_time, rating, resolved_at)
  WHERE merged_into IS NULL;
-- Demo reports are few or none; pages ask whether any exist (the "Dữ liệu mẫu" badge) without a scan.
CREATE INDEX report_demo ON reports.report (seq) WHERE source = 'DEMO';
