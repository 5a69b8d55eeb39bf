package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A store made before settings existed (schema version 2) upgrades in place: its environments are unprotected,
 * deletable, and can then be protected. On both databases.
 */
class DeletionProtectionUpgradeTest {

    private static final EnvironmentId KEPT = new EnvironmentId("acme", "payments", "kept");
    private static final EnvironmentId GONE = new EnvironmentId("acme", "payments", "gone");

    @StoreTest
    void aVersionTwoStoreUpgradesWithEveryEnvironmentUnprotected(StoreFixture fixture) throws IOException {
        Path upToV2 = Files.createTempDirectory("openesc-v2-");
        for (String file : List.of("V1__initial_schema.sql", "V2__revision_retractions.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
                Files.write(upToV2.resolve(file), in.readAllBytes());
            }
        }
        Editor editor = new Editor("alice", "Alice");
        try (Database old = Database.open(DatabaseUrl.parse(fixture.url()), DatabaseOptions.defaults(),
                new SchemaMigration(List.of("filesystem:" + upToV2), Optional.of(SchemaMigration.Version.parse("2"))))) {
            new IdentityStore(old).createOrganization("acme");
            EnvironmentStore environments = new EnvironmentStore(old);
            for (EnvironmentId id : List.of(KEPT, GONE)) {
                environments.create(id, "values: {v: 1}\n".getBytes(StandardCharsets.UTF_8), editor);
            }
        }

        try (Database upgraded = Database.open(fixture.url())) {
            assertThat(upgraded.migratedAtOpen()).isTrue();
            EnvironmentStore environments = new EnvironmentStore(upgraded);
            assertThat(environments.protection().isOn(KEPT)).isFalse();
            environments.delete(GONE, editor);
            assertThat(environments.exists(GONE)).isFalse();

            assertThat(environments.protection().set(KEPT, true, editor)).isFalse();
            assertThat(environments.protection().isOn(KEPT)).isTrue();
            assertThatThrownBy(() -> environments.delete(KEPT, editor))
                    .isInstanceOf(StoreException.DeletionProtected.class);
            assertThat(environments.exists(KEPT)).isTrue();
        }
    }
}
