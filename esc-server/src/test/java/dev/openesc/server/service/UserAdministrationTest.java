package dev.openesc.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.EscException;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Permission;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class UserAdministrationTest {

    private static NewUser withToken(String login, OrgRole role) {
        return new NewUser(login, null, null, role, "first token", null);
    }

    private static List<AuditEntry> audit(ServiceWorld world, Caller admin, String org, String action) {
        return world.service.listAuditEvents(admin, org, new AuditQuery(null, null, action, null, 1000)).items();
    }

    private static long users(ServiceWorld world) {
        return world.fixture.db().read(connection -> {
            try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM users");
                 var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @StoreTest
    void anAdminCreatesAUserIntoTheOrganizationWhoseFirstTokenWorksAtOnce(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);

        CreatedUser dave = world.service.createUser(world.alice, "acme",
                new NewUser("dave", "Dave Example", "dave@example.com", OrgRole.ADMIN, "laptop", null));

        assertThat(dave.member()).extracting(OrgMember::login, OrgMember::name, OrgMember::email, OrgMember::role)
                .containsExactly("dave", "Dave Example", "dave@example.com", OrgRole.ADMIN);
        String secret = dave.token().orElseThrow().secret();
        assertThat(dave.toString()).doesNotContain(secret);
        Caller daveCaller = world.service.authenticate(secret, "198.51.100.7");
        assertThat(world.service.currentUser(daveCaller).organizations()).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(OrgRole.ADMIN));
        assertThat(world.service.listMembers(daveCaller, "acme")).extracting(OrgMember::login)
                .containsExactly("alice", "bob", "dave");

        AuditEntry created = audit(world, world.alice, "acme", "user_create").get(0);
        assertThat(created.actor()).isEqualTo("alice");
        assertThat(created.detail()).isEqualTo("create user dave as ADMIN with token "
                + dave.token().orElseThrow().token().id());
        assertThat(audit(world, world.carol, "globex", "user_create")).isEmpty();

        CreatedUser erin = world.service.createUser(world.alice, "acme",
                new NewUser("erin", " ", null, OrgRole.MEMBER, null, null));
        assertThat(erin.token()).isEmpty();
        assertThat(erin.member().name()).isEqualTo("erin");
        assertThat(world.service.listTokens(world.service.localCaller("erin"))).isEmpty();
    }

    @StoreTest
    void badRequestsCreateNothing(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        long before = users(world);

        for (String login : new String[] {"..", ".hidden", "a/b", "a\u0000b", "\u0430lice", "x".repeat(101), "",
                null, "a b"}) {
            assertThatThrownBy(() -> world.service.createUser(world.alice, "acme", withToken(login, OrgRole.MEMBER)))
                    .as(String.valueOf(login)).isInstanceOf(EscException.InvalidRequest.class);
        }
        assertThatThrownBy(() -> world.service.createUser(world.alice, "acme", withToken("carol", OrgRole.MEMBER)))
                .isInstanceOf(EscException.Conflict.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> world.service.createUser(world.alice, "acme",
                new NewUser("dave", null, null, OrgRole.MEMBER, "  ", null)))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.createUser(world.alice, "acme",
                new NewUser("dave", null, null, OrgRole.MEMBER, "old",
                        fixture.clock().instant().minus(Duration.ofDays(1)))))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.createUser(world.alice, "acme",
                new NewUser("dave", "x".repeat(201), null, OrgRole.MEMBER, null, null)))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.createUser(world.bob, "acme", withToken("dave", OrgRole.MEMBER)))
                .isInstanceOfSatisfying(EscException.Forbidden.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.ADMIN));
        assertThatThrownBy(() -> world.service.createUser(world.carol, "acme", withToken("dave", OrgRole.MEMBER)))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");

        assertThat(users(world)).isEqualTo(before);
        assertThat(audit(world, world.alice, "acme", "user_create")).isEmpty();
        // The refused requests left the login free.
        assertThat(world.service.createUser(world.alice, "acme", withToken("dave", OrgRole.MEMBER)).member().login())
                .isEqualTo("dave");
    }

    @StoreTest
    void deletingAUserRevokesTheirTokensAtOnceAndIsAuditedInEachOfTheirOrganizations(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        String daveToken = world.service.createUser(world.alice, "acme", withToken("dave", OrgRole.MEMBER))
                .token().orElseThrow().secret();
        world.service.authenticate(daveToken, "198.51.100.7");
        world.service.addMember(world.carol, "globex", "dave", OrgRole.MEMBER);

        // Alice administers acme but not globex, where dave is also a member: she may not take him from there.
        assertThatThrownBy(() -> world.service.deleteUser(world.alice, "acme", "dave"))
                .isInstanceOf(EscException.Forbidden.class).hasMessageNotContaining("globex");
        assertThat(world.service.authenticate(daveToken, "198.51.100.7").login()).isEqualTo("dave");

        world.service.addMember(world.carol, "globex", "alice", OrgRole.ADMIN);
        world.service.deleteUser(world.alice, "acme", "dave");

        assertThatThrownBy(() -> world.service.authenticate(daveToken, "198.51.100.7"))
                .isInstanceOf(EscException.Unauthorized.class);
        assertThat(world.service.listMembers(world.alice, "acme")).extracting(OrgMember::login)
                .containsExactly("alice", "bob");
        assertThat(world.service.listMembers(world.carol, "globex")).extracting(OrgMember::login)
                .containsExactly("alice", "carol");
        for (String org : List.of("acme", "globex")) {
            assertThat(audit(world, world.alice, org, "user_delete")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("delete user dave and their 1 access token(s)"));
        }
        assertThatThrownBy(() -> world.service.deleteUser(world.alice, "acme", "dave"))
                .isInstanceOf(EscException.NotFound.class);
        // The login is free again; the new dave has none of the old one's tokens.
        String newDave = world.service.createUser(world.alice, "acme", withToken("dave", OrgRole.MEMBER))
                .token().orElseThrow().secret();
        assertThat(world.service.listTokens(world.service.authenticate(newDave, null))).hasSize(1);
    }

    @StoreTest
    void deletionKeepsEveryOrganizationAdministeredAndNeedsAnAdmin(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        assertThatThrownBy(() -> world.service.deleteUser(world.alice, "acme", "alice"))
                .isInstanceOf(EscException.Conflict.class).hasMessageContaining("last admin");
        assertThatThrownBy(() -> world.service.deleteUser(world.bob, "acme", "alice"))
                .isInstanceOf(EscException.Forbidden.class);
        assertThatThrownBy(() -> world.service.deleteUser(world.carol, "acme", "bob"))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");
        assertThatThrownBy(() -> world.service.deleteUser(world.alice, "acme", "carol"))
                .isInstanceOf(EscException.NotFound.class);
        assertThat(world.service.listMembers(world.alice, "acme")).hasSize(2);
        assertThat(world.service.listMembers(world.carol, "globex")).hasSize(1);
    }

    @StoreTest
    void membersPageInLoginOrderAndThePagesHoldWhenMembersComeAndGo(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        for (String login : List.of("zed", "dave", "erin", "frank", "carl")) {
            world.service.createUser(world.alice, "acme", new NewUser(login, null, null, OrgRole.MEMBER, null, null));
        }
        Page<OrgMember> first = world.service.listMembers(world.alice, "acme", null, 3);
        assertThat(first.items()).extracting(OrgMember::login).containsExactly("alice", "bob", "carl");
        assertThat(first.nextToken()).isNotNull();

        // A member who joins before the boundary does not push anyone into the next page twice.
        world.service.addMember(world.alice, "acme", "carol", OrgRole.MEMBER);
        List<String> rest = new ArrayList<>();
        String token = first.nextToken();
        while (token != null) {
            Page<OrgMember> page = world.service.listMembers(world.alice, "acme", token, 3);
            page.items().forEach(m -> rest.add(m.login()));
            token = page.nextToken();
        }
        assertThat(rest).containsExactly("carol", "dave", "erin", "frank", "zed");
        assertThat(world.service.listMembers(world.alice, "acme")).hasSize(8);
        assertThat(world.service.listMembers(world.alice, "acme", null, 8).nextToken()).isNull();
        assertThatThrownBy(() -> world.service.listMembers(world.alice, "acme", "%%%", 0))
                .isInstanceOf(EscException.InvalidRequest.class);
    }

    @StoreTest
    void tokenUseIsInTheLogOfEachOrganizationOfTheTokensUserWithItsIdButNeverItsSecret(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.service.addMember(world.carol, "globex", "bob", OrgRole.MEMBER);
        String secret = world.service.createToken(world.bob, "ci", null).secret();
        fixture.clock().advance(Duration.ofMinutes(2));
        Caller bob = world.service.authenticate(secret, "203.0.113.5");

        for (var admin : List.of(List.of("acme", world.alice), List.of("globex", world.carol))) {
            List<AuditEntry> uses = audit(world, (Caller) admin.get(1), (String) admin.get(0), "token_use");
            assertThat(uses).filteredOn(e -> e.source().equals("203.0.113.5")).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("bob");
                assertThat(e.detail()).isEqualTo("token " + bob.tokenId());
                assertThat(e.at()).isNotNull();
            });
            assertThat(audit(world, (Caller) admin.get(1), (String) admin.get(0), "token_issue"))
                    .anyMatch(e -> e.detail().equals("token " + bob.tokenId()));
        }
        world.service.addMember(world.alice, "acme", "carol", OrgRole.MEMBER);
        List<AuditEntry> all = new ArrayList<>(audit(world, world.alice, "acme", null));
        all.addAll(audit(world, world.carol, "globex", null));
        assertThat(all).noneMatch(e -> String.valueOf(e.detail()).contains(secret)
                || String.valueOf(e.detail()).contains(world.aliceToken));
    }
}
