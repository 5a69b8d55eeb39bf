package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.EscException;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.util.List;

class RevisionsAndTagsTest {

    private static ServiceWorld threeRevisions(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  n: 2\n");
        world.service.updateEnvironment(world.bob, DEV, yaml("values:\n  n: 3\n"), Precondition.none());
        return world;
    }

    @StoreTest
    void revisionsNewestFirstWithTheirTags(StoreFixture fixture) {
        ServiceWorld world = threeRevisions(fixture);
        LocalEscService service = world.service;
        service.createRevisionTag(world.alice, DEV, "testTag", null);
        service.createRevisionTag(world.alice, DEV, "first", 1L);

        List<EnvironmentRevision> revisions = service.listRevisions(world.alice, DEV, null, null);
        assertThat(revisions).extracting(EnvironmentRevision::number).containsExactly(3L, 2L, 1L);
        assertThat(revisions.get(0).tags()).containsExactly("latest", "testTag");
        assertThat(revisions.get(0).creatorLogin()).isEqualTo("bob");
        assertThat(revisions.get(0).creatorName()).isEqualTo("Bob Example");
        assertThat(revisions.get(2).tags()).containsExactly("first");
        assertThat(service.listRevisions(world.alice, DEV, 3L, 1)).extracting(EnvironmentRevision::number)
                .containsExactly(2L);
    }

    @StoreTest
    void revisionTagsAreListedCreatedMovedAndDeleted(StoreFixture fixture) {
        ServiceWorld world = threeRevisions(fixture);
        LocalEscService service = world.service;

        EnvironmentRevisionTag created = service.createRevisionTag(world.bob, DEV, "testTag", null);
        assertThat(created.revision()).isEqualTo(3);
        assertThat(created.editorLogin()).isEqualTo("bob");
        Page<EnvironmentRevisionTag> tags = service.listRevisionTags(world.alice, DEV, null, null);
        assertThat(tags.items()).extracting(EnvironmentRevisionTag::name).containsExactly("latest", "testTag");
        assertThat(tags.nextToken()).isNull();
        Page<EnvironmentRevisionTag> firstOnly = service.listRevisionTags(world.alice, DEV, null, 1);
        assertThat(firstOnly.items()).extracting(EnvironmentRevisionTag::name).containsExactly("latest");
        assertThat(service.listRevisionTags(world.alice, DEV, firstOnly.nextToken(), 1).items())
                .extracting(EnvironmentRevisionTag::name).containsExactly("testTag");

        assertThat(service.updateRevisionTag(world.alice, DEV, "testTag", 1).revision()).isEqualTo(1);
        assertThat(service.getRevisionTag(world.alice, DEV, "testTag").revision()).isEqualTo(1);
        assertThat(service.getDefinition(world.alice, DEV, "testTag").revision()).isEqualTo(1);

        service.updateEnvironment(world.alice, DEV, yaml("values:\n  n: 4\n"), Precondition.none());
        assertThat(service.getRevisionTag(world.alice, DEV, "latest").revision()).isEqualTo(4);

        service.deleteRevisionTag(world.alice, DEV, "testTag");
        assertThatThrownBy(() -> service.getRevisionTag(world.alice, DEV, "testTag"))
                .isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void revisionTagErrors(StoreFixture fixture) {
        ServiceWorld world = threeRevisions(fixture);
        LocalEscService service = world.service;
        service.createRevisionTag(world.alice, DEV, "prod", 2L);

        assertThatThrownBy(() -> service.createRevisionTag(world.alice, DEV, "prod", 1L))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.createRevisionTag(world.alice, DEV, "later", 9L))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.updateRevisionTag(world.alice, DEV, "prod", 9L))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.updateRevisionTag(world.alice, DEV, "missing", 1L))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.deleteRevisionTag(world.alice, DEV, "missing"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.createRevisionTag(world.alice, DEV, "latest", 1L))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.deleteRevisionTag(world.alice, DEV, "latest"))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.createRevisionTag(world.alice, DEV, "12", 1L))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.createRevisionTag(world.alice, DEV, "a/b", 1L))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThat(service.getRevisionTag(world.alice, DEV, "latest").revision()).isEqualTo(3);
    }

    @StoreTest
    void environmentTagsAreListedCreatedRenamedAndDeleted(StoreFixture fixture) {
        ServiceWorld world = threeRevisions(fixture);
        LocalEscService service = world.service;
        assertThat(service.listEnvironmentTags(world.alice, DEV, null, null).items()).isEmpty();

        EnvironmentTag team = service.createEnvironmentTag(world.bob, DEV, "team", "payments");
        assertThat(team.editorName()).isEqualTo("Bob Example");
        service.createEnvironmentTag(world.bob, DEV, "app", "shop");
        assertThat(service.listEnvironmentTags(world.alice, DEV, null, null).items())
                .extracting(EnvironmentTag::name).containsExactly("app", "team");
        Page<EnvironmentTag> one = service.listEnvironmentTags(world.alice, DEV, null, 1);
        assertThat(one.nextToken()).isEqualTo("app");
        assertThat(service.listEnvironmentTags(world.alice, DEV, "app", 1).items())
                .extracting(EnvironmentTag::name).containsExactly("team");

        EnvironmentTag renamed = service.updateEnvironmentTag(world.alice, DEV, "team", "payments", "owner", "billing");
        assertThat(renamed.name()).isEqualTo("owner");
        assertThat(renamed.created()).isEqualTo(team.created());
        assertThatThrownBy(() -> service.getEnvironmentTag(world.alice, DEV, "team"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.updateEnvironmentTag(world.alice, DEV, "owner", "payments", "owner", "x"))
                .isInstanceOf(EscException.Conflict.class);
        assertThat(service.getEnvironmentTag(world.alice, DEV, "owner").value()).isEqualTo("billing");
        assertThatThrownBy(() -> service.createEnvironmentTag(world.alice, DEV, "app", "again"))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.createEnvironmentTag(world.alice, DEV, "bad\nname", "x"))
                .isInstanceOf(EscException.InvalidRequest.class);

        service.deleteEnvironmentTag(world.alice, DEV, "owner");
        service.deleteEnvironmentTag(world.alice, DEV, "app");
        assertThat(service.listEnvironmentTags(world.alice, DEV, null, null).items()).isEmpty();
        assertThatThrownBy(() -> service.deleteEnvironmentTag(world.alice, DEV, "app"))
                .isInstanceOf(EscException.NotFound.class);
    }
}
