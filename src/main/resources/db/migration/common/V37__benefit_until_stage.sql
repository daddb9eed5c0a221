-- Issue 12: benefit sharing by named stages. A transfer may say that the introducing unit's share lasts only until the
-- project reaches a stage (e.g. until it commences), within its years; the agreement keeps the stage and, once the
-- project reaches it, the day it did (the term then ends the day before).
ALTER TABLE allocation_transfer ADD COLUMN until_stage VARCHAR(20);
ALTER TABLE allocation_transfer ADD CONSTRAINT ck_transfer_until_stage
    CHECK (until_stage IS NULL OR until_stage IN ('SIGNED', 'COMMENCED', 'IN_PRODUCTION'));
ALTER TABLE benefit_agreement ADD COLUMN until_stage VARCHAR(20);
ALTER TABLE benefit_agreement ADD COLUMN stage_reached_on DATE;
ALTER TABLE benefit_agreement ADD CONSTRAINT ck_agreement_until_stage
    CHECK (until_stage IS NULL OR until_stage IN ('SIGNED', 'COMMENCED', 'IN_PRODUCTION'));
