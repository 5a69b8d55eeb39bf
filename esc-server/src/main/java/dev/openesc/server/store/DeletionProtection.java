package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code deletion-protected} setting of environments: a flag on the environment's row, off for every new
 * environment (a clone is a new row, so it starts off too). {@link EnvironmentStore#delete} refuses a protected
 * environment through {@link #claimUnprotected}, inside its own transaction.
 */
public final class DeletionProtection {

    private final Database db;

    DeletionProtection(Database db) {
        this.db = db;
    }

    /** Whether the environment is protected; NotFound if it does not exist. */
    public boolean isOn(EnvironmentId id) {
        return db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            return flag(connection, env.storeId());
        });
    }

    /**
     * Turns protection on or off and audits the change (old and new value) in the same transaction; setting the
     * value it already has is still a write, and audited, so the log shows every request to change it.
     *
     * @return the value before
     */
    public boolean set(EnvironmentId id, boolean on, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            boolean before = flag(connection, env.storeId());
            Sql.update(connection, "UPDATE environments SET deletion_protected = ? WHERE id = ?", on, env.storeId());
            Instant now = db.now();
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_SETTINGS_WRITE, id, null,
                    "deletionProtected: " + before + " -> " + on, now);
            return before;
        });
    }

    /**
     * Claims the environment's row for a delete in this transaction if it is not protected, else throws
     * DeletionProtected. The claim is an update guarded by the flag: on PostgreSQL it waits for, and then sees, a
     * concurrent change of the setting, so a delete never slips past protection turned on a moment before.
     */
    static void claimUnprotected(Connection connection, EnvironmentInfo env) throws SQLException {
        int claimed = Sql.update(connection,
                "UPDATE environments SET deletion_protected = ? WHERE id = ? AND deletion_protected = ?",
                false, env.storeId(), false);
        if (claimed == 0) {
            if (Sql.count(connection, "SELECT COUNT(*) FROM environments WHERE id = ?", env.storeId()) == 0) {
                throw EnvironmentRows.notFound(env.id()); // deleted by a concurrent writer
            }
            throw new StoreException.DeletionProtected("environment " + env.id() + " is deletion protected");
        }
    }

    private static boolean flag(Connection connection, String storeId) throws SQLException {
        return Sql.first(connection, "SELECT deletion_protected FROM environments WHERE id = ?",
                row -> row.getBoolean(1), storeId).orElse(false);
    }
}
