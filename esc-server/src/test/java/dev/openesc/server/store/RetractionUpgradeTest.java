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
 * A store made by the first schema (before retraction existed) upgrades in place: its revisions stay
 * readable and can then be retracted. On both databases.
 */
class RetractionUpgradeTest {

    private static final EnvironmentId ENV = new EnvironmentId("acme", "payments", "dev");

    @StoreTest
    void aVersionOneStoreUpgradesAndItsRevisionsCanBeRetracted(StoreFixture fixture) throws IOException {
        Path onlyV1 = Files.createTempDirectory("openesc-v1-");
        try (InputStream v1 = getClass().getResourceAsStream("/db/migration/V1__initial_schema.sql")) {
            Files.write(onlyV1.resolve("V1__initial_schema.sql"), v1.readAllBytes());
        }
        Editor editor = new Editor("alice", "Alice");
        try (Database old = Database.open(DatabaseUrl.parse(fixture.url()), DatabaseOptions.defaults(),
                new SchemaMigration(List.of("filesystem:" + onlyV1), Optional.of(SchemaMigration.Version.parse("1"))))) {
            new IdentityStore(old).createOrganization("acme");
            EnvironmentStore environments = new EnvironmentStore(old);
            environments.create(ENV, bytes("values: {v: 1}\n"), editor);
            environments.update(ENV, 1, bytes("values: {v: 2}\n"), editor);
            environments.update(ENV, 2, bytes("values: {v: 3}\n"), editor);
        }

        try (Database upgraded = Database.open(fixture.url())) {
            assertThat(upgraded.migratedAtOpen()).isTrue();
            EnvironmentStore environments = new EnvironmentStore(upgraded);
            assertThat(new String(environments.revision(ENV, 2).definition(), StandardCharsets.UTF_8))
                    .contains("v: 2");
            assertThat(environments.revisions(ENV, null, 0)).allSatisfy(r -> assertThat(r.retraction()).isNull());

            Retraction retraction = environments.retractions().retract(ENV, 2, null, "wrong", editor);
            assertThat(retraction.replacement()).isEqualTo(1);
            assertThatThrownBy(() -> environments.revision(ENV, 2)).isInstanceOf(StoreException.NotFound.class);
            assertThat(environments.retractions().get(ENV, 2)).contains(retraction);
            assertThat(environments.retractions().get(ENV, 1)).isEmpty();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
