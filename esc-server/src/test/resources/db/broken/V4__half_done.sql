-- A migration that fails halfway: its first statements must not survive the failure.
CREATE TABLE half_done (id BIGINT);
INSERT INTO orgs (name, created_at) VALUES ('from-a-broken-migration', 1);
INSERT INTO no_such_table (id) VALUES (1);
