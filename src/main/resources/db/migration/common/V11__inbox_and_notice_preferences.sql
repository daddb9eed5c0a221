-- Issue 8: notices for every hand-over, switchable per user, mailed at once or in a daily digest; people records
-- linked to the user account of the same person (a project's leader or chief attendant is told when it changes, a
-- leader's home page lists the projects they lead). Portable SQL for PostgreSQL and H2.

-- A user's switch for one kind of notice (NotificationKind). No row: the kind's default (on).
CREATE TABLE notification_preference (
    user_id   BIGINT       NOT NULL REFERENCES app_user (id),
    kind      VARCHAR(60)  NOT NULL,
    enabled   BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- How the user wants e-mail copies of notices: IMMEDIATE (one mail per notice), DIGEST (one mail a day grouping
-- them; the in-app notice is always immediate) or NONE.
ALTER TABLE app_user ADD COLUMN notice_mail VARCHAR(10) DEFAULT 'IMMEDIATE' NOT NULL;

-- The kind a notice belongs to (NULL for notices written before kinds existed). mail_status may now also be DIGEST:
-- the e-mail waits for the user's daily digest.
ALTER TABLE notification ADD COLUMN kind VARCHAR(60);
CREATE INDEX ix_notification_mail ON notification (mail_status, recipient_id);

-- The user account of a leader or staff member, when they have one.
ALTER TABLE person ADD COLUMN user_id BIGINT REFERENCES app_user (id);
CREATE INDEX ix_person_user ON person (user_id);
