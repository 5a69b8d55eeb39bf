package dev.openesc.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of wrapped data keys (see {@code crypto.OrgKeyring}); this store sees only ciphertext.
 */
public final class DataKeyStore {

    /**
     * @param wrappedKeyset the keyset encrypted by the master key
     * @param masterKeyId   which master key wrapped it (not secret; explains a mismatch)
     * @param rotatedAt     when it was last written; the guard for optimistic replacement
     */
    public record WrappedDataKey(String scope, byte[] wrappedKeyset, String masterKeyId, Instant createdAt,
                                 Instant rotatedAt) {
    }

    private final Database db;

    public DataKeyStore(Database db) {
        this.db = db;
    }

    private static final String COLUMNS = "scope, wrapped_keyset, master_key_id, created_at, rotated_at";

    public Optional<WrappedDataKey> find(String scope) {
        // Database.first and a row class, no lambda: `esc run` reads its organization's key here at start
        // (docs/decisions.md 25).
        return db.first("SELECT " + COLUMNS + " FROM data_keys WHERE scope = ?", ROW, scope);
    }

    /** Every wrapped key, by scope (for re-wrapping under a new master key). */
    public List<WrappedDataKey> all() {
        return db.read(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM data_keys ORDER BY scope", ROW));
    }

    private static final Sql.RowMapper<WrappedDataKey> ROW = new Row();

    private static final class Row implements Sql.RowMapper<WrappedDataKey> {
        @Override
        public WrappedDataKey map(ResultSet row) throws SQLException {
            return new WrappedDataKey(row.getString("scope"), row.getBytes("wrapped_keyset"),
                    row.getString("master_key_id"), Sql.instant(row, "created_at"), Sql.instant(row, "rotated_at"));
        }
    }

    /** Stores the first key of a scope; Conflict if the scope has one already (another replica won). */
    public void insert(String scope, byte[] wrappedKeyset, String masterKeyId) {
        Instant now = db.now();
        db.transaction(connection -> Sql.update(connection,
                "INSERT INTO data_keys (scope, wrapped_keyset, master_key_id, created_at, rotated_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                scope, wrappedKeyset, masterKeyId, now, now));
    }

    /** Replaces a scope's key if it is still the one read ({@code previous}); Conflict otherwise. */
    public void replace(WrappedDataKey previous, byte[] wrappedKeyset, String masterKeyId) {
        Instant now = db.now();
        Instant stamp = now.isAfter(previous.rotatedAt()) ? now : previous.rotatedAt().plusMillis(1);
        int replaced = db.transaction(connection -> Sql.update(connection,
                "UPDATE data_keys SET wrapped_keyset = ?, master_key_id = ?, rotated_at = ?"
                        + " WHERE scope = ? AND rotated_at = ?",
                wrappedKeyset, masterKeyId, stamp, previous.scope(), previous.rotatedAt()));
        if (replaced == 0) {
            throw new StoreException.Conflict("the data key of " + previous.scope() + " changed meanwhile");
        }
    }
}
