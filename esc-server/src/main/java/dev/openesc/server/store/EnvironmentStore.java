package dev.openesc.server.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Environments and their revisions. Every write is one transaction, and every update names the
 * revision it was based on: of two writers that read the same revision, one gets the next revision
 * and the other a {@link StoreException.Conflict}, so no update is ever lost or merged.
 *
 * <p>Every change (here and in {@link RevisionTags} and {@link EnvironmentTags}) appends its audit line
 * in its own transaction, so a change is never committed unaudited; the service audits reads (open,
 * decrypt) and token use itself, and must not audit these writes a second time.
 */
public final class EnvironmentStore {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    private final Database db;
    private final RevisionTags revisionTags;
    private final EnvironmentTags environmentTags;
    private final RevisionRetractions retractions;
    private final DeletionProtection protection;

    public EnvironmentStore(Database db) {
        this.db = db;
        this.revisionTags = new RevisionTags(db);
        this.environmentTags = new EnvironmentTags(db);
        this.retractions = new RevisionRetractions(db);
        this.protection = new DeletionProtection(db);
    }

    /** The {@code deletion-protected} setting, which {@link #delete} obeys. */
    public DeletionProtection protection() {
        return protection;
    }

    public RevisionRetractions retractions() {
        return retractions;
    }

    public RevisionTags revisionTags() {
        return revisionTags;
    }

    public EnvironmentTags tags() {
        return environmentTags;
    }

    /** Creates the environment at revision 1 with the given definition; Conflict if it exists. */
    public EnvironmentInfo create(EnvironmentId id, byte[] definition, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentRows.requireOrganization(connection, id.org());
            Instant now = db.now();
            String storeId = RandomIds.hex128();
            insertEnvironment(connection, storeId, id, 1, now);
            insertRevision(connection, storeId, 1, definition, now, editor);
            RevisionTags.upsertLatest(connection, storeId, 1, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_CREATE, id, 1L, null, now);
            return new EnvironmentInfo(id, storeId, 1, now, now);
        });
    }

    public EnvironmentInfo get(EnvironmentId id) {
        return EnvironmentRows.require(db, id);
    }

    public boolean exists(EnvironmentId id) {
        return db.read(connection -> Sql.count(connection,
                "SELECT COUNT(*) FROM environments WHERE org_name = ? AND project = ? AND name = ?",
                id.org(), id.project(), id.name()) > 0);
    }

    /**
     * The head revision. Every GET of a definition and every open passes here, so the environment row, its head
     * revision and the retraction check come in one statement; only when it finds nothing do the separate
     * statements run, to tell a missing environment from a missing or retracted revision.
     */
    public Revision latest(EnvironmentId id) {
        // A row class, and the lambda only when the head is not found: `esc run` reads the head at start, and
        // each lambda is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).
        Optional<Revision> head = db.first(
                "SELECT e.id AS env_id, r.number, r.definition, r.created_at, r.creator_login, r.creator_name"
                        + " FROM environments e JOIN revisions r ON r.env_id = e.id AND r.number = e.head_revision"
                        + " LEFT JOIN revision_retractions x ON x.env_id = r.env_id AND x.number = r.number"
                        + " WHERE e.org_name = ? AND e.project = ? AND e.name = ? AND x.number IS NULL",
                new HeadRow(id), id.org(), id.project(), id.name());
        if (head.isPresent()) {
            return head.get();
        }
        return db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            return loadRevision(connection, env, env.headRevision());
        });
    }

    /** A row of {@link #latest}'s statement. */
    private static final class HeadRow implements Sql.RowMapper<Revision> {
        private final EnvironmentId id;

        HeadRow(EnvironmentId id) {
            this.id = id;
        }

        @Override
        public Revision map(ResultSet row) throws SQLException {
            return new Revision(id, row.getLong("number"), row.getString("env_id") + "-" + row.getLong("number"),
                    Sql.instant(row, "created_at"), row.getString("creator_login"), row.getString("creator_name"),
                    row.getBytes("definition"));
        }
    }

    /**
     * The caller's role in the environment's organization and the head revision, in one statement: a GET of a
     * definition needs both, and a round trip to the pool and the database each was a fifth of its cost. The
     * head is empty when the caller is no member (nothing of the environment is read for an outsider's
     * benefit: the row is joined only through the membership) or when it needs {@link #latest}'s statements to
     * tell what is missing or retracted.
     */
    public MemberView latestAsSeenBy(EnvironmentId id, String login) {
        // A row class rather than a lambda: every `esc env get` reads this at start (docs/decisions.md 25).
        return db.first("SELECT m.role, e.id, r.number, r.definition, r.created_at, r.creator_login, r.creator_name,"
                                + " x.number FROM memberships m"
                                + " LEFT JOIN environments e ON e.org_name = m.org_name AND e.project = ? AND e.name = ?"
                                + " LEFT JOIN revisions r ON r.env_id = e.id AND r.number = e.head_revision"
                                + " LEFT JOIN revision_retractions x ON x.env_id = r.env_id AND x.number = r.number"
                                + " WHERE m.org_name = ? AND m.user_login = ?",
                        new MemberViewRow(id), id.project(), id.name(), id.org(), login)
                .orElse(new MemberView(Optional.empty(), Optional.empty()));
    }

    /** A row of {@link #latestAsSeenBy}'s statement. */
    private static final class MemberViewRow implements Sql.RowMapper<MemberView> {
        private final EnvironmentId id;

        MemberViewRow(EnvironmentId id) {
            this.id = id;
        }

        @Override
        public MemberView map(ResultSet row) throws SQLException {
            return new MemberView(Optional.of(Role.valueOf(row.getString(1))), head(id, row));
        }
    }

    /** The head revision of a {@link #latestAsSeenBy} row, read by position; empty if missing or retracted. */
    private static Optional<Revision> head(EnvironmentId id, ResultSet row) throws SQLException {
        String storeId = row.getString(2);
        long number = row.getLong(3);
        if (storeId == null || row.wasNull()) {
            return Optional.empty();
        }
        row.getLong(8);
        if (!row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Revision(id, number, storeId + "-" + number, Sql.instant(row, 5), row.getString(6),
                row.getString(7), row.getBytes(4)));
    }

    public Revision revision(EnvironmentId id, long number) {
        return db.read(connection -> loadRevision(connection, EnvironmentRows.require(connection, id), number));
    }

    /** A revision by number ({@code "3"}) or by revision tag name ({@code "latest"}, {@code "prod"}). */
    public Revision revision(EnvironmentId id, String numberOrTag) {
        if (numberOrTag.matches("[0-9]{1,18}")) {
            return revision(id, Long.parseLong(numberOrTag));
        }
        return db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            long number = Sql.first(connection,
                            "SELECT revision FROM revision_tags WHERE env_id = ? AND name = ?",
                            row -> row.getLong(1), env.storeId(), numberOrTag)
                    .orElseThrow(() -> new StoreException.NotFound(
                            "revision tag " + numberOrTag + " of " + id + " not found"));
            return loadRevision(connection, env, number);
        });
    }

    /**
     * Adds a revision on top of {@code expectedRevision}. If the environment has moved on since, nothing
     * is written and a Conflict is thrown; the {@code latest} tag moves with the new revision.
     */
    public Revision update(EnvironmentId id, long expectedRevision, byte[] definition, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            Instant now = db.now();
            long next = expectedRevision + 1;
            int moved = Sql.update(connection,
                    "UPDATE environments SET head_revision = ?, modified_at = ? WHERE id = ? AND head_revision = ?",
                    next, now, env.storeId(), expectedRevision);
            if (moved == 0) {
                long head = currentHead(connection, env.storeId());
                if (head < 0) {
                    throw EnvironmentRows.notFound(id); // deleted by a concurrent writer
                }
                throw new StoreException.Conflict("environment " + id + " has changed: expected revision "
                        + expectedRevision + ", it is at " + head);
            }
            insertRevision(connection, env.storeId(), next, definition, now, editor);
            RevisionTags.upsertLatest(connection, env.storeId(), next, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_UPDATE, id, next, null, now);
            return new Revision(id, next, env.storeId() + "-" + next, now, editor.login(), editor.name(),
                    definition.clone());
        });
    }

    /**
     * Like {@link #update(EnvironmentId, long, byte[], Editor)}, guarded by an entity tag as the API's
     * {@code If-Match} carries it ({@link EnvironmentInfo#etag()}, with or without quotes): Conflict
     * unless it is the environment's current one.
     */
    public Revision updateIfMatch(EnvironmentId id, String etag, byte[] definition, Editor editor) {
        String bare = etag.strip();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        int dash = bare.lastIndexOf('-');
        EnvironmentInfo env = get(id);
        if (dash < 0 || !bare.substring(0, dash).equals(env.storeId()) || !bare.substring(dash + 1).matches("[0-9]{1,18}")) {
            throw new StoreException.Conflict("environment " + id + " has changed: etag " + etag + " is not current");
        }
        return update(id, Long.parseLong(bare.substring(dash + 1)), definition, editor);
    }

    /**
     * Lists the environments of the given organizations, ordered by organization, project and name.
     *
     * @param continuationToken null or empty for the first page, else a page's {@code nextToken}
     * @throws IllegalArgumentException if the token is not one this store handed out
     */
    public Page<EnvironmentInfo> list(Collection<String> orgs, String continuationToken, int pageSize) {
        if (orgs.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        int size = EnvironmentRows.pageSize(pageSize, DEFAULT_PAGE, MAX_PAGE);
        String[] after = decodeToken(continuationToken);
        List<Object> params = new ArrayList<>(orgs);
        StringBuilder sql = new StringBuilder("SELECT " + EnvironmentRows.COLUMNS + " FROM environments WHERE org_name IN (")
                .append("?, ".repeat(orgs.size() - 1)).append("?)");
        if (after != null) {
            sql.append(" AND (org_name > ? OR (org_name = ? AND (project > ? OR (project = ? AND name > ?))))");
            params.addAll(List.of(after[0], after[0], after[1], after[1], after[2]));
        }
        sql.append(" ORDER BY org_name, project, name LIMIT ").append(size + 1);
        List<EnvironmentInfo> rows = db.read(connection ->
                Sql.list(connection, sql.toString(), EnvironmentRows.ROW, params.toArray()));
        return Page.ofProbe(rows, size, env -> encodeToken(env.id()));
    }

    /**
     * Revisions newest first.
     *
     * @param before only revisions with a smaller number (exclusive), or null for the newest
     * @param count  how many at most; zero or less means the default page
     */
    public List<RevisionSummary> revisions(EnvironmentId id, Long before, int count) {
        int size = EnvironmentRows.pageSize(count, DEFAULT_PAGE, MAX_PAGE);
        return db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            long below = before == null ? Long.MAX_VALUE : before;
            List<RevisionSummary> untagged = Sql.list(connection,
                    "SELECT number, created_at, creator_login, creator_name FROM revisions"
                            + " WHERE env_id = ? AND number < ? ORDER BY number DESC LIMIT " + size,
                    row -> new RevisionSummary(row.getLong("number"), Sql.instant(row, "created_at"),
                            row.getString("creator_login"), row.getString("creator_name"), List.of()),
                    env.storeId(), below);
            if (untagged.isEmpty()) {
                return List.of();
            }
            long low = untagged.get(untagged.size() - 1).number();
            long high = untagged.get(0).number();
            Map<Long, List<String>> tagsByRevision = tagsByRevision(connection, env.storeId(), low, high);
            Map<Long, Retraction> retracted = RevisionRetractions.inRange(connection, env.storeId(), low, high);
            List<RevisionSummary> result = new ArrayList<>(untagged.size());
            for (RevisionSummary revision : untagged) {
                result.add(new RevisionSummary(revision.number(), revision.created(), revision.creatorLogin(),
                        revision.creatorName(), tagsByRevision.getOrDefault(revision.number(), List.of()),
                        retracted.get(revision.number())));
            }
            return result;
        });
    }

    /** Copies an environment under a new name, as the options say; Conflict if the target exists. */
    public EnvironmentInfo clone(EnvironmentId source, CloneOptions options, Editor editor) {
        return db.transaction(connection -> new EnvironmentCloner(db.now()).copy(connection, source, options,
                editor));
    }

    /**
     * Deletes the environment with all its revisions and tags; NotFound if there is none, DeletionProtected (and
     * nothing deleted) if its protection is on.
     */
    public void delete(EnvironmentId id, Editor editor) {
        db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            DeletionProtection.claimUnprotected(connection, env);
            for (String table : List.of("revision_tags", "environment_tags", "revision_retractions", "revisions")) {
                Sql.update(connection, "DELETE FROM " + table + " WHERE env_id = ?", env.storeId());
            }
            Sql.update(connection, "DELETE FROM environments WHERE id = ?", env.storeId());
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_DELETE, id, env.headRevision(), null,
                    db.now());
            return null;
        });
    }

    static void insertEnvironment(Connection connection, String storeId, EnvironmentId id, long head, Instant now)
            throws SQLException {
        try {
            Sql.update(connection,
                    "INSERT INTO environments (id, org_name, project, name, head_revision, created_at, modified_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    storeId, id.org(), id.project(), id.name(), head, now, now);
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new StoreException.Conflict("environment " + id + " already exists", e);
            }
            throw e;
        }
    }

    static void insertRevision(Connection connection, String storeId, long number, byte[] definition, Instant now,
                               Editor editor) throws SQLException {
        Sql.update(connection,
                "INSERT INTO revisions (env_id, number, definition, created_at, creator_login, creator_name)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                storeId, number, definition, now, editor.login(), editor.name());
    }

    /** A revision with its definition; NotFound if it does not exist or is retracted. */
    static Revision loadRevision(Connection connection, EnvironmentInfo env, long number) throws SQLException {
        // The retraction comes in the same query: every read of a definition passes here.
        Revision found = Sql.first(connection,
                        "SELECT r.number, r.definition, r.created_at, r.creator_login, r.creator_name,"
                                + " x.number AS retracted FROM revisions r LEFT JOIN revision_retractions x"
                                + " ON x.env_id = r.env_id AND x.number = r.number WHERE r.env_id = ? AND r.number = ?",
                        row -> {
                            row.getLong("retracted");
                            if (!row.wasNull()) {
                                throw RevisionRetractions.retracted(env.id(), number);
                            }
                            return new Revision(env.id(), row.getLong("number"), env.storeId() + "-" + number,
                                    Sql.instant(row, "created_at"), row.getString("creator_login"),
                                    row.getString("creator_name"), row.getBytes("definition"));
                        },
                        env.storeId(), number)
                .orElseThrow(() -> new StoreException.NotFound(
                        "revision " + number + " of " + env.id() + " not found"));
        return found;
    }

    private static long currentHead(Connection connection, String storeId) throws SQLException {
        return Sql.first(connection, "SELECT head_revision FROM environments WHERE id = ?",
                row -> row.getLong(1), storeId).orElse(-1L);
    }

    private static Map<Long, List<String>> tagsByRevision(Connection connection, String storeId, long low, long high)
            throws SQLException {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        Sql.list(connection,
                "SELECT revision, name FROM revision_tags WHERE env_id = ? AND revision BETWEEN ? AND ? ORDER BY name",
                row -> tags.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getString(2)),
                storeId, low, high);
        return tags;
    }

    private static String encodeToken(EnvironmentId last) {
        String text = last.org() + '\n' + last.project() + '\n' + last.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeToken(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (parts.length == 3) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw new IllegalArgumentException("invalid continuation token");
    }
}
