-- The platform's document store (issue 9): an attachment belongs to any owner, named by type and id (a project
-- today; dispatches, activities and the other modules next), instead of to a project only. An upload that no owner
-- has claimed yet has neither (it is its uploader's until a stage move, progress update … claims it, and the
-- cleanup job removes it after zhaoshang.documents.unclaimed-max-age). Portable SQL for PostgreSQL and H2.
ALTER TABLE attachment ADD COLUMN owner_type VARCHAR(40);
ALTER TABLE attachment ADD COLUMN owner_id BIGINT;

UPDATE attachment SET owner_type = 'project', owner_id = project_id WHERE project_id IS NOT NULL;

-- dropping the column drops its foreign key and index ix_attachment_project with it (PostgreSQL and H2)
ALTER TABLE attachment DROP COLUMN project_id;

-- An owner's files (the project page, the timeline's evidence) and, by its NULL prefix, the cleanup job's look-up of
-- old unclaimed uploads (H2 has no partial indexes, so one index serves both).
CREATE INDEX ix_attachment_owner ON attachment (owner_type, owner_id, uploaded_at);
