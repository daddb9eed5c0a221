-- Issue 11 (ADR 0017): the counted stage moves summed per landing unit, so that a period's stage figures read a few
-- hundred rows instead of every counted move of the year. A row holds, as of the month's end as_of, the moves into
-- to_stage of the landing unit's projects that are effective in effective_month (the same year) and count on as_of
-- (project_counted_move's intervals): their number and contracted amounts. Kept by the writers of stage moves and of
-- a project's landing unit (CountedSums); filled for existing moves by V39_3 (Java).
CREATE TABLE project_counted_sum (
    as_of            DATE           NOT NULL,
    unit_id          BIGINT         NOT NULL,
    to_stage         VARCHAR(20)    NOT NULL,
    effective_month  DATE           NOT NULL,
    move_count       BIGINT         NOT NULL,
    amount           NUMERIC(16, 2) NOT NULL,
    CONSTRAINT pk_project_counted_sum PRIMARY KEY (as_of, unit_id, to_stage, effective_month)
);
