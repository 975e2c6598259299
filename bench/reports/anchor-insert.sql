-- bench/run.sh reports-submit, the anchor: the rows of one report (report, photo, timeline entry)
-- inserted in one transaction, without the photo's bytes (pgbench variables :agency).
BEGIN;
INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, agency_id, source, status,
  visible, submitted_at, accept_due_at, updated_at, reporter_name, reporter_email)
VALUES (gen_random_uuid(), 'road-damage', 'Ổ gà lớn giữa đường (neo)', 'Ổ gà lớn giữa đường (neo)', 19.8075,
  105.7764, :agency, 'DEMO', 'SUBMITTED', true, now(), now() + interval '8 hours', now(), 'Neo', 'neo@example.vn')
RETURNING id \gset
INSERT INTO reports.media (report_id, stage, kind, original_file, width, height, added_at)
VALUES (:id, 'BEFORE', 'PHOTO', gen_random_uuid(), 2048, 1536, now());
INSERT INTO reports.report_event (report_id, kind, status, agency_id, public, at)
VALUES (:id, 'submitted', 'SUBMITTED', :agency, true, now());
COMMIT;
