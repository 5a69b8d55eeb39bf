package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.store.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits the use of access tokens: once per token per interval and replica, not once per request, so
 * that the audit log tells when and from where a token was used without a write on every call. A use
 * from a new address is audited at once. Each use is written to the log of every organization of the token's
 * user, where their admins see who, which token (its id, never its text), when and from where.
 */
final class TokenUseAudit {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private record LastAudit(Instant at, String source) {
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, LastAudit> last = new ConcurrentHashMap<>();

    TokenUseAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void used(Caller caller) {
        Instant now = clock.instant();
        String source = caller.source() == null ? "" : caller.source();
        LastAudit previous = last.get(caller.tokenId());
        if (previous != null && previous.source().equals(source) && previous.at().plus(INTERVAL).isAfter(now)) {
            return;
        }
        last.put(caller.tokenId(), new LastAudit(now, source));
        // A token is its user's, not an organization's, and at this point no organization is known yet:
        // the use goes to the log of each organization the user belongs to.
        audit.appendToMemberships(AuditEvent.of(caller.login(), AuditAction.TOKEN_USE, null, caller.source(),
                "token " + caller.tokenId()), caller.login());
    }
}
