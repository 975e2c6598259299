-- Diagnostic (not a benchmark): the three statements of one procedure search, as
-- vn.tinhso.services.ProcedureCatalogue sends them (count, first page, facet counts), prepared with
-- their parameters so that PostgreSQL plans them as it does for the application's prepared statements.
-- Parameters: $1 folded query text, $2 status (NULL = published), $3 domain, $4 level, $5 agency, $6 online.
-- Usage (on the services platform's embedded PostgreSQL, port printed in its log), e.g.:
--   { cat bench/diag/procedure-search.sql; for st in cnt page facets; do
--       echo "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE $st('khai sinh', NULL, NULL, NULL, NULL, NULL);"; done; } \
--     | psql -h 127.0.0.1 -p PORT -U postgres -d postgres
-- (docs/benchmarks.md, "Public services", "What dominates"). Keep in step with ProcedureCatalogue.
\timing on
PREPARE cnt(text, text, text, text, text, text) AS SELECT count(*) FROM services.procedure p WHERE (CAST($1 AS text) IS NULL OR CAST($1 AS text) OPERATOR(platform.<%) p.search_text OR p.search_text LIKE '%' || CAST($1 AS text) || '%') AND (CAST($2 AS text) IS NULL AND p.status = 'PUBLISHED' OR p.status = CAST($2 AS text)) AND ((CAST($3 AS text) IS NULL OR p.domain_code = CAST($3 AS text)) AND (CAST($4 AS text) IS NULL OR CAST($4 AS text) = ANY (p.levels)) AND (CAST($5 AS text) IS NULL OR coalesce(p.agency_code, 'commune') = CAST($5 AS text)) AND (CAST($6 AS text) IS NULL OR p.online_level = CAST($6 AS text)));
PREPARE page(text, text, text, text, text, text) AS SELECT p.code, p.name, p.domain_code, d.name AS domain_name, d.name_en AS domain_name_en, p.levels, p.agency_code, p.online_level, p.status, p.demo, p.methods::text AS methods FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code WHERE (CAST($1 AS text) IS NULL OR CAST($1 AS text) OPERATOR(platform.<%) p.search_text OR p.search_text LIKE '%' || CAST($1 AS text) || '%') AND (CAST($2 AS text) IS NULL AND p.status = 'PUBLISHED' OR p.status = CAST($2 AS text)) AND ((CAST($3 AS text) IS NULL OR p.domain_code = CAST($3 AS text)) AND (CAST($4 AS text) IS NULL OR CAST($4 AS text) = ANY (p.levels)) AND (CAST($5 AS text) IS NULL OR coalesce(p.agency_code, 'commune') = CAST($5 AS text)) AND (CAST($6 AS text) IS NULL OR p.online_level = CAST($6 AS text))) ORDER BY (p.search_text LIKE '%' || CAST($1 AS text) || '%') DESC, platform.word_similarity(CAST($1 AS text), p.search_text) DESC, p.sort_key, p.code LIMIT 20 OFFSET 0;
PREPARE facets(text, text, text, text, text, text) AS WITH m AS (SELECT p.domain_code, coalesce(p.agency_code, 'commune') AS agency, p.online_level, p.levels,
  ((CAST($3 AS text) IS NULL OR p.domain_code = CAST($3 AS text))) AS dom_ok, ((CAST($4 AS text) IS NULL OR CAST($4 AS text) = ANY (p.levels))) AS lvl_ok, ((CAST($5 AS text) IS NULL OR coalesce(p.agency_code, 'commune') = CAST($5 AS text))) AS ag_ok, ((CAST($6 AS text) IS NULL OR p.online_level = CAST($6 AS text))) AS on_ok
  FROM services.procedure p WHERE (CAST($1 AS text) IS NULL OR CAST($1 AS text) OPERATOR(platform.<%) p.search_text OR p.search_text LIKE '%' || CAST($1 AS text) || '%') AND (CAST($2 AS text) IS NULL AND p.status = 'PUBLISHED' OR p.status = CAST($2 AS text)))
SELECT grouping(domain_code, agency, online_level) AS g, domain_code, agency, online_level,
  count(*) FILTER (WHERE lvl_ok AND ag_ok AND on_ok) AS c_domain, count(*) FILTER (WHERE dom_ok AND lvl_ok AND on_ok) AS c_agency,
  count(*) FILTER (WHERE dom_ok AND lvl_ok AND ag_ok) AS c_online,
  count(*) FILTER (WHERE dom_ok AND ag_ok AND on_ok AND 'PROVINCE' = ANY (levels)) AS c_province,
  count(*) FILTER (WHERE dom_ok AND ag_ok AND on_ok AND 'COMMUNE' = ANY (levels)) AS c_commune
FROM m GROUP BY GROUPING SETS ((domain_code), (agency), (online_level), ());
