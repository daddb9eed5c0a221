-- Substring search on enterprise names and aliases (Chinese included) uses trigram indexes on PostgreSQL
-- (pg_trgm is created by V2_1). H2 scans: the embedded database serves small installations.
CREATE INDEX ix_merchant_name_trgm ON merchant USING gin (name gin_trgm_ops);
CREATE INDEX ix_merchant_alias_name_trgm ON merchant_alias USING gin (name gin_trgm_ops);
