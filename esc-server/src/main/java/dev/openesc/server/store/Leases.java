package dev.openesc.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named, time-limited leases in the database, so that background work (session purge, key rotation)
 * runs on one replica at a time. A holder renews its lease by acquiring it again before it expires;
 * once expired, anyone may take it over. Acquisition is one atomic upsert on both databases.
 */
public final class Leases {

    public record Lease(String name, String holder, Instant acquired, Instant expires) {
    }

    private final Database db;

    public Leases(Database db) {
        this.db = db;
    }

    /** Takes or renews the lease; true if {@code holder} now holds it for {@code ttl}. */
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        Instant now = db.now();
        Instant expires = now.plus(ttl);
        int changed = db.transaction(connection -> Sql.update(connection,
                "INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                        + " acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at"
                        + " ELSE excluded.acquired_at END, expires_at = excluded.expires_at"
                        + " WHERE leases.holder = excluded.holder OR leases.expires_at <= ?",
                name, holder, now, expires, now));
        return changed == 1;
    }

    /** Gives the lease up early if {@code holder} holds it; true if it did. */
    public boolean release(String name, String holder) {
        return db.transaction(connection -> Sql.update(connection,
                "DELETE FROM leases WHERE name = ? AND holder = ?", name, holder)) == 1;
    }

    /** The lease as it stands, if it is held and has not expired. */
    public Optional<Lease> current(String name) {
        Instant now = db.now();
        return db.read(connection -> Sql.first(connection,
                "SELECT name, holder, acquired_at, expires_at FROM leases WHERE name = ? AND expires_at > ?",
                row -> new Lease(row.getString("name"), row.getString("holder"), Sql.instant(row, "acquired_at"),
                        Sql.instant(row, "expires_at")),
                name, now));
    }
}
