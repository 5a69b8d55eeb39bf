-- OpenESC store, first schema. One file for SQLite and PostgreSQL: ${bytes}, ${serial_pk} and
-- ${binary} are filled in per database (see Dialect). Instants are epoch milliseconds (BIGINT).

CREATE TABLE orgs (
    name        VARCHAR(40) ${binary} PRIMARY KEY,
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    login       VARCHAR(100) ${binary} PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320),
    created_at  BIGINT NOT NULL
);

CREATE TABLE memberships (
    org_name    VARCHAR(40) ${binary} NOT NULL REFERENCES orgs (name) ON DELETE CASCADE,
    user_login  VARCHAR(100) ${binary} NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (org_name, user_login)
);

CREATE INDEX memberships_by_user ON memberships (user_login);

-- Access tokens are kept only as the SHA-256 of the token text; the text is shown once.
CREATE TABLE access_tokens (
    id            VARCHAR(40) PRIMARY KEY,
    token_hash    ${bytes} NOT NULL UNIQUE,
    user_login    VARCHAR(100) ${binary} NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    description   VARCHAR(500) NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    revoked_at    BIGINT,
    last_used_at  BIGINT
);

CREATE INDEX access_tokens_by_user ON access_tokens (user_login);

CREATE TABLE environments (
    id             VARCHAR(40) PRIMARY KEY,
    org_name       VARCHAR(40) ${binary} NOT NULL REFERENCES orgs (name),
    project        VARCHAR(100) ${binary} NOT NULL,
    name           VARCHAR(100) ${binary} NOT NULL,
    head_revision  BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    modified_at    BIGINT NOT NULL,
    UNIQUE (org_name, project, name)
);

CREATE TABLE revisions (
    env_id         VARCHAR(40) NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
    number         BIGINT NOT NULL,
    definition     ${bytes} NOT NULL,
    created_at     BIGINT NOT NULL,
    creator_login  VARCHAR(100) NOT NULL,
    creator_name   VARCHAR(200) NOT NULL,
    PRIMARY KEY (env_id, number)
);

CREATE TABLE revision_tags (
    env_id        VARCHAR(40) NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
    name          VARCHAR(100) ${binary} NOT NULL,
    revision      BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    modified_at   BIGINT NOT NULL,
    editor_login  VARCHAR(100) NOT NULL,
    editor_name   VARCHAR(200) NOT NULL,
    PRIMARY KEY (env_id, name)
);

CREATE TABLE environment_tags (
    env_id        VARCHAR(40) NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
    name          VARCHAR(255) ${binary} NOT NULL,
    value         TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    modified_at   BIGINT NOT NULL,
    editor_login  VARCHAR(100) NOT NULL,
    editor_name   VARCHAR(200) NOT NULL,
    PRIMARY KEY (env_id, name)
);

-- Opened environments: the evaluated result, encrypted with the org's data key, until expires_at.
CREATE TABLE open_sessions (
    id           VARCHAR(64) PRIMARY KEY,
    org_name     VARCHAR(40) NOT NULL,
    project      VARCHAR(100),
    env_name     VARCHAR(100),
    revision     BIGINT,
    payload      ${bytes} NOT NULL,
    opened_by    VARCHAR(100) NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

CREATE INDEX open_sessions_by_expiry ON open_sessions (expires_at);

-- Data keys (a Tink keyset per organization, plus server-wide scopes), wrapped by the master key.
-- The master key itself is never stored here.
CREATE TABLE data_keys (
    scope           VARCHAR(64) PRIMARY KEY,
    wrapped_keyset  ${bytes} NOT NULL,
    master_key_id   VARCHAR(100) NOT NULL,
    created_at      BIGINT NOT NULL,
    rotated_at      BIGINT NOT NULL
);

CREATE TABLE audit_events (
    id           ${serial_pk},
    at           BIGINT NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    org_name     VARCHAR(40),
    action       VARCHAR(40) NOT NULL,
    project      VARCHAR(100),
    env_name     VARCHAR(100),
    revision     BIGINT,
    source       VARCHAR(200),
    detail       TEXT
);

CREATE INDEX audit_events_by_org ON audit_events (org_name, id);

-- OIDC signing keys: the private key encrypted with the server-wide data key.
CREATE TABLE signing_keys (
    kid           VARCHAR(64) PRIMARY KEY,
    algorithm     VARCHAR(16) NOT NULL,
    private_key   ${bytes} NOT NULL,
    public_jwk    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    not_before    BIGINT NOT NULL,
    retire_after  BIGINT NOT NULL
);

-- Leases make background work (session purge, key rotation) run on one replica at a time.
CREATE TABLE leases (
    name         VARCHAR(100) PRIMARY KEY,
    holder       VARCHAR(200) NOT NULL,
    acquired_at  BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
