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
            Sql.update(connection,
                    "INSERT INTO revisions (env_id, number, definition, created_at, creator_login, creator_name)"
                            + " SELECT ?, number, definition, created_at, creator_login, creator_name"
                            + " FROM revisions WHERE env_id = ? AND number <= ?",
                    target, source.storeId(), upTo);
        } else {
            Revision base = EnvironmentStore.loadRevision(connection, source, upTo);
            EnvironmentStore.insertRevision(connection, target, 1, base.definition(), now, editor);
        }
        if (options.preserveHistory()) {
            // A retracted revision stays retracted in the copy: cloning must not make it readable again.
            Sql.update(connection,
                    "INSERT INTO revision_retractions (env_id, number, replacement, retracted_at, by_login, by_name,"
                            + " reason) SELECT ?, number, replacement, retracted_at, by_login, by_name, reason"
                            + " FROM revision_retractions WHERE env_id = ? AND number <= ?",
                    target, source.storeId(), upTo);
        }
        if (options.preserveHistory() && options.preserveRevisionTags()) {
            Sql.update(connection,
                    "INSERT INTO revision_tags (env_id, name, revision, created_at, modified_at, editor_login,"
                            + " editor_name) SELECT ?, name, revision, created_at, modified_at, editor_login,"
                            + " editor_name FROM revision_tags WHERE env_id = ? AND revision <= ? AND name <> ?",
                    target, source.storeId(), upTo, RevisionTag.LATEST);
        }
        RevisionTags.upsertLatest(connection, target, head, now, editor);
        if (options.preserveEnvironmentTags()) {
            Sql.update(connection,
                    "INSERT INTO environment_tags (env_id, name, value, created_at, modified_at, editor_login,"
                            + " editor_name) SELECT ?, name, value, created_at, modified_at, editor_login,"
                            + " editor_name FROM environment_tags WHERE env_id = ?",
                    target, source.storeId());
        }
        EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_CLONE, targetId, head,
                "from " + sourceId + " at revision " + upTo, now);
        return new EnvironmentInfo(targetId, target, head, now, now);
    }
}
