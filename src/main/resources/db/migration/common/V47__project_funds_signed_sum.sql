-- Issue 15: the funds in place of projects by the month they were signed, per funds month, landing unit and status
-- (SignedFundsSums): the yearly per-county summary ("projects signed in 2025, their funds in 2025") reads a few
-- hundred of these rows instead of the projects' funds rows. Kept exact, in the writer's transaction, by FundsSums
-- (the same differences as project_funds_sum; a project whose unit, status or signing date changes moves its sums).
-- Projects without a signing date are not summed here. sum_month and signed_month are first days of months.
CREATE TABLE project_funds_signed_sum (
    sum_month        DATE           NOT NULL,
    unit_id          BIGINT         NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    signed_month     DATE           NOT NULL,
    funds_in_place   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    row_count        BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_project_funds_signed_sum PRIMARY KEY (signed_month, sum_month, unit_id, status)
);

INSERT INTO project_funds_signed_sum (sum_month, unit_id, status, signed_month, funds_in_place, row_count)
SELECT f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE), SUM(f.funds_in_place),
       COUNT(*)
FROM project_funds f JOIN project p ON p.id = f.project_id
WHERE p.signed_date IS NOT NULL
GROUP BY f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE);
