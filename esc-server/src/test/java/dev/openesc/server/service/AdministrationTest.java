package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.EscException;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Permission;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class AdministrationTest {

    @StoreTest
    void adminsManageMembersAndRolesTakeEffect(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        assertThat(world.service.listMembers(world.alice, "acme")).extracting(OrgMember::login, OrgMember::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", OrgRole.ADMIN),
                        org.assertj.core.groups.Tuple.tuple("bob", OrgRole.MEMBER));
        assertThat(world.service.listMembers(world.alice, "acme").get(0).email()).isEqualTo("alice@example.com");

        OrgMember carol = world.service.addMember(world.alice, "acme", "carol", OrgRole.MEMBER);
        assertThat(carol.name()).isEqualTo("Carol Example");
        assertThat(carol.role()).isEqualTo(OrgRole.MEMBER);
        assertThat(world.service.currentUser(world.carol).organizations()).hasSize(2);
        assertThatThrownBy(() -> world.service.addMember(world.alice, "acme", "carol", OrgRole.ADMIN))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> world.service.addMember(world.alice, "acme", "nobody", OrgRole.MEMBER))
                .isInstanceOf(EscException.NotFound.class);

        // Bob, made admin, can administer; removed, he no longer sees the organization at all.
        world.service.changeMemberRole(world.alice, "acme", "bob", OrgRole.ADMIN);
        assertThat(world.service.listMembers(world.bob, "acme")).hasSize(3);
        world.service.removeMember(world.alice, "acme", "bob");
        assertThatThrownBy(() -> world.service.listEnvironments(world.bob, "acme", null))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.removeMember(world.alice, "acme", "bob"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.changeMemberRole(world.alice, "acme", "bob", OrgRole.MEMBER))
                .isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void membersGet403AndOutsiders404(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        List<Runnable> adminCalls = List.of(
                () -> world.service.listMembers(world.bob, "acme"),
                () -> world.service.addMember(world.bob, "acme", "carol", OrgRole.MEMBER),
                () -> world.service.changeMemberRole(world.bob, "acme", "bob", OrgRole.ADMIN),
                () -> world.service.removeMember(world.bob, "acme", "alice"),
                () -> world.service.listAuditEvents(world.bob, "acme", AuditQuery.newest()));
        for (Runnable call : adminCalls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(EscException.Forbidden.class,
                    e -> assertThat(e.missing()).isEqualTo(Permission.ADMIN));
        }
        List<Runnable> outsiderCalls = List.of(
                () -> world.service.listMembers(world.carol, "acme"),
                () -> world.service.addMember(world.carol, "acme", "carol", OrgRole.ADMIN),
                () -> world.service.removeMember(world.carol, "acme", "alice"),
                () -> world.service.listAuditEvents(world.carol, "acme", AuditQuery.newest()));
        for (Runnable call : outsiderCalls) {
            assertThatThrownBy(call::run).isInstanceOf(EscException.NotFound.class)
                    .hasMessage("organization acme not found");
        }
        assertThat(world.service.listMembers(world.alice, "acme")).extracting(OrgMember::role)
                .containsExactly(OrgRole.ADMIN, OrgRole.MEMBER);
    }

    @StoreTest
    void theLastAdminCanBeNeitherRemovedNorDemoted(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        assertThatThrownBy(() -> world.service.removeMember(world.alice, "acme", "alice"))
                .isInstanceOf(EscException.Conflict.class).hasMessageContaining("last admin");
        assertThatThrownBy(() -> world.service.changeMemberRole(world.alice, "acme", "alice", OrgRole.MEMBER))
                .isInstanceOf(EscException.Conflict.class);
        assertThat(world.service.listMembers(world.alice, "acme").get(0).role()).isEqualTo(OrgRole.ADMIN);

        // With a second admin, the first may step down; then the second is the last one.
        world.service.changeMemberRole(world.alice, "acme", "bob", OrgRole.ADMIN);
        world.service.removeMember(world.alice, "acme", "alice");
        assertThatThrownBy(() -> world.service.changeMemberRole(world.bob, "acme", "bob", OrgRole.MEMBER))
                .isInstanceOf(EscException.Conflict.class);
        assertThat(world.service.listMembers(world.bob, "acme")).extracting(OrgMember::login).containsExactly("bob");
    }

    @StoreTest
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin(StoreFixture fixture) throws Exception {
        ServiceWorld world = new ServiceWorld(fixture);
        world.service.changeMemberRole(world.alice, "acme", "bob", OrgRole.ADMIN);
        for (int round = 0; round < 5; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> aliceRemovesBob = pool.submit(() -> removes(world, world.alice, "bob", start));
                Future<Boolean> bobRemovesAlice = pool.submit(() -> removes(world, world.bob, "alice", start));
                int removed = (aliceRemovesBob.get() ? 1 : 0) + (bobRemovesAlice.get() ? 1 : 0);
                assertThat(removed).as("round " + round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            List<OrgMember> left = world.storage.identity().members("acme").stream()
                    .map(m -> new OrgMember(m.userLogin(), "", null, OrgRole.valueOf(m.role().name()), m.created()))
                    .toList();
            assertThat(left).extracting(OrgMember::role).containsExactly(OrgRole.ADMIN);
            // Put the one removed back as an admin for the next round.
            String survivor = left.get(0).login();
            Caller admin = survivor.equals("alice") ? world.alice : world.bob;
            world.service.addMember(admin, "acme", survivor.equals("alice") ? "bob" : "alice", OrgRole.ADMIN);
        }
    }

    /** True if the removal went through; false if it was refused because it would remove the last admin. */
    private static boolean removes(ServiceWorld world, Caller caller, String login, CyclicBarrier start)
            throws Exception {
        start.await();
        try {
            world.service.removeMember(caller, "acme", login);
            return true;
        } catch (EscException.Conflict | EscException.NotFound lost) {
            // Conflict: the other removal committed first; NotFound: the caller was removed first.
            return false;
        }
    }

    @StoreTest
    void aTokenIsShownOnceListedWithoutSecretAndRevokedAtOnce(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        Instant expires = fixture.clock().instant().plus(Duration.ofDays(30));
        NewAccessToken created = world.service.createToken(world.bob, "ci pipeline", expires);
        assertThat(created.secret()).startsWith("esc_");
        assertThat(created.toString()).doesNotContain(created.secret());

        Caller viaNew = world.service.authenticate(created.secret(), null);
        assertThat(viaNew.login()).isEqualTo("bob");
        assertThat(viaNew.tokenId()).isEqualTo(created.token().id());

        List<AccessTokenInfo> listed = world.service.listTokens(world.bob);
        assertThat(listed).extracting(AccessTokenInfo::id).contains(created.token().id());
        AccessTokenInfo info = listed.stream().filter(t -> t.id().equals(created.token().id())).findFirst().orElseThrow();
        assertThat(info.description()).isEqualTo("ci pipeline");
        assertThat(info.expires()).isEqualTo(expires);
        assertThat(info.revoked()).isNull();
        assertThat(listed.toString()).doesNotContain(created.secret());
        // Alice's tokens are hers: bob's does not show up, and she cannot revoke it.
        assertThat(world.service.listTokens(world.alice)).extracting(AccessTokenInfo::id)
                .doesNotContain(created.token().id());
        assertThatThrownBy(() -> world.service.revokeToken(world.alice, created.token().id()))
                .isInstanceOf(EscException.NotFound.class);

        world.service.revokeToken(world.bob, created.token().id());
        assertThatThrownBy(() -> world.service.authenticate(created.secret(), null))
                .isInstanceOf(EscException.Unauthorized.class);
        assertThat(world.service.listTokens(world.bob)).filteredOn(t -> t.id().equals(created.token().id()))
                .singleElement().satisfies(t -> assertThat(t.revoked()).isNotNull());
        world.service.revokeToken(world.bob, created.token().id()); // again: no change, no failure
        assertThatThrownBy(() -> world.service.revokeToken(world.bob, "tok-nosuch"))
                .isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void tokenRequestsAreChecked(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        Instant past = fixture.clock().instant().minusSeconds(1);
        assertThatThrownBy(() -> world.service.createToken(world.bob, "", null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.createToken(world.bob, "x".repeat(501), null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.createToken(world.bob, "late", past))
                .isInstanceOf(EscException.InvalidRequest.class);

        NewAccessToken shortLived = world.service.createToken(world.bob, "short",
                fixture.clock().instant().plus(Duration.ofMinutes(1)));
        fixture.clock().advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> world.service.authenticate(shortLived.secret(), null))
                .isInstanceOf(EscException.Unauthorized.class);
    }

    @StoreTest
    void theAuditLogListsNewestFirstPagedAndFiltered(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        Instant start = fixture.clock().instant();
        world.define(DEV, "values:\n  a: 1\n");
        fixture.clock().advance(Duration.ofMinutes(10));
        Instant middle = fixture.clock().instant();
        world.service.openEnvironment(world.bob, DEV, null, null);
        world.service.addMember(world.alice, "acme", "carol", OrgRole.MEMBER);
        world.service.createToken(world.bob, "laptop", null);

        List<AuditEntry> all = new ArrayList<>();
        String token = null;
        do {
            Page<AuditEntry> page = world.service.listAuditEvents(world.alice, "acme",
                    new AuditQuery(null, null, null, token, 2));
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertThat(all).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all).extracting(AuditEntry::action).contains("ENVIRONMENT_CREATE", "ENVIRONMENT_UPDATE",
                "ENVIRONMENT_OPEN", "MEMBER_WRITE", "TOKEN_ISSUE");
        assertThat(all.get(0).action()).isEqualTo("TOKEN_ISSUE");
        assertThat(all).filteredOn(e -> e.action().equals("ENVIRONMENT_OPEN")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.environment()).isEqualTo("dev");
            assertThat(e.project()).isEqualTo("payments");
            assertThat(e.revision()).isEqualTo(2L);
            assertThat(e.source()).isEqualTo("192.0.2.2");
        });

        Page<AuditEntry> opens = world.service.listAuditEvents(world.alice, "acme",
                new AuditQuery(null, null, "environment_open", null, null));
        assertThat(opens.items()).extracting(AuditEntry::action).containsOnly("ENVIRONMENT_OPEN").hasSize(1);
        Page<AuditEntry> early = world.service.listAuditEvents(world.alice, "acme",
                new AuditQuery(start, middle, null, null, null));
        assertThat(early.items()).isNotEmpty().allSatisfy(e -> assertThat(e.at()).isBefore(middle));
        assertThat(early.items()).extracting(AuditEntry::action).doesNotContain("ENVIRONMENT_OPEN");
        Page<AuditEntry> late = world.service.listAuditEvents(world.alice, "acme",
                new AuditQuery(middle, null, null, null, null));
        assertThat(late.items()).extracting(AuditEntry::action).doesNotContain("ENVIRONMENT_CREATE");

        // Globex's log holds none of acme's events.
        assertThat(world.service.listAuditEvents(world.carol, "globex", AuditQuery.newest()).items())
                .noneMatch(e -> "dev".equals(e.environment()));
        assertThatThrownBy(() -> world.service.listAuditEvents(world.alice, "acme",
                new AuditQuery(null, null, "no_such_event", null, null))).isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.listAuditEvents(world.alice, "acme",
                new AuditQuery(null, null, null, "garbage", null))).isInstanceOf(EscException.InvalidRequest.class);
    }
}
