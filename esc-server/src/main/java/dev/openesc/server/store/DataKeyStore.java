package dev.openesc.server.store;

import java.time.Instant;
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

    public Optional<WrappedDataKey> find(String scope) {
        return db.read(connection -> Sql.first(connection,
                "SELECT scope, wrapped_keyset, master_key_id, created_at, rotated_at FROM data_keys WHERE scope = ?",
                row -> new WrappedDataKey(row.getString("scope"), row.getBytes("wrapped_keyset"),
                        row.getString("master_key_id"), Sql.instant(row, "created_at"),
                        Sql.instant(row, "rotated_at")),
                scope));
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
