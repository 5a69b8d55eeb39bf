-- Retracted revisions (esc env version retract): the revision's row stays, so that history still lists
-- it, but it can no longer be read or opened. One row per retracted revision.
CREATE TABLE revision_retractions (
    env_id        VARCHAR(40) NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
    number        BIGINT NOT NULL,
    replacement   BIGINT NOT NULL,
    retracted_at  BIGINT NOT NULL,
    by_login      VARCHAR(100) NOT NULL,
    by_name       VARCHAR(200) NOT NULL,
    reason        TEXT,
    PRIMARY KEY (env_id, number)
);
