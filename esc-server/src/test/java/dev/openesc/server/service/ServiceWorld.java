package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.store.IdentityStore;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import dev.openesc.server.testing.StoreFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The people and organizations service tests share, on one test's store: alice administers {@code acme},
 * bob is a member of {@code acme}, carol administers {@code globex} only. Each has a real token.
 */
final class ServiceWorld {

    static final EnvironmentRef DEV = new EnvironmentRef("acme", "payments", "dev");
    static final EnvironmentRef BASE = new EnvironmentRef("acme", "payments", "base");

    final StoreFixture fixture;
    final Storage storage;
    final LocalEscService service;
    final Caller alice;
    final Caller bob;
    final Caller carol;
    final String aliceToken;

    ServiceWorld(StoreFixture fixture) {
        this(fixture, AccessPolicy.defaults());
    }

    ServiceWorld(StoreFixture fixture, AccessPolicy policy) {
        this.fixture = fixture;
        this.storage = Storage.on(fixture.db(), LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY),
                new SessionPolicy(Duration.ofHours(1), Duration.ofHours(12)));
        this.service = new LocalEscService(storage, ProviderLoader.none(), policy, ServiceLimits.defaults());
        IdentityStore identity = storage.identity();
        identity.createOrganization("acme");
        identity.createOrganization("globex");
        identity.createUser("alice", "Alice Example", "alice@example.com");
        identity.createUser("bob", "Bob Example", null);
        identity.createUser("carol", "Carol Example", null);
        identity.setMember("acme", "alice", Role.ADMIN);
        identity.setMember("acme", "bob", Role.MEMBER);
        identity.setMember("globex", "carol", Role.ADMIN);
        aliceToken = identity.issueToken("alice", "test", null).secret();
        alice = service.authenticate(aliceToken, "192.0.2.1");
        bob = service.authenticate(identity.issueToken("bob", "test", null).secret(), "192.0.2.2");
        carol = service.authenticate(identity.issueToken("carol", "test", null).secret(), "192.0.2.3");
    }

    static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Creates the environment and writes its definition as revision 2. */
    void define(EnvironmentRef environment, String definition) {
        service.createEnvironment(alice, environment);
        service.updateEnvironment(alice, environment, yaml(definition), dev.openesc.api.Precondition.none());
    }
}
