-- A second migration for the tests of upgrading an existing database (and of one newer than the code).
CREATE TABLE upgrade_notes (id ${serial_pk}, note TEXT NOT NULL);
