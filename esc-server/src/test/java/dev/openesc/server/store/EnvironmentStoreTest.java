package dev.openesc.server.store;

import static dev.openesc.server.store.StoreTestData.ALICE;
import static dev.openesc.server.store.StoreTestData.BOB;
import static dev.openesc.server.store.StoreTestData.DEV;
import static dev.openesc.server.store.StoreTestData.text;
import static dev.openesc.server.store.StoreTestData.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

class EnvironmentStoreTest {

    @StoreTest
    void createsAtRevisionOneWithTheLatestTag(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());

        EnvironmentInfo created = store.create(DEV, yaml(""), ALICE);

        assertThat(created.headRevision()).isEqualTo(1);
        assertThat(created.created()).isEqualTo(fixture.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Revision latest = store.latest(DEV);
        assertThat(latest.number()).isEqualTo(1);
        assertThat(latest.definition()).isEmpty();
        assertThat(latest.creatorLogin()).isEqualTo("alice");
        assertThat(latest.etag()).isEqualTo(created.etag());
        assertThat(store.revisionTags().get(DEV, "latest").revision()).isEqualTo(1);
        assertThat(store.get(DEV)).isEqualTo(created);
    }

    @StoreTest
    void creatingTwiceIsAConflictAndAMissingOrgNotFound(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml("a: 1"), ALICE);

        assertThatThrownBy(() -> store.create(DEV, yaml("b: 2"), BOB)).isInstanceOf(StoreException.Conflict.class);
        assertThat(text(store.latest(DEV).definition())).isEqualTo("a: 1");
        assertThatThrownBy(() -> store.create(new EnvironmentId("nobody", "p", "e"), yaml(""), ALICE))
                .isInstanceOf(StoreException.NotFound.class).hasMessageContaining("organization");
    }

    @StoreTest
    void updatesAddRevisionsAndMoveLatest(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        fixture.clock().advance(Duration.ofMinutes(1));

        Revision second = store.update(DEV, 1, yaml("values:\n  a: 1\n"), BOB);
        Revision third = store.update(DEV, 2, yaml("values:\n  a: 2\n"), ALICE);

        assertThat(second.number()).isEqualTo(2);
        assertThat(third.number()).isEqualTo(3);
        assertThat(store.get(DEV).headRevision()).isEqualTo(3);
        assertThat(store.get(DEV).modified()).isAfter(store.get(DEV).created());
        assertThat(text(store.revision(DEV, 2).definition())).isEqualTo("values:\n  a: 1\n");
        assertThat(text(store.revision(DEV, "latest").definition())).isEqualTo("values:\n  a: 2\n");
        assertThat(text(store.revision(DEV, "1").definition())).isEmpty();
        assertThat(store.revision(DEV, 2).creatorName()).isEqualTo("Bob Example");
        assertThat(store.revisionTags().get(DEV, "latest").revision()).isEqualTo(3);
        assertThatThrownBy(() -> store.revision(DEV, 4)).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> store.revision(DEV, "nope")).isInstanceOf(StoreException.NotFound.class);
    }

    @StoreTest
    void aStaleExpectedRevisionIsAConflictAndWritesNothing(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        store.update(DEV, 1, yaml("x: 1"), ALICE);
        String etag = store.get(DEV).etag();

        assertThatThrownBy(() -> store.update(DEV, 1, yaml("x: lost"), BOB))
                .isInstanceOf(StoreException.Conflict.class)
                .hasMessageContaining("expected revision 1, it is at 2");

        assertThat(store.get(DEV).headRevision()).isEqualTo(2);
        assertThat(store.get(DEV).etag()).isEqualTo(etag);
        assertThat(store.revisions(DEV, null, 10)).extracting(RevisionSummary::number).containsExactly(2L, 1L);
        assertThat(store.revisionTags().get(DEV, "latest").revision()).isEqualTo(2);
        assertThatThrownBy(() -> store.update(new EnvironmentId("acme", "payments", "nope"), 1, yaml(""), BOB))
                .isInstanceOf(StoreException.NotFound.class);
    }

    @StoreTest
    void updatesGuardedByAnEtagTakeOnlyTheCurrentOne(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        EnvironmentInfo created = store.create(DEV, yaml(""), ALICE);

        Revision second = store.updateIfMatch(DEV, "\"" + created.etag() + "\"", yaml("a: 1"), ALICE);

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.etag()).isEqualTo(store.get(DEV).etag());
        for (String stale : List.of(created.etag(), "garbage", "-2", second.etag() + "0", "x" + second.etag())) {
            assertThatThrownBy(() -> store.updateIfMatch(DEV, stale, yaml("lost"), BOB))
                    .as(stale).isInstanceOf(StoreException.Conflict.class);
        }
        assertThat(store.updateIfMatch(DEV, "W/" + second.etag(), yaml("a: 2"), BOB).number()).isEqualTo(3);
        // A deleted and re-created environment never accepts an etag of its predecessor.
        String old = store.get(DEV).etag();
        store.delete(DEV, ALICE);
        store.create(DEV, yaml(""), ALICE);
        store.update(DEV, 1, yaml(""), ALICE);
        store.update(DEV, 2, yaml(""), ALICE);
        assertThatThrownBy(() -> store.updateIfMatch(DEV, old, yaml("lost"), BOB))
                .isInstanceOf(StoreException.Conflict.class);
    }

    @StoreTest
    void revisionsAreListedNewestFirstWithTagsAndBeforeCount(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        for (long revision = 1; revision < 7; revision++) {
            store.update(DEV, revision, yaml("v: " + revision), ALICE);
        }
        store.revisionTags().create(DEV, "stable", 3L, BOB);
        store.revisionTags().create(DEV, "audited", 3L, BOB);

        List<RevisionSummary> newest = store.revisions(DEV, null, 3);
        assertThat(newest).extracting(RevisionSummary::number).containsExactly(7L, 6L, 5L);
        assertThat(newest.get(0).tags()).containsExactly("latest");
        List<RevisionSummary> older = store.revisions(DEV, 5L, 3);
        assertThat(older).extracting(RevisionSummary::number).containsExactly(4L, 3L, 2L);
        assertThat(older.get(1).tags()).containsExactly("audited", "stable");
        assertThat(store.revisions(DEV, 2L, 3)).extracting(RevisionSummary::number).containsExactly(1L);
        assertThat(store.revisions(DEV, 1L, 3)).isEmpty();
        assertThat(store.revisions(DEV, null, 0)).hasSize(7);
    }

    @StoreTest
    void listingPagesThroughEveryEnvironmentOnceInOrder(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        new IdentityStore(fixture.db()).createOrganization("zeta");
        List<EnvironmentId> all = new ArrayList<>();
        for (String project : List.of("b", "a", "B")) {
            for (String name : List.of("y", "x", "x-1")) {
                all.add(new EnvironmentId("acme", project, name));
            }
        }
        all.add(new EnvironmentId("zeta", "a", "a"));
        for (EnvironmentId id : all) {
            store.create(id, yaml(""), ALICE);
        }

        // Sizes that end exactly on the last item, just before it, and past it.
        for (int pageSize : List.of(1, 2, 3, 5, 10, 11)) {
            List<String> seen = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                Page<EnvironmentInfo> page = store.list(List.of("acme", "zeta"), token, pageSize);
                page.items().forEach(info -> seen.add(info.id().toString()));
                token = page.nextToken();
                pages++;
                assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            } while (token != null);
            assertThat(seen).as("page size %d", pageSize).containsExactly(
                    "acme/B/x", "acme/B/x-1", "acme/B/y", "acme/a/x", "acme/a/x-1", "acme/a/y",
                    "acme/b/x", "acme/b/x-1", "acme/b/y", "zeta/a/a");
            assertThat(pages).isEqualTo(Math.max(1, (10 + pageSize - 1) / pageSize));
        }
        assertThat(store.list(List.of("acme"), "", 100).items()).hasSize(9);
        assertThat(store.list(List.of("other"), null, 100).items()).isEmpty();
        assertThat(store.list(List.of(), null, 100).items()).isEmpty();
        assertThatThrownBy(() -> store.list(List.of("acme"), "%%%", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @StoreTest
    void everyChangeIsAuditedInItsOwnTransaction(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        Editor fromLaptop = new Editor("alice", "Alice Example", "192.0.2.7");
        store.create(DEV, yaml(""), fromLaptop);
        store.update(DEV, 1, yaml("a: 1"), fromLaptop);
        store.revisionTags().create(DEV, "prod", 1L, fromLaptop);
        store.tags().create(DEV, "team", "payments", fromLaptop);
        store.clone(DEV, CloneOptions.plain(new EnvironmentId("acme", "payments", "copy")), BOB);
        store.delete(DEV, fromLaptop);
        // A refused write leaves no audit line either.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.update(
                new EnvironmentId("acme", "payments", "copy"), 7, yaml(""), BOB))
                .isInstanceOf(StoreException.Conflict.class);

        List<AuditEvent> events = new AuditLog(fixture.db()).list("acme", null, 100).items();
        assertThat(events).extracting(AuditEvent::action).containsExactly(
                AuditAction.ENVIRONMENT_DELETE, AuditAction.ENVIRONMENT_CLONE, AuditAction.ENVIRONMENT_TAG_WRITE,
                AuditAction.REVISION_TAG_WRITE, AuditAction.ENVIRONMENT_UPDATE, AuditAction.ENVIRONMENT_CREATE);
        AuditEvent update = events.get(4);
        assertThat(update.actor()).isEqualTo("alice");
        assertThat(update.source()).isEqualTo("192.0.2.7");
        assertThat(update.revision()).isEqualTo(2L);
        assertThat(update.environment()).isEqualTo("dev");
        assertThat(events.get(1).environment()).isEqualTo("copy");
        assertThat(events.get(1).detail()).isEqualTo("from acme/payments/dev at revision 2");
        assertThat(events.get(2).detail()).isEqualTo("create team");
    }

    @StoreTest
    void deleteRemovesEverythingAndTheNameCanBeReused(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        EnvironmentInfo first = store.create(DEV, yaml("a: 1"), ALICE);
        store.update(DEV, 1, yaml("a: 2"), ALICE);
        store.revisionTags().create(DEV, "prod", 1L, ALICE);
        store.tags().create(DEV, "team", "payments", ALICE);

        store.delete(DEV, ALICE);

        assertThat(store.exists(DEV)).isFalse();
        assertThatThrownBy(() -> store.get(DEV)).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> store.delete(DEV, ALICE)).isInstanceOf(StoreException.NotFound.class);
        for (String table : Set.of("revisions", "revision_tags", "environment_tags", "environments")) {
            // (audit_events keeps its lines: the log is append-only)
            assertThat(StoreAssertions.rows(fixture.db(), table)).as(table).isZero();
        }
        EnvironmentInfo second = store.create(DEV, yaml(""), BOB);
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(store.revisions(DEV, null, 10)).hasSize(1);
    }

    @StoreTest
    void latestAsSeenByGivesTheRoleAndTheHeadOnlyToMembers(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        IdentityStore identity = new IdentityStore(fixture.db());
        identity.createUser("alice", "Alice Example", null);
        identity.createUser("mallory", "Mallory", null);
        identity.setMember("acme", "alice", Role.ADMIN);
        store.create(DEV, yaml("a: 1"), ALICE);
        Revision head = store.update(DEV, 1, yaml("a: 2"), ALICE);

        MemberView member = store.latestAsSeenBy(DEV, "alice");
        MemberView outsider = store.latestAsSeenBy(DEV, "mallory");
        MemberView missing = store.latestAsSeenBy(new EnvironmentId("acme", "payments", "nope"), "alice");

        assertThat(member.role()).contains(Role.ADMIN);
        assertThat(member.head()).hasValueSatisfying(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.etag()).isEqualTo(head.etag()).isEqualTo(store.latest(DEV).etag());
            assertThat(text(r.definition())).isEqualTo("a: 2");
            assertThat(r.creatorLogin()).isEqualTo("alice");
            assertThat(r.created()).isEqualTo(head.created());
        });
        assertThat(outsider.role()).isEmpty();
        assertThat(outsider.head()).isEmpty();
        assertThat(missing.role()).contains(Role.ADMIN);
        assertThat(missing.head()).isEmpty();
    }
}
