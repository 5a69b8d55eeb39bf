package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.Caller;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.api.OrgMembership;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Permission;
import dev.openesc.api.Precondition;
import dev.openesc.api.UserInfo;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.store.Role;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

class AccessAndAuditTest {

    @StoreTest
    void tokensAuthenticateAndBadOnesAreUnauthorized(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        Caller caller = world.service.authenticate(world.aliceToken, "198.51.100.7");
        assertThat(caller.login()).isEqualTo("alice");
        assertThat(caller.name()).isEqualTo("Alice Example");
        assertThat(caller.tokenId()).startsWith("tok-");
        assertThat(caller.source()).isEqualTo("198.51.100.7");

        for (String bad : new String[] {null, "", "  ", "esc_nope", "not-even-prefixed", world.aliceToken + "x"}) {
            assertThatThrownBy(() -> world.service.authenticate(bad, null))
                    .isInstanceOf(EscException.Unauthorized.class);
        }
        world.storage.identity().revokeToken(caller.tokenId());
        assertThatThrownBy(() -> world.service.authenticate(world.aliceToken, null))
                .isInstanceOf(EscException.Unauthorized.class)
                .hasMessageNotContaining(world.aliceToken);
    }

    @StoreTest
    void currentUserAndDefaultOrganization(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        UserInfo alice = world.service.currentUser(world.alice);
        assertThat(alice.login()).isEqualTo("alice");
        assertThat(alice.name()).isEqualTo("Alice Example");
        assertThat(alice.email()).isEqualTo("alice@example.com");
        assertThat(alice.organizations()).containsExactly(new OrgMembership("acme", OrgRole.ADMIN));
        assertThat(world.service.defaultOrganization(world.carol)).contains("globex");

        fixture.clock().advance(Duration.ofMinutes(1));
        world.storage.identity().setMember("globex", "bob", Role.MEMBER);
        assertThat(world.service.currentUser(world.bob).organizations()).containsExactly(
                new OrgMembership("acme", OrgRole.MEMBER), new OrgMembership("globex", OrgRole.MEMBER));
        assertThat(world.service.defaultOrganization(world.bob)).contains("acme");

        world.storage.identity().createUser("dave", "Dave", null);
        Caller dave = world.service.localCaller("dave");
        assertThat(world.service.defaultOrganization(dave)).isEmpty();
        assertThat(world.service.currentUser(dave).organizations()).isEmpty();
        assertThatThrownBy(() -> world.service.localCaller("nobody")).isInstanceOf(EscException.Unauthorized.class);
    }

    @StoreTest
    void outsidersSeeNothingOfAnOrganizationAndCannotTellItExists(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  a: 1\n");
        Caller carol = world.carol;
        EnvironmentRef missingOrgEnv = new EnvironmentRef("nosuchorg", "payments", "dev");

        String existing = messageOf(() -> world.service.getDefinition(carol, DEV, null));
        String missing = messageOf(() -> world.service.getDefinition(carol, missingOrgEnv, null));
        assertThat(existing).isEqualTo("organization acme not found");
        assertThat(missing).isEqualTo("organization nosuchorg not found");

        List<ThrowingCallable> everything = List.of(
                () -> world.service.listEnvironments(carol, "acme", null),
                () -> world.service.createEnvironment(carol, DEV),
                () -> world.service.headEnvironment(carol, DEV),
                () -> world.service.decryptDefinition(carol, DEV, null),
                () -> world.service.updateEnvironment(carol, DEV, yaml("values: {}"), Precondition.none()),
                () -> world.service.deleteEnvironment(carol, DEV),
                () -> world.service.cloneEnvironment(carol, DEV, CloneRequest.plain("p", "x")),
                () -> world.service.listRevisions(carol, DEV, null, null),
                () -> world.service.listRevisionTags(carol, DEV, null, null),
                () -> world.service.createRevisionTag(carol, DEV, "t", null),
                () -> world.service.listEnvironmentTags(carol, DEV, null, null),
                () -> world.service.createEnvironmentTag(carol, DEV, "t", "v"),
                () -> world.service.checkYaml(carol, "acme", yaml("values: {}"), false),
                () -> world.service.checkEnvironment(carol, DEV, null, false),
                () -> world.service.openYaml(carol, "acme", yaml("values: {}"), null),
                () -> world.service.openEnvironment(carol, DEV, null, null),
                () -> world.service.readOpenEnvironment(carol, DEV, "x"));
        for (ThrowingCallable call : everything) {
            assertThatThrownBy(call).isInstanceOf(EscException.NotFound.class)
                    .hasMessage("organization acme not found");
        }
        assertThat(world.service.listEnvironments(world.alice, "acme", null).items()).hasSize(1);
        assertThat(world.service.listRevisions(world.alice, DEV, null, null)).hasSize(2);
    }

    @StoreTest
    void aRemovedMemberIsRefusedTheHeadOnTheVeryNextRead(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  a: 1\n");
        assertThat(world.service.getDefinition(world.bob, DEV, null).text()).contains("a: 1");

        world.storage.identity().removeMember("acme", "bob");

        assertThatThrownBy(() -> world.service.getDefinition(world.bob, DEV, null))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");
        assertThatThrownBy(() -> world.service.getDefinition(world.bob, DEV, ""))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");
        assertThatThrownBy(() -> world.service.getDefinition(world.alice, new EnvironmentRef("acme", "payments", "nope"),
                null)).isInstanceOf(EscException.NotFound.class).hasMessageContaining("nope");
    }

    @StoreTest
    void membersWithoutAPermissionAreForbidden(StoreFixture fixture) {
        AccessPolicy readOnlyMembers = new AccessPolicy(Map.of(
                OrgRole.MEMBER, EnumSet.of(Permission.READ),
                OrgRole.ADMIN, EnumSet.allOf(Permission.class)));
        ServiceWorld world = new ServiceWorld(fixture, readOnlyMembers);
        world.define(DEV, "values:\n  pw:\n    fn::secret: only-admins\n");
        Caller bob = world.bob;

        assertThat(world.service.getDefinition(bob, DEV, null).text()).doesNotContain("only-admins");
        assertThat(world.service.checkEnvironment(bob, DEV, null, false).environment().properties()).containsKey("pw");
        Consumer<ThrowingCallable> forbidden = call -> assertThatThrownBy(call)
                .isInstanceOf(EscException.Forbidden.class);
        forbidden.accept(() -> world.service.decryptDefinition(bob, DEV, null));
        forbidden.accept(() -> world.service.openEnvironment(bob, DEV, null, null));
        forbidden.accept(() -> world.service.checkEnvironment(bob, DEV, null, true));
        forbidden.accept(() -> world.service.updateEnvironment(bob, DEV, yaml("values: {}"), Precondition.none()));
        forbidden.accept(() -> world.service.deleteEnvironment(bob, DEV));
        forbidden.accept(() -> world.service.createRevisionTag(bob, DEV, "mine", null));
        assertThatThrownBy(() -> world.service.decryptDefinition(bob, DEV, null))
                .isInstanceOfSatisfying(EscException.Forbidden.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.OPEN));
        assertThat(world.service.listRevisions(world.alice, DEV, null, null)).hasSize(2);
    }

    @StoreTest
    void opensDecryptsAndTokenUsesAreAudited(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  pw:\n    fn::secret: audited-secret\n");

        world.service.decryptDefinition(world.bob, DEV, null);
        world.service.openEnvironment(world.bob, DEV, null, null);
        world.service.openYaml(world.bob, "acme", yaml("values: {a: 1}"), null);

        List<AuditEvent> events = world.storage.audit().list("acme", null, 100).items();
        assertThat(events).filteredOn(e -> e.action() == AuditAction.ENVIRONMENT_DECRYPT).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("bob");
                    assertThat(e.revision()).isEqualTo(2);
                    assertThat(e.source()).isEqualTo("192.0.2.2");
                    assertThat(e.environment()).isEqualTo("dev");
                });
        assertThat(events).filteredOn(e -> e.action() == AuditAction.ENVIRONMENT_OPEN).hasSize(2)
                .allMatch(e -> e.actor().equals("bob"));
        assertThat(events).noneMatch(e -> String.valueOf(e.detail()).contains("audited-secret"));

        long tokenUses = tokenUses(world);
        world.service.authenticate(world.aliceToken, "192.0.2.1");
        assertThat(tokenUses(world)).isEqualTo(tokenUses); // audited a moment ago from the same address
        world.service.authenticate(world.aliceToken, "203.0.113.9");
        assertThat(tokenUses(world)).isEqualTo(tokenUses + 1); // a new address
        fixture.clock().advance(Duration.ofMinutes(2));
        world.service.authenticate(world.aliceToken, "203.0.113.9");
        assertThat(tokenUses(world)).isEqualTo(tokenUses + 2);
    }

    private static long tokenUses(ServiceWorld world) {
        return world.fixture.db().read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM audit_events WHERE action = 'TOKEN_USE' AND actor = 'alice'");
                 var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static String messageOf(ThrowingCallable call) {
        try {
            call.call();
        } catch (EscException.NotFound e) {
            return e.getMessage();
        } catch (Throwable other) {
            throw new AssertionError("expected NotFound", other);
        }
        throw new AssertionError("expected NotFound");
    }
}
