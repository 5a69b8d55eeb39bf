package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class SessionStoreTest {

    private static final byte[] OPENED = "{\"properties\":{\"password\":{\"value\":\"hunter2-open\",\"secret\":true}}}"
            .getBytes(StandardCharsets.UTF_8);

    private static SessionStore sessions(StoreFixture fixture) {
        return new SessionStore(fixture.db(), fixture.keyring(), new SessionPolicy(Duration.ofHours(1),
                Duration.ofHours(12)));
    }

    @StoreTest
    void anOpenedEnvironmentReadsBackUntilItExpires(StoreFixture fixture) {
        SessionStore store = sessions(fixture);

        OpenSession session = store.open("acme", "payments", "dev", 3L, OPENED, null, "alice");

        assertThat(session.expires()).isEqualTo(session.created().plus(Duration.ofHours(1)));
        SessionStore.SessionContent content = store.read("acme", session.id());
        assertThat(content.payload()).isEqualTo(OPENED);
        assertThat(content.session()).isEqualTo(session);

        fixture.clock().advance(Duration.ofMinutes(59));
        assertThat(store.read("acme", session.id()).payload()).isEqualTo(OPENED);
        fixture.clock().advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> store.read("acme", session.id()))
                .isInstanceOf(StoreException.NotFound.class).hasMessageContaining("expired");
    }

    @StoreTest
    void sessionsBelongToTheirOrganization(StoreFixture fixture) {
        SessionStore store = sessions(fixture);
        OpenSession session = store.open("acme", null, null, null, OPENED, Duration.ofMinutes(5), "alice");

        assertThat(store.read("acme", session.id()).session().environment()).isNull();
        assertThatThrownBy(() -> store.read("other", session.id())).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> store.read("acme", "no-such-id")).isInstanceOf(StoreException.NotFound.class);
    }

    @StoreTest
    void durationsAboveTheCeilingAreRefused(StoreFixture fixture) {
        SessionStore store = sessions(fixture);

        assertThat(store.policy().permits(Duration.ofHours(12))).isTrue();
        assertThat(store.policy().permits(Duration.ofHours(13))).isFalse();
        assertThat(store.policy().permits(Duration.ZERO)).isFalse();
        assertThatThrownBy(() -> store.open("acme", "p", "e", 1L, OPENED, Duration.ofHours(13), "alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StoreAssertions.rows(fixture.db(), "open_sessions")).isZero();
    }

    @StoreTest
    void purgeDeletesOnlyExpiredSessions(StoreFixture fixture) {
        SessionStore store = sessions(fixture);
        OpenSession shortLived = store.open("acme", "p", "e", 1L, OPENED, Duration.ofMinutes(10), "alice");
        OpenSession longLived = store.open("acme", "p", "e", 1L, OPENED, Duration.ofHours(2), "alice");

        assertThat(store.purgeExpired()).isZero();
        fixture.clock().advance(Duration.ofMinutes(10));
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(store.purgeExpired()).isZero();

        assertThat(StoreAssertions.rows(fixture.db(), "open_sessions")).isEqualTo(1);
        assertThatThrownBy(() -> store.read("acme", shortLived.id())).isInstanceOf(StoreException.NotFound.class);
        assertThat(store.read("acme", longLived.id()).payload()).isEqualTo(OPENED);
    }

    @StoreTest
    void thePayloadIsEncryptedAtRest(StoreFixture fixture) {
        SessionStore store = sessions(fixture);
        OpenSession session = store.open("acme", "p", "e", 1L, OPENED, null, "alice");

        byte[] stored = fixture.db().read(connection -> Sql.first(connection,
                "SELECT payload FROM open_sessions WHERE id = ?", row -> row.getBytes(1), session.id()).orElseThrow());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2-open");
        assertThat(stored.length).isGreaterThan(OPENED.length);
    }
}
