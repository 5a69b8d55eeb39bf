package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Named revisions of an environment. {@code latest} is kept by the store itself (moved by every
 * update) and cannot be created, moved or deleted through here.
 */
public final class RevisionTags {

    /**
     * The tag table, made on first use (a holder class): every command on an environment makes the stores, few
     * touch tags, and the table's two lambdas would each be linked by a bootstrap of their own at the start of
     * every command (docs/decisions.md 25).
     */
    static TagTable<RevisionTag> table() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final TagTable<RevisionTag> TABLE = new TagTable<>("revision_tags", "revision",
                row -> new RevisionTag(row.getString("name"), row.getLong("revision"), Sql.instant(row, "created_at"),
                        Sql.instant(row, "modified_at"), row.getString("editor_login"), row.getString("editor_name")),
                RevisionTag::name, "revision tag");
    }

    private final Database db;

    RevisionTags(Database db) {
        this.db = db;
    }

    /** Tags sorted by name; {@code after} is an exclusive name (null or empty from the start). */
    public Page<RevisionTag> list(EnvironmentId id, String after, int count) {
        return table().list(db, id, after, count);
    }

    public RevisionTag get(EnvironmentId id, String name) {
        return table().get(db, id, name);
    }

    /** Tags a revision (null: the latest). Conflict if the tag exists; NotFound if the revision does not. */
    public RevisionTag create(EnvironmentId id, String name, Long revision, Editor editor) {
        refuseLatest(name);
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            long target = revision == null ? env.headRevision() : requireRevision(connection, env, revision);
            Instant now = db.now();
            table().insert(connection, env, name, target, now, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_TAG_WRITE, id, target, "create " + name, now);
            return new RevisionTag(name, target, now, now, editor.login(), editor.name());
        });
    }

    /** Points an existing tag at another revision. */
    public RevisionTag update(EnvironmentId id, String name, long revision, Editor editor) {
        refuseLatest(name);
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            requireRevision(connection, env, revision);
            RevisionTag current = table().find(connection, env, name);
            Instant now = db.now();
            move(connection, env.storeId(), name, revision, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_TAG_WRITE, id, revision, "update " + name, now);
            return new RevisionTag(name, revision, current.created(), now, editor.login(), editor.name());
        });
    }

    public void delete(EnvironmentId id, String name, Editor editor) {
        refuseLatest(name);
        table().delete(db, id, name, editor, AuditAction.REVISION_TAG_WRITE);
    }

    static void upsertLatest(Connection connection, String storeId, long revision, Instant now, Editor editor)
            throws SQLException {
        if (move(connection, storeId, RevisionTag.LATEST, revision, now, editor) == 0) {
            table().insertRow(connection, storeId, RevisionTag.LATEST, revision, now, now, editor);
        }
    }

    /** Points a tag at {@code revision}, keeping its creation time; how many rows moved (0: no such tag). */
    private static int move(Connection connection, String storeId, String name, long revision, Instant now,
                            Editor editor) throws SQLException {
        return Sql.update(connection,
                "UPDATE revision_tags SET revision = ?, modified_at = ?, editor_login = ?, editor_name = ?"
                        + " WHERE env_id = ? AND name = ?",
                revision, now, editor.login(), editor.name(), storeId, name);
    }

    private static long requireRevision(Connection connection, EnvironmentInfo env, long revision)
            throws SQLException {
        if (revision < 1 || revision > env.headRevision()) {
            throw new StoreException.NotFound("revision " + revision + " of " + env.id() + " not found");
        }
        RevisionRetractions.requireNotRetracted(connection, env, revision);
        return revision;
    }

    private static void refuseLatest(String name) {
        if (RevisionTag.LATEST.equals(name)) {
            throw new StoreException.Conflict("the latest tag is maintained by the server");
        }
    }
}
