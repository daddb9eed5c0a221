-- Issue 13: chain local enterprises and targets follow enterprise merges. A link that held both the merged-away
-- enterprise and the one that stays keeps one row: the merged-away enterprise's row is parked (merged_into_id: the
-- row that stays), hidden from every list, and comes back as it was when the merge is undone. The clues and projects
-- of a parked target are copied onto the target that stays (copied_from_id: the parked target), removed on undo.
ALTER TABLE chain_local_enterprise ADD COLUMN merged_into_id BIGINT;
ALTER TABLE chain_target ADD COLUMN merged_into_id BIGINT;
ALTER TABLE chain_target_record ADD COLUMN copied_from_id BIGINT;
CREATE INDEX ix_chain_target_record_copied ON chain_target_record (copied_from_id);
