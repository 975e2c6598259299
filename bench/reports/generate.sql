-- bench/run.sh reports-map: :n reports spread over the province (Thanh Hóa's box): 70% around 14
-- town centres (normal spread of a few kilometres), 30% anywhere in the box; all categories and
-- states, submitted over the last two years, 97% public. Written in chunks by the caller.
INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, commune_code, agency_id,
  source, status, visible, submitted_at, updated_at)
SELECT gen_random_uuid(), c.codes[1 + floor(random() * array_length(c.codes, 1))::int],
  'Phản ánh thử tải', 'Phản ánh thử tải',
  CASE WHEN r < 0.7 THEN t.lat + g1 * 0.03 ELSE 19.30 + random() * 1.35 END,
  CASE WHEN r < 0.7 THEN t.lon + g2 * 0.03 ELSE 104.45 + random() * 1.60 END,
  NULL, :agency, 'DEMO',
  (ARRAY['SUBMITTED','ACCEPTED','IN_PROGRESS','RESOLVED','CLOSED','CLOSED','CLOSED','REJECTED','REOPENED'])[1 + floor(random() * 9)::int],
  random() < 0.97, now() - random() * interval '730 days', now()
FROM (SELECT random() AS r, floor(random() * 14)::int AS town,
             sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS g1,
             sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS g2
      FROM generate_series(1, :n)) AS s
JOIN (VALUES (0, 19.8075, 105.7764), (1, 19.8497, 105.7806), (2, 19.7960, 105.7180), (3, 19.7420, 105.9030),
             (4, 19.7050, 105.8940), (5, 19.7700, 105.8300), (6, 20.0800, 105.8600), (7, 19.3200, 105.7950),
             (8, 19.4500, 105.7400), (9, 19.8550, 105.8450), (10, 20.0900, 105.3750), (11, 19.6150, 105.6750),
             (12, 19.9300, 105.4900), (13, 19.8200, 105.6000)) AS t(town, lat, lon) ON t.town = s.town
CROSS JOIN (SELECT array_agg(code) AS codes FROM reports.category) AS c;
