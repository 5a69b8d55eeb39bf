package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The copying behind {@link EnvironmentStore#clone}, run inside the caller's transaction. */
final class EnvironmentCloner {

    private final Instant now;

    EnvironmentCloner(Instant now) {
        this.now = now;
    }

    EnvironmentInfo copy(Connection connection, EnvironmentId sourceId, CloneOptions options, Editor editor)
            throws SQLException {
        EnvironmentInfo source = EnvironmentRows.require(connection, sourceId);
        long upTo = options.version() == null ? source.headRevision() : options.version();
        if (upTo < 1 || upTo > source.headRevision()) {
            throw new StoreException.NotFound("revision " + upTo + " of " + sourceId + " not found");
        }
        EnvironmentId targetId = options.target();
        EnvironmentRows.requireOrganization(connection, targetId.org());
        String target = RandomIds.hex128();
        long head = options.preserveHistory() ? upTo : 1;
        EnvironmentStore.insertEnvironment(connection, target, targetId, head, now);

        if (options.preserveHistory()) {
            copyRows(connection, "revisions", "number, definition, created_at, creator_login, creator_name",
                    target, source, " AND number <= ?", upTo);
            // A retracted revision stays retracted in the copy: cloning must not make it readable again.
            copyRows(connection, "revision_retractions",
                    "number, replacement, retracted_at, by_login, by_name, reason", target, source,
                    " AND number <= ?", upTo);
        } else {
            Revision base = EnvironmentStore.loadRevision(connection, source, upTo);
            EnvironmentStore.insertRevision(connection, target, 1, base.definition(), now, editor);
        }
        if (options.preserveHistory() && options.preserveRevisionTags()) {
            copyRows(connection, "revision_tags", RevisionTags.table().columns(), target, source,
                    " AND revision <= ? AND name <> ?", upTo, RevisionTag.LATEST);
        }
        RevisionTags.upsertLatest(connection, target, head, now, editor);
        if (options.preserveEnvironmentTags()) {
            copyRows(connection, "environment_tags", EnvironmentTags.table().columns(), target, source, "");
        }
        EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_CLONE, targetId, head,
                "from " + sourceId + " at revision " + upTo, now);
        return new EnvironmentInfo(targetId, target, head, now, now);
    }

    /**
     * Copies the source's rows of {@code table} to the target as they are but for the environment id;
     * {@code filter} ({@code " AND ..."}, or empty for all rows) takes {@code filterParams}.
     */
    private static void copyRows(Connection connection, String table, String columns, String target,
                                 EnvironmentInfo source, String filter, Object... filterParams) throws SQLException {
        Object[] params = new Object[filterParams.length + 2];
        params[0] = target;
        params[1] = source.storeId();
        System.arraycopy(filterParams, 0, params, 2, filterParams.length);
        Sql.update(connection, "INSERT INTO " + table + " (env_id, " + columns + ") SELECT ?, " + columns
                + " FROM " + table + " WHERE env_id = ?" + filter, params);
    }
}
