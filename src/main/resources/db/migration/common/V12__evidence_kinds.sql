-- What each evidence file proves (EvidenceKind); NULL for files uploaded before kinds existed (counted as OTHER).
ALTER TABLE attachment ADD COLUMN evidence_kind VARCHAR(40);
