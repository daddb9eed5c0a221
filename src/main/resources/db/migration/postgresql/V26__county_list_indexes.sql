-- County list and county sums on PostgreSQL (issue 15; docs/benchmarks.md, "Issue 15").
--
-- A county's list (unit filter, sorted by last change) had no index in its order: ix_project_unit_stage_page puts
-- the stage before the sort key, so the planner walked ix_project_updated_page for the whole ledger and dropped
-- the other counties' rows (page 50 of a county read about 9,000 rows). This one gives the county's rows in list
-- order: page 50 reads the 1,000 entries before it and no others; the count and sums of a county are an index-only
-- scan of it as before.
CREATE INDEX ix_project_unit_page ON project (unit_id, updated_at DESC NULLS LAST, id DESC)
    INCLUDE (planned_investment, contracted_investment, paid_in_investment);

-- A county's sums over a range of signing dates (the yearly summary per county): the county's signed projects in
-- date order with their amounts, read from the index alone instead of a bitmap of all the county's rows and all
-- the year's rows. Partial like ix_project_signed_date, since only signed projects have the date.
CREATE INDEX ix_project_unit_signed ON project (unit_id, signed_date)
    INCLUDE (planned_investment, contracted_investment, paid_in_investment) WHERE signed_date IS NOT NULL;
