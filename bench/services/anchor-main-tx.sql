-- pgbench script of bench/run.sh services-submit, diagnostic: the writes of one API submission's
-- synchronous transactions without the application's work between them. First the API token's
-- "last used" UPDATE (a transaction of its own in ApiTokenFilter, on the same token row for every
-- request, as in the benchmark), then the main transaction: the two stored-file rows, the daily code
-- sequence (one row per agency and day, locked until commit), the dossier, its two documents, its
-- timeline event and the three event publications of the asynchronous audit trail (two FileStored, one
-- DossierEvent.Submitted; written under listener 'bench.anchor' and deleted after the run, so that the
-- application's listeners never see them). Variables: procedure, agency, owner, token (api_token id).
-- (A space follows every colon inside the JSON literals: pgbench would read ":name" as a variable.)
UPDATE identity.api_token SET last_used_at = now() WHERE id = :token RETURNING account_id;
BEGIN;
INSERT INTO files.stored_file (id, original_name, content_type, size, sha256, storage_key, owner, created_at)
VALUES (gen_random_uuid(), 'to-khai.pdf', 'application/pdf', 204800,
  'c1d9b98fe035cc4d9b5db4983b5da52040aef33639b32b1e0a1ff1a072a7b1dc', 'anchor/' || gen_random_uuid(),
  'congdan@demo.tinhso.vn', now());
INSERT INTO files.stored_file (id, original_name, content_type, size, sha256, storage_key, owner, created_at)
VALUES (gen_random_uuid(), 'can-cuoc.jpg', 'image/jpeg', 204800,
  '74550ceb416c264e4a37fa73b2c991fbb7f244bafac70d21354a4bf02ec849cb', 'anchor/' || gen_random_uuid(),
  'congdan@demo.tinhso.vn', now());
INSERT INTO services.dossier_sequence (agency_code, day, last_value) VALUES ('ANCHOR', CURRENT_DATE, 1)
ON CONFLICT (agency_code, day) DO UPDATE SET last_value = services.dossier_sequence.last_value + 1
RETURNING last_value \gset
INSERT INTO services.dossier (id, code, procedure_id, agency_id, channel, status, owner_account_id, owner_name,
  registered_by, applicant, form_data, delivery, delivery_address, lookup_digits, idempotency_key, request_hash,
  submitted_at, reception_due_at, received_at, received_by, appointment_at)
VALUES (gen_random_uuid(), 'ANCHOR-' || :last_value || '-' || gen_random_uuid(), :procedure, :agency, 'ONLINE',
  'SUBMITTED', :owner, 'congdan@demo.tinhso.vn', NULL,
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
INSERT INTO platform.event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
VALUES (gen_random_uuid(), 'bench.anchor', 'vn.tinhso.files.FileStored',
  '{"fileId": "cde04435-1e19-471b-9636-d48f7dec12b2","name": "to-khai.pdf","contentType": "application/pdf","size": 204799,"sha256": "c1d9b98fe035cc4d9b5db4983b5da52040aef33639b32b1e0a1ff1a072a7b1dc","owner": "congdan@demo.tinhso.vn","actor": {"name": "congdan@demo.tinhso.vn","address": "127.0.0.1"}}',
  now(), 'PUBLISHED', 0);
INSERT INTO platform.event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
VALUES (gen_random_uuid(), 'bench.anchor', 'vn.tinhso.files.FileStored',
  '{"fileId": "09c81810-1621-4a0e-9eff-fcadd4eecf5c","name": "can-cuoc.jpg","contentType": "image/jpeg","size": 204800,"sha256": "74550ceb416c264e4a37fa73b2c991fbb7f244bafac70d21354a4bf02ec849cb","owner": "congdan@demo.tinhso.vn","actor": {"name": "congdan@demo.tinhso.vn","address": "127.0.0.1"}}',
  now(), 'PUBLISHED', 0);
INSERT INTO platform.event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
VALUES (gen_random_uuid(), 'bench.anchor', 'vn.tinhso.services.DossierEvent$Submitted',
  '{"facts": {"dossierId": "39667062-313e-43ce-8bce-f0eeb9bc8640","code": "000.00.05.H56-261125-6092","ownerAccountId": 5,"applicantEmail": "nhung@example.vn","applicantName": "Nguyễn Thị Hồng Nhung","procedureName": "Cấp bản sao trích lục hộ tịch (thử tải)","agencyName": "Sở Tư pháp"},"receptionDueAt": "2026-11-26T03:03:15.409235Z","actor": {"name": "congdan@demo.tinhso.vn","address": "127.0.0.1"}}',
  now(), 'PUBLISHED', 0);
COMMIT;
