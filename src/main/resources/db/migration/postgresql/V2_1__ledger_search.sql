-- Substring search on project and investor names (Chinese included) uses trigram indexes on PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_project_name_trgm ON project USING gin (name gin_trgm_ops);
CREATE INDEX ix_project_investor_trgm ON project USING gin (investor_name gin_trgm_ops);
