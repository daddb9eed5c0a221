-- Issue 11 (ADR 0016): the few projects whose shares are not the landing unit's automatic 100 % since it began;
-- the figures read their funds rows one by one (FiguresQuery.NOT_PLAIN, whose predicate this repeats word for word).
CREATE INDEX ix_credit_share_not_plain ON project_credit_share (project_id)
    WHERE NOT (default_share = TRUE AND share_bp = 10000 AND valid_from IS NULL AND valid_to IS NULL);
