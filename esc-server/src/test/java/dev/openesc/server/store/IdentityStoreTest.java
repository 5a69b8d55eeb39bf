package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class IdentityStoreTest {

    @StoreTest
    void theFirstStartCreatesAnAdminOnceOnly(StoreFixture fixture) {
        IdentityStore identity = new IdentityStore(fixture.db());

        Optional<IssuedToken> first = identity.bootstrap("admin", "Administrator", "default-org");
        Optional<IssuedToken> second = identity.bootstrap("admin", "Administrator", "default-org");

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(identity.role("default-org", "admin")).contains(Role.ADMIN);
        Principal principal = identity.authenticate(first.get().secret()).orElseThrow();
        assertThat(principal.user().login()).isEqualTo("admin");
        assertThat(first.get().toString()).doesNotContain(first.get().secret());
    }

    @StoreTest
    void aMemberExistsOnlyWithItsUserOrganizationAndMembership(StoreFixture fixture) {
        IdentityStore identity = new IdentityStore(fixture.db());
        assertThat(identity.memberExists("alice", "acme")).isFalse();
        identity.createUser("alice", "Alice", null);
        assertThat(identity.memberExists("alice", "acme")).isFalse();
        identity.createOrganization("acme");
        identity.createOrganization("beta");
        assertThat(identity.memberExists("alice", "acme")).isFalse();
        identity.setMember("beta", "alice", Role.ADMIN);
        assertThat(identity.memberExists("alice", "acme")).isFalse();
        identity.setMember("acme", "alice", Role.MEMBER);

        assertThat(identity.memberExists("alice", "acme")).isTrue();
        assertThat(identity.memberExists("acme", "alice")).isFalse();
    }

    @StoreTest
    void usersOrganizationsAndRoles(StoreFixture fixture) {
        IdentityStore identity = new IdentityStore(fixture.db());
        identity.createUser("alice", "Alice", "alice@example.com");
        identity.createUser("bob", "Bob", null);
        identity.createOrganization("acme");
        identity.createOrganization("beta");

        assertThatThrownBy(() -> identity.createUser("alice", "Other", null)).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> identity.createOrganization("acme")).isInstanceOf(StoreException.Conflict.class);
        assertThat(identity.user("alice").orElseThrow().email()).isEqualTo("alice@example.com");
        assertThat(identity.user("bob").orElseThrow().email()).isNull();
        assertThat(identity.user("carol")).isEmpty();

        identity.setMember("acme", "alice", Role.ADMIN);
        identity.setMember("acme", "bob", Role.MEMBER);
        identity.setMember("beta", "bob", Role.MEMBER);
        identity.setMember("acme", "bob", Role.ADMIN);

        assertThat(identity.role("acme", "bob")).contains(Role.ADMIN);
        assertThat(identity.role("beta", "alice")).isEmpty();
        assertThat(identity.memberships("bob")).extracting(Membership::org).containsExactly("acme", "beta");
        assertThat(identity.members("acme")).extracting(Membership::userLogin).containsExactly("alice", "bob");
        assertThatThrownBy(() -> identity.setMember("nope", "bob", Role.MEMBER))
                .isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> identity.setMember("acme", "carol", Role.MEMBER))
                .isInstanceOf(StoreException.NotFound.class);

        identity.removeMember("beta", "bob");
        assertThat(identity.memberships("bob")).extracting(Membership::org).containsExactly("acme");
        assertThatThrownBy(() -> identity.removeMember("beta", "bob")).isInstanceOf(StoreException.NotFound.class);
    }

    @StoreTest
    void tokensAreFoundByHashAndNeverStoredInClear(StoreFixture fixture) throws Exception {
        IdentityStore identity = new IdentityStore(fixture.db());
        identity.createUser("alice", "Alice", null);

        IssuedToken issued = identity.issueToken("alice", "laptop", null);

        assertThat(issued.secret()).startsWith("esc_").hasSizeGreaterThan(40);
        byte[] expectedHash = MessageDigest.getInstance("SHA-256")
                .digest(issued.secret().getBytes(StandardCharsets.UTF_8));
        List<byte[]> stored = fixture.db().read(connection -> Sql.list(connection,
                "SELECT token_hash FROM access_tokens", row -> row.getBytes(1)));
        assertThat(stored).singleElement().isEqualTo(expectedHash);
        List<String> storedText = fixture.db().read(connection -> Sql.list(connection,
                "SELECT id, user_login, description FROM access_tokens",
                row -> row.getString(1) + row.getString(2) + row.getString(3)));
        assertThat(storedText.get(0)).doesNotContain(issued.secret().substring(4));

        fixture.clock().advance(Duration.ofMinutes(3));
        Principal principal = identity.authenticate(issued.secret()).orElseThrow();
        assertThat(principal.user().login()).isEqualTo("alice");
        assertThat(principal.token().lastUsed()).isEqualTo(fixture.db().now());
        assertThat(identity.token(issued.token().id()).orElseThrow().lastUsed()).isEqualTo(fixture.db().now());
        // Uses within a minute do not write again; a later one does.
        fixture.clock().advance(Duration.ofSeconds(30));
        assertThat(identity.authenticate(issued.secret()).orElseThrow().token().lastUsed())
                .isEqualTo(fixture.db().now().minusSeconds(30));
        fixture.clock().advance(Duration.ofSeconds(31));
        identity.authenticate(issued.secret());
        assertThat(identity.token(issued.token().id()).orElseThrow().lastUsed()).isEqualTo(fixture.db().now());
        assertThat(identity.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(identity.authenticate("esc_unknown")).isEmpty();
        assertThat(identity.authenticate("not-a-token")).isEmpty();
        assertThat(identity.authenticate(null)).isEmpty();
    }

    @StoreTest
    void revokedAndExpiredTokensNoLongerAuthenticate(StoreFixture fixture) {
        IdentityStore identity = new IdentityStore(fixture.db());
        identity.createUser("alice", "Alice", null);
        Instant expiry = fixture.db().now().plus(Duration.ofHours(1));
        IssuedToken expiring = identity.issueToken("alice", "ci", expiry);
        IssuedToken revoked = identity.issueToken("alice", "old laptop", null);

        identity.revokeToken(revoked.token().id());
        identity.revokeToken(revoked.token().id());

        assertThat(identity.authenticate(revoked.secret())).isEmpty();
        assertThat(identity.token(revoked.token().id()).orElseThrow().revoked()).isNotNull();
        assertThat(identity.authenticate(expiring.secret())).isPresent();
        fixture.clock().advance(Duration.ofMinutes(59));
        assertThat(identity.authenticate(expiring.secret())).isPresent();
        fixture.clock().advance(Duration.ofMinutes(1));
        assertThat(identity.authenticate(expiring.secret())).isEmpty();
        assertThat(identity.tokens("alice")).hasSize(2);
        assertThatThrownBy(() -> identity.revokeToken("tok-none")).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> identity.issueToken("carol", "x", null)).isInstanceOf(StoreException.NotFound.class);
    }
}
