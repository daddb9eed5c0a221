-- Issue 15, the yearly per-county summary (projects signed in a year, grouped by unit): the ledger leaves dropped
-- projects out by default (status <> 'DROPPED') and groups by unit, so the signing-date indexes also carry status
-- and unit; the year's 44,000 signed projects of the 100x data set are then summed from the index alone (10 ms)
-- instead of a sequential scan of all 200,000 (180 ms at load 13).
DROP INDEX ix_project_signed_date;
CREATE INDEX ix_project_signed_date ON project (signed_date)
    INCLUDE (unit_id, status, planned_investment, contracted_investment, paid_in_investment)
    WHERE signed_date IS NOT NULL;
DROP INDEX ix_project_unit_signed;
CREATE INDEX ix_project_unit_signed ON project (unit_id, signed_date)
    INCLUDE (status, planned_investment, contracted_investment, paid_in_investment) WHERE signed_date IS NOT NULL;
