package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.api.EscException;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Permission;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

class EnvironmentSettingsTest {

    private static final EnvironmentSettingsChange PROTECT = new EnvironmentSettingsChange(true);
    private static final EnvironmentSettingsChange UNPROTECT = new EnvironmentSettingsChange(false);

    private static List<AuditEvent> settingsAudit(ServiceWorld world) {
        return world.storage.audit().list("acme", null, 100).items().stream()
                .filter(e -> e.action() == AuditAction.ENVIRONMENT_SETTINGS_WRITE).toList();
    }

    @StoreTest
    void aProtectedEnvironmentCannotBeDeletedUntilProtectionIsLifted(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  keep: me\n");
        world.service.createEnvironmentTag(world.alice, DEV, "team", "payments");
        assertThat(world.service.getEnvironmentSettings(world.bob, DEV)).isEqualTo(EnvironmentSettings.DEFAULTS);

        assertThat(world.service.updateEnvironmentSettings(world.bob, DEV, PROTECT).deletionProtected()).isTrue();
        assertThat(world.service.getEnvironmentSettings(world.alice, DEV).deletionProtected()).isTrue();

        // Refused as a Conflict of its own type, and nothing of the environment is gone.
        assertThatThrownBy(() -> world.service.deleteEnvironment(world.alice, DEV))
                .isInstanceOf(EscException.DeletionProtected.class).isInstanceOf(EscException.Conflict.class)
                .hasMessageContaining("deletion protected");
        assertThat(text(world.service.getDefinition(world.alice, DEV, null).yaml())).contains("keep: me");
        assertThat(world.service.listRevisions(world.alice, DEV, null, null)).hasSize(2);
        assertThat(world.service.getEnvironmentTag(world.alice, DEV, "team").value()).isEqualTo("payments");
        assertThat(world.storage.audit().list("acme", null, 100).items())
                .noneMatch(e -> e.action() == AuditAction.ENVIRONMENT_DELETE);

        // Settings have no revisions: protecting changed neither the definition's revision nor its etag.
        assertThat(world.service.headEnvironment(world.alice, DEV).revision()).isEqualTo(2);

        world.service.updateEnvironmentSettings(world.alice, DEV, UNPROTECT);
        world.service.deleteEnvironment(world.alice, DEV);
        assertThatThrownBy(() -> world.service.getEnvironmentSettings(world.alice, DEV))
                .isInstanceOf(EscException.NotFound.class);

        // A new environment of the same name starts unprotected: the setting went with the deleted one.
        world.service.createEnvironment(world.alice, DEV);
        assertThat(world.service.getEnvironmentSettings(world.alice, DEV).deletionProtected()).isFalse();
    }

    @StoreTest
    void everyChangeIsAuditedWithTheOldAndNewValueAndAnEmptyChangeWritesNothing(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values: {}\n");

        assertThat(world.service.updateEnvironmentSettings(world.bob, DEV, new EnvironmentSettingsChange(null)))
                .isEqualTo(EnvironmentSettings.DEFAULTS);
        assertThat(settingsAudit(world)).isEmpty();

        world.service.updateEnvironmentSettings(world.bob, DEV, PROTECT);
        // The empty change answers the current settings, still without a write.
        assertThat(world.service.updateEnvironmentSettings(world.alice, DEV, new EnvironmentSettingsChange(null))
                .deletionProtected()).isTrue();
        world.service.updateEnvironmentSettings(world.alice, DEV, UNPROTECT);

        List<AuditEvent> audit = settingsAudit(world);
        assertThat(audit).hasSize(2);
        AuditEvent lifted = audit.get(0); // newest first
        assertThat(lifted.actor()).isEqualTo("alice");
        assertThat(lifted.detail()).isEqualTo("deletionProtected: true -> false");
        assertThat(lifted.environment()).isEqualTo("dev");
        AuditEvent set = audit.get(1);
        assertThat(set.actor()).isEqualTo("bob");
        assertThat(set.detail()).isEqualTo("deletionProtected: false -> true");
        assertThat(set.source()).isEqualTo("192.0.2.2");
    }

    @StoreTest
    void readingNeedsReadAndChangingNeedsTheRightToDelete(StoreFixture fixture) {
        AccessPolicy readOnlyMembers = new AccessPolicy(Map.of(
                OrgRole.MEMBER, EnumSet.of(Permission.READ),
                OrgRole.ADMIN, EnumSet.allOf(Permission.class)));
        ServiceWorld world = new ServiceWorld(fixture, readOnlyMembers);
        world.define(DEV, "values: {}\n");
        world.service.updateEnvironmentSettings(world.alice, DEV, PROTECT);

        assertThat(world.service.getEnvironmentSettings(world.bob, DEV).deletionProtected()).isTrue();
        assertThatThrownBy(() -> world.service.updateEnvironmentSettings(world.bob, DEV, UNPROTECT))
                .isInstanceOfSatisfying(EscException.Forbidden.class,
                        e -> assertThat(e.missing()).isEqualTo(Permission.WRITE));
        // An outsider learns nothing, not even that the environment exists.
        assertThatThrownBy(() -> world.service.getEnvironmentSettings(world.carol, DEV))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");
        assertThatThrownBy(() -> world.service.updateEnvironmentSettings(world.carol, DEV, UNPROTECT))
                .isInstanceOf(EscException.NotFound.class).hasMessage("organization acme not found");
        assertThatThrownBy(() -> world.service.getEnvironmentSettings(world.alice,
                new EnvironmentRef("acme", "payments", "nope"))).isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> world.service.updateEnvironmentSettings(world.alice,
                new EnvironmentRef("acme", "payments", "nope"), PROTECT)).isInstanceOf(EscException.NotFound.class);

        assertThat(world.service.getEnvironmentSettings(world.alice, DEV).deletionProtected()).isTrue();
        assertThat(settingsAudit(world)).hasSize(1);
    }

    @StoreTest
    void aCloneStartsUnprotectedAndTheSourceStaysProtected(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, "values:\n  a: 1\n");
        world.service.updateEnvironmentSettings(world.alice, DEV, PROTECT);

        world.service.cloneEnvironment(world.alice, DEV,
                new CloneRequest("payments", "copy", null, true, true, true, true));

        EnvironmentRef copy = new EnvironmentRef("acme", "payments", "copy");
        assertThat(world.service.getEnvironmentSettings(world.alice, copy).deletionProtected()).isFalse();
        assertThat(world.service.getEnvironmentSettings(world.alice, DEV).deletionProtected()).isTrue();
        world.service.deleteEnvironment(world.alice, copy);
        assertThatThrownBy(() -> world.service.deleteEnvironment(world.alice, DEV))
                .isInstanceOf(EscException.DeletionProtected.class);
    }
}
