-- pgbench script of bench/run.sh services-submit: the anchor, "a plain INSERT of the same rows".
-- One transaction per dossier with the rows the API writes for it in services: the dossier row
-- (the same columns and values as DossierManagement.submit), its two document rows and its timeline
-- event. Variables (pgbench -D): procedure, agency, owner (ids of the benchmark's procedure, its
-- agency and the citizen account). Run with -M prepared, as PgJDBC runs the application's statements.
BEGIN;
INSERT INTO services.dossier (id, code, procedure_id, agency_id, channel, status, owner_account_id, owner_name,
  registered_by, applicant, form_data, delivery, delivery_address, lookup_digits, idempotency_key, request_hash,
  submitted_at, reception_due_at, received_at, received_by, appointment_at)
VALUES (gen_random_uuid(), 'ANCHOR-' || gen_random_uuid(), :procedure, :agency, 'ONLINE', 'SUBMITTED', :owner,
  'congdan@demo.tinhso.vn', NULL,
  CAST('{"name": "Nguyễn Thị Hồng Nhung","idNumber": "038190012345","phone": "0912345678","email": "nhung@example.vn","address": "Phường Hạc Thành, tỉnh Thanh Hóa","organisation": null}' AS jsonb),
  CAST('{}' AS jsonb), 'ONLINE', NULL, CAST('{5678,2345}' AS text[]), NULL,
  'c8a2f0e4d4b5f1e0a7c9b3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2', now(), now() + interval '1 day',
  NULL, NULL, NULL)
RETURNING id \gset
INSERT INTO services.dossier_document (dossier_id, slot, file_id, name, content_type, size, sha256, supplement)
VALUES (:id, 0, gen_random_uuid(), 'to-khai.pdf', 'application/pdf', 204800,
  'c1d9b98fe035cc4d9b5db4983b5da52040aef33639b32b1e0a1ff1a072a7b1dc', false);
INSERT INTO services.dossier_document (dossier_id, slot, file_id, name, content_type, size, sha256, supplement)
VALUES (:id, 1, gen_random_uuid(), 'can-cuoc.jpg', 'image/jpeg', 204800,
  '74550ceb416c264e4a37fa73b2c991fbb7f244bafac70d21354a4bf02ec849cb', false);
INSERT INTO services.dossier_event (dossier_id, type, status, actor, note)
VALUES (:id, 'submitted', 'SUBMITTED', 'Phạm Thị Công Dân', NULL);
COMMIT;
