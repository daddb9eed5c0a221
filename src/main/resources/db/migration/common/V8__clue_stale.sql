-- Stale clues (issue 4): when an open clue went without follow-up for the configured number of days
-- (setting clue.staleAfterDays) the daily job sets stale_since and notifies its people once; a follow-up that makes
-- it current again clears it. Kept apart from the clue aggregate's columns: it is never part of a user's edit and
-- does not bump the clue's version.
ALTER TABLE clue ADD COLUMN stale_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_clue_stale ON clue (stale_since);
