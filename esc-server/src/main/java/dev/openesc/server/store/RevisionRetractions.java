package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retracted revisions. A retracted revision stays in the history (listed with who retracted it, when,
 * why, and its replacement) but can no longer be read, opened, imported, cloned or tagged: loading it
 * fails as not found. Retracting moves every revision tag that pointed at it to the replacement, in the
 * same transaction as the audit line.
 */
public final class RevisionRetractions {

    private final Database db;

    RevisionRetractions(Database db) {
        this.db = db;
    }

    /**
     * Retracts revision {@code number}.
     *
     * @param replacement the revision its tags move to; null for the newest revision before it that is not
     *                    retracted (the head if there is none)
     * @param reason      free text, or null
     * @throws StoreException.NotFound if the environment, the revision or the replacement does not exist
     * @throws StoreException.Conflict if the revision is the latest or already retracted, or the replacement
     *                                 is retracted or the revision itself
     */
    public Retraction retract(EnvironmentId id, long number, Long replacement, String reason, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            requireExisting(env, number);
            if (number == env.headRevision()) {
                throw new StoreException.Conflict("revision " + number + " of " + id
                        + " is the latest revision and cannot be retracted");
            }
            if (find(connection, env.storeId(), number).isPresent()) {
                throw new StoreException.Conflict("revision " + number + " of " + id + " is already retracted");
            }
            long target = replacement == null
                    ? defaultReplacement(connection, env, number)
                    : requireReplacement(connection, env, number, replacement);
            Instant now = db.now();
            Sql.update(connection,
                    "INSERT INTO revision_retractions (env_id, number, replacement, retracted_at, by_login, by_name,"
                            + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    env.storeId(), number, target, now, editor.login(), editor.name(), Sql.text(reason));
            Sql.update(connection,
                    "UPDATE revision_tags SET revision = ?, modified_at = ?, editor_login = ?, editor_name = ?"
                            + " WHERE env_id = ? AND revision = ?",
                    target, now, editor.login(), editor.name(), env.storeId(), number);
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_RETRACT, id, number,
                    "replaced with " + target, now);
            return new Retraction(number, target, now, editor.login(), editor.name(), reason);
        });
    }

    /** The retraction of a revision, if it is retracted. */
    public Optional<Retraction> get(EnvironmentId id, long number) {
        return db.read(connection -> find(connection, EnvironmentRows.require(connection, id).storeId(), number));
    }

    /** The retractions of revisions {@code low..high} of an environment, by revision number. */
    static Map<Long, Retraction> inRange(Connection connection, String storeId, long low, long high)
            throws SQLException {
        Map<Long, Retraction> found = new LinkedHashMap<>();
        for (Retraction r : Sql.list(connection, "SELECT " + COLUMNS + " FROM revision_retractions"
                + " WHERE env_id = ? AND number BETWEEN ? AND ?", RevisionRetractions::map, storeId, low, high)) {
            found.put(r.number(), r);
        }
        return found;
    }

    /** Fails as not found when the revision is retracted: the one check every read of a revision passes. */
    static void requireNotRetracted(Connection connection, EnvironmentInfo env, long number) throws SQLException {
        if (find(connection, env.storeId(), number).isPresent()) {
            throw retracted(env.id(), number);
        }
    }

    static StoreException.NotFound retracted(EnvironmentId id, long number) {
        return new StoreException.NotFound("revision " + number + " of " + id + " has been retracted");
    }

    private static final String COLUMNS = "number, replacement, retracted_at, by_login, by_name, reason";

    private static Optional<Retraction> find(Connection connection, String storeId, long number) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM revision_retractions WHERE env_id = ? AND number = ?",
                RevisionRetractions::map, storeId, number);
    }

    private static long defaultReplacement(Connection connection, EnvironmentInfo env, long number)
            throws SQLException {
        List<Long> earlier = Sql.list(connection,
                "SELECT r.number FROM revisions r WHERE r.env_id = ? AND r.number < ? AND NOT EXISTS"
                        + " (SELECT 1 FROM revision_retractions x WHERE x.env_id = r.env_id AND x.number = r.number)"
                        + " ORDER BY r.number DESC LIMIT 1",
                row -> row.getLong(1), env.storeId(), number);
        return earlier.isEmpty() ? env.headRevision() : earlier.get(0);
    }

    private static long requireReplacement(Connection connection, EnvironmentInfo env, long number, long replacement)
            throws SQLException {
        requireExisting(env, replacement);
        if (replacement == number) {
            throw new StoreException.Conflict("revision " + number + " of " + env.id() + " cannot replace itself");
        }
        if (find(connection, env.storeId(), replacement).isPresent()) {
            throw new StoreException.Conflict("the replacement revision " + replacement + " of " + env.id()
                    + " is retracted");
        }
        return replacement;
    }

    private static void requireExisting(EnvironmentInfo env, long number) {
        if (number < 1 || number > env.headRevision()) {
            throw new StoreException.NotFound("revision " + number + " of " + env.id() + " not found");
        }
    }

    private static Retraction map(java.sql.ResultSet row) throws SQLException {
        return new Retraction(row.getLong("number"), row.getLong("replacement"), Sql.instant(row, "retracted_at"),
                row.getString("by_login"), row.getString("by_name"), row.getString("reason"));
    }
}
