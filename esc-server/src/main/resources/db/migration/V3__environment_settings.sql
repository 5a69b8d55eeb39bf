-- Environment settings (esc env settings): today only deletion protection. A column of the environment's row,
-- so that a delete reads and locks the flag in the statement that claims the row, and a clone (a new row)
-- starts with the default.
ALTER TABLE environments ADD COLUMN deletion_protected BOOLEAN NOT NULL DEFAULT FALSE;
