package dev.openesc.server.store;

import java.time.Instant;

/** Name/value labels on environments ({@code .../tags}), sorted and paginated by name. */
public final class EnvironmentTags {

    /**
     * The tag table, made on first use (a holder class): every command on an environment makes the stores, few
     * touch tags, and the table's two lambdas would each be linked by a bootstrap of their own at the start of
     * every command (docs/decisions.md 25).
     */
    static TagTable<EnvironmentTag> table() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final TagTable<EnvironmentTag> TABLE = new TagTable<>("environment_tags", "value",
                row -> new EnvironmentTag(row.getString("name"), row.getString("value"), Sql.instant(row, "created_at"),
                        Sql.instant(row, "modified_at"), row.getString("editor_login"), row.getString("editor_name")),
                EnvironmentTag::name, "tag");
    }

    private final Database db;

    EnvironmentTags(Database db) {
        this.db = db;
    }

    /** Tags sorted by name; {@code after} is an exclusive name (null or empty from the start). */
    public Page<EnvironmentTag> list(EnvironmentId id, String after, int count) {
        return table().list(db, id, after, count);
    }

    public EnvironmentTag get(EnvironmentId id, String name) {
        return table().get(db, id, name);
    }

    /** Conflict if a tag of that name exists. */
    public EnvironmentTag create(EnvironmentId id, String name, String value, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            Instant now = db.now();
            table().insert(connection, env, name, value, now, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_TAG_WRITE, id, null, "create " + name, now);
            return new EnvironmentTag(name, value, now, now, editor.login(), editor.name());
        });
    }

    /**
     * Renames and/or changes a tag. {@code expectedValue}, when not null, must be the tag's current
     * value (the API's {@code currentTag}), else Conflict: a read-modify-write guard like revisions have.
     */
    public EnvironmentTag update(EnvironmentId id, String name, String expectedValue, String newName,
                                 String newValue, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            EnvironmentTag current = table().find(connection, env, name);
            if (expectedValue != null && !expectedValue.equals(current.value())) {
                throw new StoreException.Conflict("tag " + name + " of " + id + " has changed");
            }
            Instant now = db.now();
            table().deleteRow(connection, env, name);
            table().insert(connection, env, newName, newValue, current.created(), now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_TAG_WRITE, id, null,
                    "update " + name + (name.equals(newName) ? "" : " to " + newName), now);
            return new EnvironmentTag(newName, newValue, current.created(), now, editor.login(), editor.name());
        });
    }

    public void delete(EnvironmentId id, String name, Editor editor) {
        table().delete(db, id, name, editor, AuditAction.ENVIRONMENT_TAG_WRITE);
    }
}
