-- The chain director board on PostgreSQL (issue 12; docs/benchmarks.md, "Chain map and director board").
--
-- The board's projects by stage (count and contracted investment of a chain's projects that are not dropped) read
-- every row of the chain from the table through ix_project_chain: 20,000 rows on 4,356 table pages for one chain
-- at 200,000 projects. The same key with the status and the amount included answers it from the index alone
-- (index-only scan; the table's visibility map is kept by autovacuum). It replaces ix_project_chain, whose key
-- (chain_id, stage) it keeps, so every statement that used that one uses this one.
DROP INDEX ix_project_chain;
CREATE INDEX ix_project_chain_stage ON project (chain_id, stage) INCLUDE (status, contracted_investment);

-- The board's key-project reserve pool: a chain's key projects that are not dropped, largest amount first, the
-- first 50. Without an index in that order every key project of the chain was read and sorted; this one gives
-- them in the board's order, so the statement reads 50 entries.
CREATE INDEX ix_project_chain_key_pool ON project (chain_id, (COALESCE(contracted_investment, planned_investment)) DESC, id)
    WHERE key_project AND status <> 'DROPPED';
