package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private static final SchemaMigration WITH_NEXT = new SchemaMigration(
            List.of(Database.MIGRATIONS, "classpath:db/next"), Optional.of(SchemaMigration.Version.parse("4")));

    @StoreTest
    void aFreshDatabaseMigratesAndTheSecondOpenSkipsFlyway(StoreFixture fixture) {
        assertThat(fixture.db().migratedAtOpen()).isTrue();

        try (Database again = Database.open(fixture.url())) {
            assertThat(again.migratedAtOpen()).isFalse();
            new IdentityStore(again).createOrganization("acme");
            assertThat(new IdentityStore(fixture.db()).organization("acme")).isPresent();
        }
    }

    @StoreTest
    void extraMigrationLocationsAlwaysGoThroughFlyway(StoreFixture fixture) {
        fixture.db();

        Database withExtras = fixture.open(DatabaseOptions.defaults().withExtraMigrations(List.of("classpath:db/next")));

        assertThat(withExtras.migratedAtOpen()).isTrue();
        assertThat(StoreAssertions.rows(withExtras, "upgrade_notes")).isZero();
    }

    @StoreTest
    void aDatabaseAtAnOlderVersionStillMigrates(StoreFixture fixture) {
        new IdentityStore(fixture.db()).createOrganization("acme");

        try (Database upgraded = Database.open(DatabaseUrl.parse(fixture.url()), DatabaseOptions.defaults(), WITH_NEXT)) {
            assertThat(upgraded.migratedAtOpen()).isTrue();
            assertThat(StoreAssertions.rows(upgraded, "upgrade_notes")).isZero();
            assertThat(new IdentityStore(upgraded).organization("acme")).isPresent();
            assertThat(history(upgraded)).containsExactly("1", "2", "3", "4");
        }
        try (Database current = Database.open(DatabaseUrl.parse(fixture.url()), DatabaseOptions.defaults(), WITH_NEXT)) {
            assertThat(current.migratedAtOpen()).isFalse();
        }
    }

    @StoreTest
    void aDatabaseNewerThanTheCodeFailsWithAClearError(StoreFixture fixture) {
        fixture.db();
        Database.open(DatabaseUrl.parse(fixture.url()), DatabaseOptions.defaults(), WITH_NEXT).close();

        assertThatThrownBy(() -> Database.open(fixture.url()))
                .isInstanceOf(StoreException.StoreUnavailable.class)
                .hasMessageContaining("schema is at version 4")
                .hasMessageContaining("newer than this version of OpenESC knows (3)");
    }

    @StoreTest
    void aFailedRowInTheHistorySendsTheOpenBackToFlyway(StoreFixture fixture) {
        Database db = fixture.db();
        db.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + SchemaMigration.HISTORY_TABLE + " SET success = ? WHERE version = '1'")) {
                update.setBoolean(1, false);
                return update.executeUpdate();
            }
        });

        // Flyway sees the failed migration and refuses, rather than the fast path carrying on over it.
        assertThatThrownBy(() -> Database.open(fixture.url()))
                .isInstanceOf(StoreException.StoreUnavailable.class)
                .hasMessageContaining("migration failed");
    }

    @Test
    void theCurrentVersionIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaMigration.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            SchemaMigration.Version newest = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("V") && name.contains("__"))
                    .map(name -> SchemaMigration.Version.parse(name.substring(1, name.indexOf("__"))))
                    .max(SchemaMigration.Version::compareTo)
                    .orElseThrow();
            assertThat(newest).isEqualTo(SchemaMigration.CURRENT);
        }
    }

    @Test
    void versionsCompareAsNumbersPartByPart() {
        assertThat(SchemaMigration.Version.parse("10").compareTo(SchemaMigration.Version.parse("9"))).isPositive();
        assertThat(SchemaMigration.Version.parse("1.10").compareTo(SchemaMigration.Version.parse("1.9"))).isPositive();
        assertThat(SchemaMigration.Version.parse("2").compareTo(SchemaMigration.Version.parse("2.0"))).isZero();
        assertThat(SchemaMigration.Version.parse("2").toString()).isEqualTo("2");
    }

    private static List<String> history(Database db) {
        return db.read(connection -> Sql.list(connection,
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank",
                row -> row.getString(1) + (row.getBoolean(2) ? "" : " failed")));
    }
}
