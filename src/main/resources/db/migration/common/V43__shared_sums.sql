-- Issue 11 (ADR 0017, "Projects that are not plain"): what the projects whose credit shares are not the landing
-- unit's automatic 100 % change in the sums per landing unit (project_counted_sum, project_funds_sum), so that the
-- supervision figures add a few hundred rows instead of reading those projects' moves and funds rows one by one.
-- As of each month's end as_of, a project's figure is taken out of its landing unit (negative) and split over its
-- shares in force on as_of by largest remainder (counts to a tenth, amounts to the fen), each project on its own.
-- Stage figures under the move's effective month; funds per window from from_month to as_of (1 January, the
-- quarter's first month, the month itself), because the split of a sum is not the sum of the splits. Kept by the
-- writers of counted moves, funds rows, shares and landing units (SharedSums); filled by V43_1 (Java).
CREATE TABLE project_shared_counted_sum (
    as_of            DATE           NOT NULL,
    unit_id          BIGINT         NOT NULL,
    to_stage         VARCHAR(20)    NOT NULL,
    effective_month  DATE           NOT NULL,
    move_count       NUMERIC(12, 1) NOT NULL,
    amount           NUMERIC(16, 2) NOT NULL,
    CONSTRAINT pk_project_shared_counted_sum PRIMARY KEY (as_of, unit_id, to_stage, effective_month)
);

CREATE TABLE project_shared_funds_sum (
    as_of            DATE           NOT NULL,
    unit_id          BIGINT         NOT NULL,
    from_month       DATE           NOT NULL,
    funds_in_place   NUMERIC(16, 2) NOT NULL,
    out_of_province  NUMERIC(16, 2) NOT NULL,
    foreign_used     NUMERIC(16, 2) NOT NULL,
    CONSTRAINT pk_project_shared_funds_sum PRIMARY KEY (as_of, unit_id, from_month)
);
