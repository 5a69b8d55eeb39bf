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
import java.util.List;

class CloneTest {

    private static final EnvironmentId COPY = new EnvironmentId("acme", "payments", "copy");

    /** dev with revisions 1..4 ("v: 1".."v: 4"), revision tags old -> 1, mid -> 3, and an env tag. */
    private static EnvironmentStore sourceWithHistory(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml("v: 1"), ALICE);
        for (long revision = 1; revision < 4; revision++) {
            fixture.clock().advance(Duration.ofMinutes(1));
            store.update(DEV, revision, yaml("v: " + (revision + 1)), revision % 2 == 0 ? ALICE : BOB);
        }
        store.revisionTags().create(DEV, "old", 1L, ALICE);
        store.revisionTags().create(DEV, "mid", 3L, ALICE);
        store.tags().create(DEV, "team", "payments", ALICE);
        fixture.clock().advance(Duration.ofHours(1));
        return store;
    }

    @StoreTest
    void withoutHistoryTheCloneStartsAtRevisionOne(StoreFixture fixture) {
        EnvironmentStore store = sourceWithHistory(fixture);

        EnvironmentInfo clone = store.clone(DEV, CloneOptions.plain(COPY), BOB);

        assertThat(clone.headRevision()).isEqualTo(1);
        Revision only = store.latest(COPY);
        assertThat(text(only.definition())).isEqualTo("v: 4");
        assertThat(only.creatorLogin()).isEqualTo("bob");
        assertThat(only.created()).isEqualTo(fixture.db().now());
        assertThat(store.revisions(COPY, null, 10)).hasSize(1);
        assertThat(store.revisionTags().list(COPY, null, 10).items()).extracting(RevisionTag::name)
                .containsExactly("latest");
        assertThat(store.tags().list(COPY, null, 10).items()).isEmpty();

        EnvironmentId older = new EnvironmentId("acme", "other", "older");
        store.clone(DEV, new CloneOptions(older, 2L, false, true, true), BOB);
        assertThat(text(store.latest(older).definition())).isEqualTo("v: 2");
        assertThat(store.tags().get(older, "team").value()).isEqualTo("payments");
        assertThat(store.revisionTags().list(older, null, 10).items()).extracting(RevisionTag::name)
                .containsExactly("latest");
    }

    @StoreTest
    void withHistoryEveryRevisionAndTagIsCopied(StoreFixture fixture) {
        EnvironmentStore store = sourceWithHistory(fixture);

        EnvironmentInfo clone = store.clone(DEV, CloneOptions.everything(COPY), BOB);

        assertThat(clone.headRevision()).isEqualTo(4);
        for (long number = 1; number <= 4; number++) {
            Revision original = store.revision(DEV, number);
            Revision copied = store.revision(COPY, number);
            assertThat(copied.definition()).isEqualTo(original.definition());
            assertThat(copied.created()).isEqualTo(original.created());
            assertThat(copied.creatorLogin()).isEqualTo(original.creatorLogin());
        }
        assertThat(store.revisionTags().list(COPY, null, 10).items())
                .extracting(RevisionTag::name, RevisionTag::revision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("latest", 4L),
                        org.assertj.core.groups.Tuple.tuple("mid", 3L),
                        org.assertj.core.groups.Tuple.tuple("old", 1L));
        assertThat(store.tags().get(COPY, "team").value()).isEqualTo("payments");
        // The clone is independent: updating it leaves the source alone.
        store.update(COPY, 4, yaml("v: copy"), BOB);
        assertThat(text(store.latest(DEV).definition())).isEqualTo("v: 4");
    }

    @StoreTest
    void historyUpToAVersionDropsLaterRevisionsAndTheirTags(StoreFixture fixture) {
        EnvironmentStore store = sourceWithHistory(fixture);

        store.clone(DEV, new CloneOptions(COPY, 2L, true, false, true), BOB);

        assertThat(store.revisions(COPY, null, 10)).extracting(RevisionSummary::number).containsExactly(2L, 1L);
        assertThat(store.revisionTags().list(COPY, null, 10).items()).extracting(RevisionTag::name)
                .containsExactly("latest", "old");
        assertThat(store.tags().list(COPY, null, 10).items()).isEmpty();
        assertThat(store.revisions(COPY, null, 10).get(0).tags()).containsExactly("latest");
    }

    @StoreTest
    void aFailedCloneLeavesNothingBehind(StoreFixture fixture) {
        EnvironmentStore store = sourceWithHistory(fixture);
        store.create(COPY, yaml("mine"), BOB);
        List<String> tables = List.of("environments", "revisions", "revision_tags", "environment_tags");
        List<Long> before = tables.stream().map(table -> StoreAssertions.rows(fixture.db(), table)).toList();

        assertThatThrownBy(() -> store.clone(DEV, CloneOptions.everything(COPY), ALICE))
                .isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> store.clone(DEV, new CloneOptions(
                new EnvironmentId("acme", "x", "y"), 9L, true, true, true), ALICE))
                .isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> store.clone(DEV, CloneOptions.everything(
                new EnvironmentId("no-such-org", "x", "y")), ALICE))
                .isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> store.clone(new EnvironmentId("acme", "x", "missing"), CloneOptions.plain(
                new EnvironmentId("acme", "x", "z")), ALICE))
                .isInstanceOf(StoreException.NotFound.class);

        assertThat(tables.stream().map(table -> StoreAssertions.rows(fixture.db(), table)).toList()).isEqualTo(before);
        assertThat(text(store.latest(COPY).definition())).isEqualTo("mine");
    }
}
