package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

class DatabaseTest {

    private static final List<String> TABLES = List.of("access_tokens", "audit_events", "data_keys",
            "environment_tags", "environments", "leases", "memberships", "open_sessions", "orgs", "revision_retractions",
            "revision_tags", "revisions", "signing_keys", "users");

    @StoreTest
    void migratesOnceAndReopensIdempotently(StoreFixture fixture) {
        assertThat(tables(fixture.db())).containsAll(TABLES);
        new IdentityStore(fixture.db()).createOrganization("acme");

        try (Database again = Database.open(fixture.url())) {
            assertThat(new IdentityStore(again).organization("acme")).isPresent();
            assertThat(appliedMigrations(again)).containsExactly("1", "2", "3");
        }
    }

    @StoreTest
    void aFailedMigrationOnAFreshDatabaseLeavesNoSchema(StoreFixture fixture) {
        assertThatThrownBy(() -> fixture.open(DatabaseOptions.defaults().withExtraMigrations(
                List.of("classpath:db/broken"))))
                .isInstanceOf(StoreException.StoreUnavailable.class)
                .hasMessageContaining("migration");

        assertThat(tables(fixture.db())).doesNotContain("half_done");
        assertThat(new IdentityStore(fixture.db()).organization("from-a-broken-migration")).isEmpty();
        assertThat(appliedMigrations(fixture.db())).containsExactly("1", "2", "3");
    }

    @StoreTest
    void aFailedMigrationLeavesAnExistingSchemaAsItWas(StoreFixture fixture) {
        new IdentityStore(fixture.db()).createOrganization("acme");
        TreeSet<String> before = tables(fixture.db());

        assertThatThrownBy(() -> fixture.open(DatabaseOptions.defaults().withExtraMigrations(
                List.of("classpath:db/broken"))))
                .isInstanceOf(StoreException.StoreUnavailable.class);

        assertThat(tables(fixture.db())).isEqualTo(before);
        assertThat(appliedMigrations(fixture.db())).containsExactly("1", "2", "3");
        assertThat(new IdentityStore(fixture.db()).organization("from-a-broken-migration")).isEmpty();
        assertThat(new IdentityStore(fixture.db()).organization("acme")).isPresent();
    }

    @StoreTest
    void aTransactionThatThrowsLeavesNothingBehind(StoreFixture fixture) {
        Database db = fixture.db();

        assertThatThrownBy(() -> db.transaction(connection -> {
            Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", "ghost", db.now());
            Sql.update(connection, "INSERT INTO users (login, name, created_at) VALUES (?, ?, ?)", "g", "G", db.now());
            throw new IllegalStateException("failing on purpose");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.transaction(connection -> {
            Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", "ghost", db.now());
            return Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", "ghost", db.now());
        })).isInstanceOf(StoreException.Conflict.class);

        assertThat(StoreAssertions.rows(db, "orgs")).isZero();
        assertThat(StoreAssertions.rows(db, "users")).isZero();
        // The connection went back to the pool in a usable state.
        new IdentityStore(db).createOrganization("real");
        assertThat(StoreAssertions.rows(db, "orgs")).isEqualTo(1);
    }

    @StoreTest
    void postgresOpensFromAPostgresUrl(StoreFixture fixture) {
        if (fixture.dialect() != Dialect.POSTGRESQL) {
            assertThat(fixture.db().dialect()).isEqualTo(Dialect.SQLITE);
            return;
        }
        // jdbc:postgresql://localhost:PORT/DB?user=postgres -> postgres://postgres@localhost:PORT/DB
        String jdbc = fixture.url();
        String hostPortDb = jdbc.substring("jdbc:postgresql://".length(), jdbc.indexOf('?'));
        try (Database db = Database.open("postgres://postgres:unused@" + hostPortDb)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(tables(db)).containsAll(TABLES);
        }
    }

    private static TreeSet<String> tables(Database db) {
        return db.read(connection -> {
            TreeSet<String> names = new TreeSet<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        });
    }

    private static List<String> appliedMigrations(Database db) {
        // Failed rows would show up here too (with success false), so a clean rollback leaves none.
        return db.read(connection -> Sql.list(connection,
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank",
                row -> row.getString(1) + (row.getBoolean(2) ? "" : " failed")));
    }
}
