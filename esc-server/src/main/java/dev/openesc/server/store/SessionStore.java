package dev.openesc.server.store;

import dev.openesc.server.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Opened environments. The evaluated result (the service's serialised form, opaque here) is kept
 * encrypted with the org's data key, bound to the session id, until the session expires. After that
 * it reads as not found, and {@link #purgeExpired()} deletes it.
 */
public final class SessionStore {

    /** A session and its decrypted content. */
    public record SessionContent(OpenSession session, byte[] payload) {
    }

    /** The lease name of the purge; replicas agree on it, so it never changes. */
    public static final String PURGE_JOB = "open-session-purge";

    private final Database db;
    private final SecretCipher cipher;
    private final SessionPolicy policy;

    public SessionStore(Database db, SecretCipher cipher, SessionPolicy policy) {
        this.db = db;
        this.cipher = cipher;
        this.policy = policy;
    }

    public SessionPolicy policy() {
        return policy;
    }

    /**
     * Stores an opened environment.
     *
     * @param duration null for the policy's default
     * @throws IllegalArgumentException if the policy does not permit the duration (check first)
     */
    public OpenSession open(String org, String project, String environment, Long revision, byte[] payload,
                            Duration duration, String openedBy) {
        return open(org, project, environment, revision, payload, duration, openedBy, session -> null);
    }

    /**
     * Stores an opened environment and, in the same transaction, the audit event {@code audit} makes for the
     * new session (none if it gives null): a session is never kept unaudited, and an open costs one write
     * transaction, not two.
     *
     * @param duration null for the policy's default
     * @throws IllegalArgumentException if the policy does not permit the duration (check first)
     */
    public OpenSession open(String org, String project, String environment, Long revision, byte[] payload,
                            Duration duration, String openedBy, Function<OpenSession, AuditEvent> audit) {
        Instant now = db.now();
        OpenSession session = newSession(RandomIds.hex128(), org, project, environment, revision, duration, openedBy,
                now);
        String id = session.id();
        byte[] sealed = cipher.encrypt(org, payload, context(id));
        AuditEvent event = audit.apply(session);
        db.transaction(connection -> {
            Sql.update(connection,
                    "INSERT INTO open_sessions (id, org_name, project, env_name, revision, payload, opened_by,"
                            + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, org, Sql.text(project), Sql.text(environment), Sql.number(revision), sealed, openedBy,
                    now, session.expires());
            if (event != null) {
                AuditLog.append(connection, event, now);
            }
            return null;
        });
        return session;
    }

    /**
     * An open whose environment stays in the opening process (the CLI's local backend, docs/decisions.md 17): the
     * same session id and times as {@link #open}, but no session row and so nothing encrypted, and nothing written
     * here: the caller audits it with {@link #auditInProcess} before it uses the environment. Nothing can read the
     * session back, by design: no one outside the process could have used it.
     *
     * @param duration null for the policy's default
     * @throws IllegalArgumentException if the policy does not permit the duration (check first)
     */
    public OpenSession openInProcess(String org, String project, String environment, Long revision,
                                     Duration duration, String openedBy) {
        return newSession(inProcessId(), org, project, environment, revision, duration, openedBy, db.now());
    }

    /**
     * Appends the audit event of an {@link #openInProcess in-process open}, stamped at the session's creation as
     * {@link #open} stamps it: one statement, and no lambda (this runs at every local {@code esc run},
     * docs/decisions.md 25).
     */
    public void auditInProcess(OpenSession session, AuditEvent event) {
        AuditLog.append(db, event, session.created());
    }

    /**
     * The id of an open that stays in its process: 128 bits of the JVM's ordinary random numbers, as 32 hex digits
     * like a stored session's. Nothing stores it or accepts it (it reads as not found), it names the open in the audit
     * log only, so it needs no unguessable source; the strong one starts the JDK's security providers and NativePRNG,
     * about 6 ms of CPU that a local {@code esc run} had no other use for (docs/benchmarks.md, CLI start-up, round 15).
     */
    private static String inProcessId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    private OpenSession newSession(String id, String org, String project, String environment, Long revision,
                                   Duration duration, String openedBy, Instant now) {
        Duration granted = duration == null ? policy.defaultDuration() : duration;
        if (!policy.permits(granted)) {
            throw new IllegalArgumentException("duration " + granted + " exceeds " + policy.maxDuration());
        }
        return new OpenSession(id, org, project, environment, revision, openedBy, now,
                now.plus(granted));
    }

    /** The session of this org with this id; NotFound if there is none or it has expired. */
    public SessionContent read(String org, String id) {
        Instant now = db.now();
        SessionContent sealed = db.read(connection -> Sql.first(connection,
                        "SELECT id, org_name, project, env_name, revision, payload, opened_by, created_at, expires_at"
                                + " FROM open_sessions WHERE id = ? AND org_name = ?",
                        row -> new SessionContent(map(row), row.getBytes("payload")), id, org))
                .orElseThrow(() -> new StoreException.NotFound("open session " + id + " not found"));
        if (sealed.session().expiredAt(now)) {
            throw new StoreException.NotFound("open session " + id + " has expired");
        }
        return new SessionContent(sealed.session(), cipher.decrypt(org, sealed.payload(), context(id)));
    }

    /** Deletes every expired session; returns how many. Safe to run on several replicas at once. */
    public int purgeExpired() {
        Instant now = db.now();
        return db.transaction(connection ->
                Sql.update(connection, "DELETE FROM open_sessions WHERE expires_at <= ?", now));
    }

    /**
     * {@link #purgeExpired} under a lease, so that of the replicas sharing a database one purges at a time
     * (two purging at once would be harmless, only wasted work; none purging would let the table grow).
     */
    public ExclusiveJob purgeJob(Leases leases, String holder, Duration leaseTtl) {
        return new ExclusiveJob(leases, PURGE_JOB, holder, leaseTtl, this::purgeExpired);
    }

    private static byte[] context(String sessionId) {
        return ("open session\0" + sessionId).getBytes(StandardCharsets.UTF_8);
    }

    private static OpenSession map(ResultSet row) throws SQLException {
        return new OpenSession(row.getString("id"), row.getString("org_name"), row.getString("project"),
                row.getString("env_name"), Sql.nullableLong(row, "revision"), row.getString("opened_by"),
                Sql.instant(row, "created_at"), Sql.instant(row, "expires_at"));
    }
}
