-- bench/run.sh opendata-search: :n generated datasets (with 1 to 3 resources each) spread over the
-- publishers, domains, licences and a vocabulary of Vietnamese words, as officers would publish them.
-- Marked demo. Run with psql -v n=100000.
WITH words AS (
  SELECT ARRAY['dân số','lúa','trường học','bệnh viện','giao thông','ngân sách','doanh nghiệp','du lịch','môi trường',
    'đất đai','xây dựng','nước sạch','điện','chợ','việc làm','hộ nghèo','văn hóa','thể thao','an ninh','hộ tịch',
    'thủy sản','rừng','khoáng sản','thuế','đầu tư','công nghiệp','thương mại','y tế','giáo dục','dịch vụ công'] AS w,
         ARRAY['Danh sách','Thống kê','Số liệu','Bản đồ','Tổng hợp','Báo cáo','Chỉ tiêu','Kết quả'] AS k,
         ARRAY['theo xã','theo tháng','năm 2023','năm 2024','toàn tỉnh','theo quý','theo lĩnh vực','Thanh Hóa'] AS s
), pubs AS (SELECT array_agg(agency_id ORDER BY agency_id) AS p FROM opendata.publisher),
   doms AS (SELECT array_agg(code ORDER BY code) AS d FROM opendata.domain),
   lics AS (SELECT array_agg(id ORDER BY position) AS l FROM opendata.licence),
   rows AS (
  SELECT gen_random_uuid() AS id, i, words.w, words.k, words.s, pubs.p, doms.d, lics.l
  FROM generate_series(1, :n) AS i, words, pubs, doms, lics
), ins AS (
  INSERT INTO opendata.dataset (id, name, title, notes, publisher_id, licence_id, state, private, frequency,
    temporal_start, temporal_end, spatial, contact_email, tags, domains, demo, created_at, modified_at, published_at,
    data_updated_at, views, downloads)
  SELECT id, 'bench-' || i,
    k[1 + i % 8] || ' ' || w[1 + i % 30] || ' ' || s[1 + (i / 7) % 8] || ' ' || i,
    'Bộ dữ liệu ' || w[1 + i % 30] || ' và ' || w[1 + (i / 3) % 30] || ' do cơ quan công bố, cập nhật định kỳ, '
      || 'phục vụ người dân, doanh nghiệp và các cơ quan nhà nước trong tỉnh.',
    p[1 + i % cardinality(p)], l[1 + i % 5], 'PUBLISHED', i % 50 = 0,
    (ARRAY['ANNUAL','QUARTERLY','MONTHLY','IRREG'])[1 + i % 4], DATE '2023-01-01', DATE '2024-12-31', ARRAY['38'],
    CASE WHEN i % 4 = 0 THEN NULL ELSE 'dulieumo@demo.tinhso.vn' END,
    ARRAY[w[1 + i % 30], w[1 + (i / 3) % 30], w[1 + (i / 11) % 30]], ARRAY[d[1 + i % cardinality(d)]], true,
    now() - (i % 700) * interval '1 day', now() - (i % 300) * interval '1 day', now() - (i % 700) * interval '1 day',
    now() - (i % 200) * interval '1 day', (i::bigint * 7919) % 5000, (i::bigint * 104729) % 800
  FROM rows RETURNING id, name
)
INSERT INTO opendata.resource (id, dataset_id, position, name, format, url, created_at, modified_at)
SELECT gen_random_uuid(), ins.id, r, 'Tệp ' || r, (ARRAY['CSV','JSON','XLSX','PDF','XML'])[1 + (abs(hashtext(ins.name)) + r) % 5],
  'https://data.example.org/' || ins.name || '/' || r, now(), now()
FROM ins, generate_series(0, 2) AS r
WHERE r <= abs(hashtext(ins.name)) % 3;
