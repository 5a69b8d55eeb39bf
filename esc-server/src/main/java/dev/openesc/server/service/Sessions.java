package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.api.OpenedEnvironment;
import dev.openesc.api.OpenedSession;
import dev.openesc.core.value.Environment;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.store.OpenSession;
import dev.openesc.server.store.SessionStore;
import dev.openesc.server.store.StoreException;
import java.time.Duration;
import java.util.Objects;

/**
 * Opened environments kept for their duration, and read back. A session is readable only by the user
 * who opened it, through the route it was opened on (an environment's session through that environment,
 * an anonymous one through {@code yaml/open}); anything else, like an expired session, is not found.
 * Opens are audited, in the transaction that stores the session.
 */
final class Sessions {

    private final SessionStore store;

    Sessions(SessionStore store) {
        this.store = store;
    }

    /** InvalidRequest unless the policy grants the duration; null means the default. */
    Duration grant(Duration requested) {
        Duration granted = requested == null ? store.policy().defaultDuration() : requested;
        if (!store.policy().permits(granted)) {
            throw new EscException.InvalidRequest("invalid duration: must be positive and at most "
                    + dev.openesc.api.Durations.format(store.policy().maxDuration()));
        }
        return granted;
    }

    OpenedSession open(Caller caller, String org, EnvironmentRef environment, Long revision, Evaluation.Outcome opened,
                       Duration granted) {
        return store(caller, org, environment, revision, SessionPayload.encode(opened.environment()), opened,
                granted);
    }

    /**
     * {@link #open}, and the environment that {@link #read} of the new session gives: decoded from the payload
     * just stored rather than read back from the store and decrypted.
     */
    OpenedEnvironment openAndRead(Caller caller, String org, EnvironmentRef environment, Long revision,
                                                  Evaluation.Outcome opened, Duration granted) {
        byte[] payload = SessionPayload.encode(opened.environment());
        OpenedSession session = store(caller, org, environment, revision, payload, opened, granted);
        return new OpenedEnvironment(session, SessionPayload.decode(payload));
    }

    /**
     * The environment {@link #openAndRead} gives, audited as it audits, for a caller in this process that keeps
     * the environment to itself: no session is stored (docs/decisions.md 17).
     */
    OpenedEnvironment openInProcess(Caller caller, String org, EnvironmentRef environment, Long revision,
                                    Evaluation.Outcome opened, Duration granted) {
        // A try with the shared translation rather than StoreCalls.call and an auditing lambda: this runs at every
        // local `esc run` (docs/decisions.md 25).
        OpenSession session;
        try {
            session = store.openInProcess(org, environment.project(), environment.name(), revision, granted,
                    caller.login());
            store.auditInProcess(session, audited(caller, org, environment, revision, session));
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
        return new OpenedEnvironment(new OpenedSession(session.id(), session.expires(), opened.warnings()),
                SessionPayload.kept(opened.environment()));
    }

    private OpenedSession store(Caller caller, String org, EnvironmentRef environment, Long revision, byte[] payload,
                                Evaluation.Outcome opened, Duration granted) {
        OpenSession session = StoreCalls.call(() -> store.open(org,
                environment == null ? null : environment.project(), environment == null ? null : environment.name(),
                revision, payload, granted, caller.login(),
                created -> audited(caller, org, environment, revision, created)));
        return new OpenedSession(session.id(), session.expires(), opened.warnings());
    }

    private static AuditEvent audited(Caller caller, String org, EnvironmentRef environment, Long revision,
                                      OpenSession session) {
        String detail = "session " + session.id() + " until " + InstantText.of(session.expires());
        return environment == null
                ? AuditEvent.of(caller.login(), AuditAction.ENVIRONMENT_OPEN, org, caller.source(), "yaml " + detail)
                : AuditEvent.of(caller.login(), AuditAction.ENVIRONMENT_OPEN, ApiViews.id(environment), revision,
                        caller.source(), detail);
    }

    /** The session's environment; {@code environment} null for an anonymous session. */
    Environment read(Caller caller, String org, EnvironmentRef environment, String sessionId) {
        return SessionPayload.decode(payload(caller, org, environment, sessionId));
    }

    /** {@link #read} as wire JSON: the payload as the session keeps it, not decoded and encoded again. */
    String readJson(Caller caller, String org, EnvironmentRef environment, String sessionId) {
        return SessionPayload.json(payload(caller, org, environment, sessionId));
    }

    private byte[] payload(Caller caller, String org, EnvironmentRef environment, String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 64) {
            throw notFound();
        }
        SessionStore.SessionContent content;
        try {
            content = StoreCalls.call(() -> store.read(org, sessionId));
        } catch (EscException.NotFound e) {
            throw notFound();
        }
        OpenSession session = content.session();
        boolean sameRoute = environment == null
                ? session.project() == null
                : environment.project().equals(session.project()) && environment.name().equals(session.environment());
        if (!sameRoute || !Objects.equals(session.openedBy(), caller.login())) {
            throw notFound();
        }
        return content.payload();
    }

    private static EscException.NotFound notFound() {
        return new EscException.NotFound("open session not found or expired");
    }
}
