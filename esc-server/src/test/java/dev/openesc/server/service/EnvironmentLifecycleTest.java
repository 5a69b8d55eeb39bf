package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.text;
import static dev.openesc.server.service.ServiceWorld.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentDefinition;
import dev.openesc.api.EnvironmentHead;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.api.UpdateResult;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.util.ArrayList;
import java.util.List;

class EnvironmentLifecycleTest {

    @StoreTest
    void createUpdateGetDelete(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;

        OrgEnvironment created = service.createEnvironment(world.alice, DEV);
        assertThat(created.environment()).isEqualTo(DEV);
        EnvironmentDefinition empty = service.getDefinition(world.alice, DEV, null);
        assertThat(empty.revision()).isEqualTo(1);
        assertThat(empty.yaml()).isEmpty();

        UpdateResult updated = service.updateEnvironment(world.bob, DEV, yaml("values:\n  greeting: hello\n"),
                Precondition.none());
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.warnings()).isEmpty();

        EnvironmentDefinition current = service.getDefinition(world.alice, DEV, null);
        assertThat(current.text()).isEqualTo("values:\n  greeting: hello\n");
        assertThat(current.revision()).isEqualTo(2);
        assertThat(current.etag()).isEqualTo(updated.etag());
        EnvironmentHead head = service.headEnvironment(world.alice, DEV);
        assertThat(head.revision()).isEqualTo(2);
        assertThat(head.etag()).isEqualTo(updated.etag());
        assertThat(service.getDefinition(world.alice, DEV, "1").yaml()).isEmpty();
        assertThat(service.getDefinition(world.alice, DEV, "latest").revision()).isEqualTo(2);

        service.deleteEnvironment(world.alice, DEV);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, null)).isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.headEnvironment(world.alice, DEV)).isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.deleteEnvironment(world.alice, DEV)).isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void emptyAndCommentOnlyDefinitionsAreAccepted(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  a: 1\n");
        for (String definition : new String[] {"", "# nothing yet\n", "values: {}\n"}) {
            world.service.updateEnvironment(world.alice, DEV, yaml(definition), Precondition.none());
            assertThat(world.service.getDefinition(world.alice, DEV, null).text()).isEqualTo(definition);
            assertThat(world.service.decryptDefinition(world.alice, DEV, null).text()).isEqualTo(definition);
        }
        assertThat(world.service.headEnvironment(world.alice, DEV).revision()).isEqualTo(5);
    }

    @StoreTest
    void creatingAnExistingEnvironmentIsAConflict(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.service.createEnvironment(world.alice, DEV);
        assertThatThrownBy(() -> world.service.createEnvironment(world.bob, DEV))
                .isInstanceOf(EscException.Conflict.class);
    }

    @StoreTest
    void legacyDefaultProjectWorks(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        EnvironmentRef legacy = EnvironmentRef.within("acme", "old");
        world.define(legacy, "values:\n  x: 1\n");
        assertThat(world.service.getDefinition(world.alice, legacy, null).text()).contains("x: 1");
    }

    @StoreTest
    void staleEtagOrRevisionIsAConflictAndChangesNothing(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;
        service.createEnvironment(world.alice, DEV);
        String first = service.headEnvironment(world.alice, DEV).etag();
        UpdateResult second = service.updateEnvironment(world.alice, DEV, yaml("values:\n  a: 1\n"),
                Precondition.etag("\"" + first + "\""));
        assertThat(second.revision()).isEqualTo(2);

        assertThatThrownBy(() -> service.updateEnvironment(world.bob, DEV, yaml("values:\n  a: 2\n"),
                Precondition.etag(first))).isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.updateEnvironment(world.bob, DEV, yaml("values:\n  a: 3\n"),
                Precondition.revision(1))).isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.updateEnvironment(world.bob, DEV, yaml("values:\n  a: 4\n"),
                Precondition.etag("garbage"))).isInstanceOf(EscException.Conflict.class);

        EnvironmentDefinition current = service.getDefinition(world.alice, DEV, null);
        assertThat(current.revision()).isEqualTo(2);
        assertThat(current.text()).isEqualTo("values:\n  a: 1\n");
        assertThat(service.listRevisions(world.alice, DEV, null, null)).hasSize(2);

        UpdateResult third = service.updateEnvironment(world.bob, DEV, yaml("values:\n  a: 5\n"),
                Precondition.revision(2));
        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.etag()).isNotEqualTo(second.etag());
    }

    @StoreTest
    void ofTwoWritersWithTheSameEtagExactlyOneWins(StoreFixture fixture) throws Exception {
        ServiceWorld world = new ServiceWorld(fixture);
        world.service.createEnvironment(world.alice, DEV);
        String etag = world.service.headEnvironment(world.alice, DEV).etag();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
            for (String who : List.of("alice", "bob")) {
                results.add(pool.submit(() -> {
                    try {
                        return world.service.updateEnvironment(who.equals("alice") ? world.alice : world.bob, DEV,
                                yaml("values:\n  by: " + who + "\n"), Precondition.etag(etag));
                    } catch (EscException.Conflict e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof UpdateResult).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof EscException.Conflict).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.service.listRevisions(world.alice, DEV, null, null)).hasSize(2);
    }

    @StoreTest
    void updatingAMissingEnvironmentIsNotFound(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        assertThatThrownBy(() -> world.service.updateEnvironment(world.alice, DEV, yaml("values: {}"),
                Precondition.none())).isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void listsPageByPageAndAcrossTheCallersOrganizations(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;
        for (int i = 0; i < 101; i++) {
            service.createEnvironment(world.alice, new EnvironmentRef("acme", "p", String.format("e%03d", i)));
        }
        world.storage.identity().setMember("globex", "alice", dev.openesc.server.store.Role.MEMBER);
        service.createEnvironment(world.carol, new EnvironmentRef("globex", "p", "g"));

        Page<OrgEnvironment> first = service.listEnvironments(world.alice, "acme", null);
        assertThat(first.items()).hasSize(100);
        assertThat(first.nextToken()).isNotEmpty();
        Page<OrgEnvironment> second = service.listEnvironments(world.alice, "acme", first.nextToken());
        assertThat(second.items()).extracting(OrgEnvironment::name).containsExactly("e100");
        assertThat(second.nextToken()).isNull();

        List<String> all = new ArrayList<>();
        String token = "";
        do {
            Page<OrgEnvironment> page = service.listEnvironments(world.alice, null, token);
            page.items().forEach(e -> all.add(e.environment().toString()));
            token = page.nextToken();
        } while (token != null);
        assertThat(all).hasSize(102).contains("globex/p/g", "acme/p/e000");
        assertThat(service.listEnvironments(world.bob, null, null).items()).hasSize(100)
                .allMatch(e -> e.organization().equals("acme"));
        assertThat(service.listEnvironments(world.carol, null, null).items())
                .extracting(OrgEnvironment::name).containsExactly("g");

        assertThatThrownBy(() -> service.listEnvironments(world.alice, "acme", "not-a-token!"))
                .isInstanceOf(EscException.InvalidRequest.class);
    }

    @StoreTest
    void clonesWithOrWithoutHistory(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;
        world.define(DEV, "values:\n  v: 2\n");
        service.updateEnvironment(world.alice, DEV, yaml("values:\n  v: 3\n"), Precondition.none());
        service.createRevisionTag(world.alice, DEV, "stable", 2L);
        service.createEnvironmentTag(world.alice, DEV, "team", "payments");

        OrgEnvironment plain = service.cloneEnvironment(world.bob, DEV, CloneRequest.plain("payments", "copy"));
        EnvironmentRef copy = plain.environment();
        assertThat(service.listRevisions(world.bob, copy, null, null)).hasSize(1);
        assertThat(service.getDefinition(world.bob, copy, null).text()).contains("v: 3");
        assertThat(service.listEnvironmentTags(world.bob, copy, null, null).items()).isEmpty();

        EnvironmentRef full = new EnvironmentRef("acme", "other", "full");
        service.cloneEnvironment(world.bob, DEV, new CloneRequest("other", "full", 2L, true, true, true, true));
        assertThat(service.listRevisions(world.bob, full, null, null)).hasSize(2);
        assertThat(service.getDefinition(world.bob, full, "stable").text()).contains("v: 2");
        assertThat(service.getEnvironmentTag(world.bob, full, "team").value()).isEqualTo("payments");

        assertThatThrownBy(() -> service.cloneEnvironment(world.bob, DEV, CloneRequest.plain("payments", "copy")))
                .isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> service.cloneEnvironment(world.bob, DEV, CloneRequest.plain("payments", "../x")))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.cloneEnvironment(world.bob, DEV,
                new CloneRequest("payments", "later", 9L, false, false, false, false)))
                .isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void badNamesAndVersionsAreInvalidRequests(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;
        world.define(DEV, "values:\n  v: 1\n");

        assertThatThrownBy(() -> service.listEnvironments(world.alice, "ac/me", null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.listEnvironments(world.alice, "a".repeat(41), null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> new EnvironmentRef("acme", "payments", "e".repeat(101)))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, "no/such"))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, "99999999999999999999"))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, "7"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, "0"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> service.getDefinition(world.alice, DEV, "nosuchtag"))
                .isInstanceOf(EscException.NotFound.class);
    }

    @StoreTest
    void definitionsOverTheLimitAreTooLarge(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.service.createEnvironment(world.alice, DEV);
        byte[] big = yaml("values:\n  x: \"" + "a".repeat(1 << 20) + "\"\n");
        assertThatThrownBy(() -> world.service.updateEnvironment(world.alice, DEV, big, Precondition.none()))
                .isInstanceOf(EscException.TooLarge.class);
        assertThat(text(world.service.getDefinition(world.alice, DEV, null).yaml())).isEmpty();
    }
}
