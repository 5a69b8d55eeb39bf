package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.text;
import static dev.openesc.server.service.ServiceWorld.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EscException;
import dev.openesc.api.Precondition;
import dev.openesc.api.RevisionRetraction;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class RetractionTest {

    /** DEV with revisions 1 (empty) to 5; revision 2 holds the "leaked" value. */
    private static ServiceWorld fiveRevisions(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  leaked: oh no\n");
        for (String v : List.of("three", "four", "five")) {
            world.service.updateEnvironment(world.alice, DEV, yaml("values:\n  v: " + v + "\n"), Precondition.none());
        }
        return world;
    }

    private static Map<Long, EnvironmentRevision> history(ServiceWorld world) {
        return world.service.listRevisions(world.alice, DEV, null, null).stream()
                .collect(Collectors.toMap(EnvironmentRevision::number, Function.identity()));
    }

    @StoreTest
    void aRetractedRevisionCannotBeReadOpenedOrClonedButStaysInTheHistory(StoreFixture fixture) {
        ServiceWorld world = fiveRevisions(fixture);
        world.service.createRevisionTag(world.alice, DEV, "stable", 2L);
        fixture.clock().advance(Duration.ofMinutes(5));

        world.service.retractRevision(world.bob, DEV, "2", 3L, "plaintext secret");

        for (var read : List.<Runnable>of(
                () -> world.service.getDefinition(world.alice, DEV, "2"),
                () -> world.service.decryptDefinition(world.alice, DEV, "2"),
                () -> world.service.checkEnvironment(world.alice, DEV, "2", false),
                () -> world.service.openEnvironment(world.alice, DEV, "2", null),
                () -> world.service.cloneEnvironment(world.alice, DEV,
                        new CloneRequest("payments", "copy", 2L, false, false, false, false)))) {
            assertThatThrownBy(read::run).isInstanceOf(EscException.NotFound.class)
                    .hasMessageContaining("revision 2").hasMessageContaining("retracted");
        }
        // The tag that named it moved to the replacement, and reads through the tag see revision 3.
        assertThat(world.service.getRevisionTag(world.alice, DEV, "stable").revision()).isEqualTo(3);
        assertThat(text(world.service.getDefinition(world.alice, DEV, "stable").yaml())).contains("three");
        assertThat(text(world.service.getDefinition(world.alice, DEV, "1").yaml())).isEmpty();

        Map<Long, EnvironmentRevision> history = history(world);
        assertThat(history).hasSize(5);
        RevisionRetraction retracted = history.get(2L).retracted();
        assertThat(retracted.replacement()).isEqualTo(3);
        assertThat(retracted.reason()).isEqualTo("plaintext secret");
        assertThat(retracted.byLogin()).isEqualTo("bob");
        assertThat(retracted.byName()).isEqualTo("Bob Example");
        assertThat(retracted.at()).isEqualTo(fixture.clock().instant());
        assertThat(history.get(2L).tags()).isEmpty();
        assertThat(history.get(3L).tags()).containsExactly("stable");
        assertThat(history.get(1L).retracted()).isNull();
        assertThat(history.get(5L).retracted()).isNull();

        // Tagging a retracted revision is refused too, and so is retracting it again.
        assertThatThrownBy(() -> world.service.createRevisionTag(world.alice, DEV, "old", 2L))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "2", null, null))
                .isInstanceOf(EscException.Conflict.class);

        // The retraction is audited with who, which revision and the replacement.
        assertThat(world.storage.audit().list("acme", null, 100).items())
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.REVISION_RETRACT);
                    assertThat(e.actor()).isEqualTo("bob");
                    assertThat(e.revision()).isEqualTo(2L);
                    assertThat(e.detail()).contains("3");
                });
    }

    @StoreTest
    void theDefaultReplacementIsTheNewestEarlierRevisionNotRetracted(StoreFixture fixture) {
        ServiceWorld world = fiveRevisions(fixture);
        world.service.retractRevision(world.alice, DEV, "2", null, null);
        world.service.retractRevision(world.alice, DEV, "3", null, "");
        world.service.createRevisionTag(world.alice, DEV, "prod", 4L);
        world.service.retractRevision(world.alice, DEV, "prod", null, null);

        Map<Long, EnvironmentRevision> history = history(world);
        assertThat(history.get(2L).retracted().replacement()).isEqualTo(1);
        assertThat(history.get(3L).retracted().replacement()).isEqualTo(1);
        assertThat(history.get(3L).retracted().reason()).isNull();
        assertThat(history.get(4L).retracted().replacement()).isEqualTo(1);
        assertThat(world.service.getRevisionTag(world.alice, DEV, "prod").revision()).isEqualTo(1);
    }

    @StoreTest
    void theLatestRevisionAndBadReplacementsAreRefusedAndChangeNothing(StoreFixture fixture) {
        ServiceWorld world = fiveRevisions(fixture);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "5", null, null))
                .isInstanceOf(EscException.InvalidRequest.class).hasMessageContaining("latest");
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "latest", null, null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "9", null, null))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "2", 9L, null))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "2", 2L, null))
                .isInstanceOf(EscException.Conflict.class);
        world.service.retractRevision(world.alice, DEV, "3", 4L, null);
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "2", 3L, null))
                .isInstanceOf(EscException.Conflict.class).hasMessageContaining("retracted");
        assertThatThrownBy(() -> world.service.retractRevision(world.alice, DEV, "nosuchtag", null, null))
                .isInstanceOf(EscException.NotFound.class);
        assertThat(history(world).values().stream().filter(r -> r.retracted() != null).map(EnvironmentRevision::number))
                .containsExactly(3L);
        assertThat(text(world.service.getDefinition(world.alice, DEV, "2").yaml())).contains("leaked");
    }

    @StoreTest
    void rightsAreThoseOfAWriteAndOutsidersSeeNothing(StoreFixture fixture) {
        ServiceWorld world = fiveRevisions(fixture);
        assertThatThrownBy(() -> world.service.retractRevision(world.carol, DEV, "2", null, null))
                .isInstanceOf(EscException.NotFound.class).hasMessageContaining("organization acme");
        assertThat(history(world).get(2L).retracted()).isNull();
    }

    @StoreTest
    void aCloneWithHistoryKeepsTheRetractionAndImportsCannotReachIt(StoreFixture fixture) {
        ServiceWorld world = fiveRevisions(fixture);
        world.service.retractRevision(world.alice, DEV, "2", null, "leak");
        EnvironmentRef copy = new EnvironmentRef("acme", "payments", "copy");
        world.service.cloneEnvironment(world.alice, DEV, new CloneRequest("payments", "copy", null, true, false,
                false, false));
        assertThatThrownBy(() -> world.service.getDefinition(world.alice, copy, "2"))
                .isInstanceOf(EscException.NotFound.class);
        assertThat(world.service.listRevisions(world.alice, copy, null, null).stream()
                .filter(r -> r.number() == 2).findFirst().orElseThrow().retracted().reason()).isEqualTo("leak");

        assertThatThrownBy(() -> world.service.checkYaml(world.alice, "acme",
                yaml("imports:\n  - payments/dev@2\n"), false))
                .isInstanceOf(EscException.EvaluationFailed.class);

        // Deleting the environment takes its retractions with it; a new one of that name starts clean.
        world.service.deleteEnvironment(world.alice, DEV);
        world.define(DEV, "values:\n  again: yes\n");
        world.service.updateEnvironment(world.alice, DEV, yaml("values:\n  x: 1\n"), Precondition.none());
        assertThat(history(world).values()).allSatisfy(r -> assertThat(r.retracted()).isNull());
    }
}
