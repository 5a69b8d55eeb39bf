package dev.openesc.server.store;

import static dev.openesc.server.store.StoreTestData.ALICE;
import static dev.openesc.server.store.StoreTestData.BOB;
import static dev.openesc.server.store.StoreTestData.DEV;
import static dev.openesc.server.store.StoreTestData.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class TagsTest {

    @StoreTest
    void revisionTagsPointAtRevisionsAndLatestIsManaged(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        store.update(DEV, 1, yaml("a: 1"), ALICE);
        RevisionTags tags = store.revisionTags();

        RevisionTag onLatest = tags.create(DEV, "prod", null, BOB);
        RevisionTag onFirst = tags.create(DEV, "old", 1L, BOB);

        assertThat(onLatest.revision()).isEqualTo(2);
        assertThat(onFirst.revision()).isEqualTo(1);
        assertThat(tags.get(DEV, "prod").editorName()).isEqualTo("Bob Example");
        assertThat(StoreTestData.text(store.revision(DEV, "old").definition())).isEmpty();
        assertThatThrownBy(() -> tags.create(DEV, "prod", 1L, BOB)).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> tags.create(DEV, "future", 3L, BOB)).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> tags.get(DEV, "future")).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> tags.create(DEV, "latest", 1L, BOB)).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> tags.update(DEV, "latest", 1L, BOB)).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> tags.delete(DEV, "latest", ALICE)).isInstanceOf(StoreException.Conflict.class);

        fixture.clock().advance(Duration.ofSeconds(5));
        RevisionTag moved = tags.update(DEV, "prod", 1L, ALICE);
        assertThat(moved.revision()).isEqualTo(1);
        assertThat(moved.modified()).isAfter(moved.created());
        assertThat(tags.get(DEV, "prod")).isEqualTo(moved);
        assertThatThrownBy(() -> tags.update(DEV, "prod", 9L, ALICE)).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> tags.update(DEV, "ghost", 1L, ALICE)).isInstanceOf(StoreException.NotFound.class);

        tags.delete(DEV, "old", ALICE);
        assertThatThrownBy(() -> tags.delete(DEV, "old", ALICE)).isInstanceOf(StoreException.NotFound.class);
        assertThat(tags.list(DEV, null, 0).items()).extracting(RevisionTag::name).containsExactly("latest", "prod");
    }

    @StoreTest
    void revisionTagPagesEndCleanly(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        for (String name : List.of("d", "b", "a", "c")) {
            store.revisionTags().create(DEV, name, 1L, ALICE);
        }
        List<String> all = List.of("a", "b", "c", "d", "latest");

        for (int size = 1; size <= 6; size++) {
            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                Page<RevisionTag> page = store.revisionTags().list(DEV, after, size);
                page.items().forEach(tag -> seen.add(tag.name()));
                after = page.nextToken();
            } while (after != null);
            assertThat(seen).as("page size %d", size).isEqualTo(all);
        }
        Page<RevisionTag> lastExact = store.revisionTags().list(DEV, "b", 3);
        assertThat(lastExact.items()).extracting(RevisionTag::name).containsExactly("c", "d", "latest");
        assertThat(lastExact.nextToken()).isNull();
        assertThat(store.revisionTags().list(DEV, "latest", 3).items()).isEmpty();
    }

    @StoreTest
    void environmentTagsCanBeCreatedRenamedGuardedAndDeleted(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        EnvironmentTags tags = store.tags();
        assertThat(tags.list(DEV, null, 10).items()).isEmpty();

        EnvironmentTag team = tags.create(DEV, "team", "payments", ALICE);
        assertThat(tags.get(DEV, "team")).isEqualTo(team);
        assertThatThrownBy(() -> tags.create(DEV, "team", "other", BOB)).isInstanceOf(StoreException.Conflict.class);

        fixture.clock().advance(Duration.ofMinutes(1));
        EnvironmentTag renamed = tags.update(DEV, "team", "payments", "owner", "billing", BOB);
        assertThat(renamed.name()).isEqualTo("owner");
        assertThat(renamed.value()).isEqualTo("billing");
        assertThat(renamed.created()).isEqualTo(team.created());
        assertThat(renamed.modified()).isAfter(team.modified());
        assertThat(renamed.editorLogin()).isEqualTo("bob");
        assertThatThrownBy(() -> tags.get(DEV, "team")).isInstanceOf(StoreException.NotFound.class);

        // A stale current value is refused and changes nothing.
        assertThatThrownBy(() -> tags.update(DEV, "owner", "payments", "owner", "lost", ALICE))
                .isInstanceOf(StoreException.Conflict.class);
        assertThat(tags.get(DEV, "owner").value()).isEqualTo("billing");
        // Renaming onto an existing tag is a conflict and leaves both as they were.
        tags.create(DEV, "region", "eu", ALICE);
        assertThatThrownBy(() -> tags.update(DEV, "owner", null, "region", "us", ALICE))
                .isInstanceOf(StoreException.Conflict.class);
        assertThat(tags.get(DEV, "owner").value()).isEqualTo("billing");
        assertThat(tags.get(DEV, "region").value()).isEqualTo("eu");

        tags.delete(DEV, "owner", ALICE);
        assertThatThrownBy(() -> tags.delete(DEV, "owner", ALICE)).isInstanceOf(StoreException.NotFound.class);
        assertThat(tags.list(DEV, null, 10).items()).extracting(EnvironmentTag::name).containsExactly("region");
        assertThatThrownBy(() -> tags.list(new EnvironmentId("acme", "x", "y"), null, 10))
                .isInstanceOf(StoreException.NotFound.class);
    }

    @StoreTest
    void environmentTagPagesEndCleanly(StoreFixture fixture) {
        EnvironmentStore store = StoreTestData.environments(fixture.db());
        store.create(DEV, yaml(""), ALICE);
        for (int i = 0; i < 7; i++) {
            store.tags().create(DEV, "k" + i, "v" + i, ALICE);
        }
        Page<EnvironmentTag> first = store.tags().list(DEV, null, 7);
        assertThat(first.items()).hasSize(7);
        assertThat(first.nextToken()).isNull();
        Page<EnvironmentTag> partial = store.tags().list(DEV, null, 6);
        assertThat(partial.nextToken()).isEqualTo("k5");
        assertThat(store.tags().list(DEV, partial.nextToken(), 6).items()).extracting(EnvironmentTag::name)
                .containsExactly("k6");
    }
}
