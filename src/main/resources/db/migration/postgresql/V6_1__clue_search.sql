-- Substring search on clue titles and enterprise names (Chinese included) uses trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_clue_title_trgm ON clue USING gin (title gin_trgm_ops);
CREATE INDEX ix_clue_enterprise_trgm ON clue USING gin (enterprise_name gin_trgm_ops);
