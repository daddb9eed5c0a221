-- Issue 11 (ADR 0016): for every stage move that can count in the supervision figures, the days on which it counts
-- (from its effective day until a later move undoes it, without the days the project was dropped). Kept by the
-- writers of stage moves in their transaction (CountedMoves); filled for existing moves by V35_3 (Java).
-- A move has one row per interval: counted_from inclusive, counted_to exclusive, NULL open-ended.
CREATE TABLE project_counted_move (
    move_id         BIGINT         NOT NULL REFERENCES project_stage_move (id),
    project_id      BIGINT         NOT NULL REFERENCES project (id),
    to_stage        VARCHAR(20)    NOT NULL,
    amount          NUMERIC(14, 2),
    effective_date  DATE           NOT NULL,
    counted_from    DATE           NOT NULL,
    counted_to      DATE,
    CONSTRAINT pk_project_counted_move PRIMARY KEY (move_id, counted_from)
);
CREATE INDEX ix_counted_move_project ON project_counted_move (project_id);
CREATE INDEX ix_counted_move_effective ON project_counted_move (effective_date, project_id);
