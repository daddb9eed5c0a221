-- Issue 7, item 8: a password change or a deactivation revokes every API token of the account. The account's
-- credentials epoch counts those events; a token carries the epoch of the account when it was issued (read in the
-- same row as the password hash it was issued for) and is accepted only while the two are equal, so a token issued
-- before a change never works again, not even after a reactivation.
ALTER TABLE app_user ADD COLUMN credentials_epoch INT DEFAULT 0 NOT NULL;
ALTER TABLE api_token ADD COLUMN credentials_epoch INT DEFAULT 0 NOT NULL;

-- Issue 7, item 11c: failed sign-ins under names that are no account are counted like an account's own, so an unknown
-- name is locked after the same number of failures and the answer reveals no user names. The name is kept only as
-- its SHA-256 (people type passwords into the name field). Rows untouched for 30 days are deleted.
CREATE TABLE sign_in_failure (
    name_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    failed_attempts INT         NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sign_in_failure_updated ON sign_in_failure (updated_at);
