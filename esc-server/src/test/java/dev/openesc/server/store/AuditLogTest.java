package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class AuditLogTest {

    @StoreTest
    void eventsAreListedNewestFirstPerOrganization(StoreFixture fixture) {
        AuditLog log = new AuditLog(fixture.db());
        EnvironmentId dev = new EnvironmentId("acme", "payments", "dev");
        for (int i = 1; i <= 5; i++) {
            log.append(AuditEvent.of("alice", AuditAction.ENVIRONMENT_UPDATE, dev, (long) i, "10.0.0." + i, null));
            fixture.clock().advance(Duration.ofSeconds(1));
        }
        log.append(AuditEvent.of("bob", AuditAction.ENVIRONMENT_OPEN, new EnvironmentId("beta", "p", "e"), 1L,
                null, "session x"));
        log.append(AuditEvent.of("carol", AuditAction.TOKEN_USE, "acme", "127.0.0.1", "tok-1"));

        Page<AuditEvent> newest = log.list("acme", null, 4);
        assertThat(newest.items()).extracting(AuditEvent::actor).containsExactly("carol", "alice", "alice", "alice");
        AuditEvent token = newest.items().get(0);
        assertThat(token.action()).isEqualTo(AuditAction.TOKEN_USE);
        assertThat(token.project()).isNull();
        assertThat(token.revision()).isNull();
        assertThat(token.detail()).isEqualTo("tok-1");
        AuditEvent update = newest.items().get(1);
        assertThat(update.revision()).isEqualTo(5L);
        assertThat(update.environment()).isEqualTo("dev");
        assertThat(update.source()).isEqualTo("10.0.0.5");
        assertThat(update.at()).isEqualTo(fixture.db().now().minusSeconds(1));

        List<Long> revisions = new ArrayList<>();
        String before = null;
        do {
            Page<AuditEvent> page = log.list("acme", before, 2);
            page.items().stream().filter(e -> e.revision() != null).forEach(e -> revisions.add(e.revision()));
            before = page.nextToken();
        } while (before != null);
        assertThat(revisions).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(log.list("beta", null, 10).items()).singleElement()
                .extracting(AuditEvent::action).isEqualTo(AuditAction.ENVIRONMENT_OPEN);
        assertThat(log.list("none", null, 10).items()).isEmpty();
    }
}
