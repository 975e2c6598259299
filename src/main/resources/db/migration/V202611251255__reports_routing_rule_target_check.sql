-- Fix: the routing rule's target check of V202611251200 was inverted ((agency_id IS NULL) <> to_commune
-- refuses every valid rule: an agency rule without to_commune, and a to_commune rule without agency).
-- A rule has exactly one target: a fixed agency, or the People's Committee of the report's commune.
ALTER TABLE reports.routing_rule DROP CONSTRAINT IF EXISTS routing_rule_check1;
ALTER TABLE reports.routing_rule ADD CONSTRAINT routing_rule_target CHECK ((agency_id IS NOT NULL) <> to_commune);
