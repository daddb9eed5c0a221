-- Issue 10: the funds totals' read model. The monthly sums of project_funds per landing unit, chain, primary type
-- and set of types (the combination as stored in project.types, which makes the key a partition: every funds row
-- counts under exactly one key) and month, with the number of rows summed. Kept exact, in the writer's transaction,
-- by every writer of funds rows and by every change of a project's unit, chain or types (FundsSums); FundsTotals
-- reads it instead of the rows. sum_month is the first day of the month (month is reserved in H2).
CREATE TABLE project_funds_sum (
    sum_month        DATE           NOT NULL,
    unit_id          BIGINT         NOT NULL,
    chain_id         BIGINT         NOT NULL,
    type             VARCHAR(20)    NOT NULL,
    types            VARCHAR(100)   NOT NULL,
    funds_in_place   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    out_of_province  NUMERIC(18, 2) NOT NULL DEFAULT 0,
    foreign_used     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    fixed_assets     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    row_count        BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_project_funds_sum PRIMARY KEY (sum_month, unit_id, chain_id, type, types)
);

-- back-filled from the rows that exist (the history rows of V14 included)
INSERT INTO project_funds_sum (sum_month, unit_id, chain_id, type, types, funds_in_place, out_of_province,
    foreign_used, fixed_assets, row_count)
SELECT f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type), SUM(f.funds_in_place),
       SUM(f.out_of_province), SUM(f.foreign_used), SUM(f.fixed_assets), COUNT(*)
FROM project_funds f JOIN project p ON p.id = f.project_id
GROUP BY f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type);
