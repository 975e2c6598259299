-- bench/run.sh reports-map, the anchor: the same viewport grouped on the same grid in plain SQL
-- (pgbench variables :minlat :maxlat :minlon :maxlon :cell), over the same table and rows.
SELECT floor(lat / :cell) AS y, floor(lon / :cell) AS x, count(*), avg(lat), avg(lon)
FROM reports.report
WHERE visible AND merged_into IS NULL AND lat BETWEEN :minlat AND :maxlat AND lon BETWEEN :minlon AND :maxlon
GROUP BY 1, 2;
