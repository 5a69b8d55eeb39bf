package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite statement cache: statements come back reset, nothing stale or half-done leaks into the next use. */
class ReusingSqliteConnectionTest {

    private static final String BY_NAME = "SELECT name FROM orgs WHERE name = ?";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseUrl.sqliteFile(dir.resolve("esc.db")),
                new DatabaseOptions(java.time.Clock.systemUTC(), 1, List.of(), DatabaseOptions.DEFAULT_CONNECTION_TIMEOUT));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aClosedStatementIsTheOneTheNextBorrowerGets() {
        Object first = db.read(c -> physical(c, BY_NAME));
        Object second = db.read(c -> physical(c, BY_NAME));

        assertThat(second).isSameAs(first);
    }

    @Test
    void aReusedQuerySeesWritesCommittedSinceItsLastUse() {
        IdentityStore identity = new IdentityStore(db);
        assertThat(identity.organization("acme")).isEmpty();

        identity.createOrganization("acme");

        assertThat(identity.organization("acme")).isPresent();
        assertThat(identity.organization("other")).isEmpty();
    }

    @Test
    void theSameQueryRunFromInsideItsOwnRowsGetsAFreshStatement() {
        new IdentityStore(db).createOrganization("acme");
        new IdentityStore(db).createOrganization("beta");

        List<String> pairs = db.read(c -> Sql.list(c, "SELECT name FROM orgs ORDER BY name",
                row -> row.getString(1) + "+" + Sql.list(c, "SELECT name FROM orgs ORDER BY name",
                        inner -> inner.getString(1)).size()));
        List<String> again = db.read(c -> Sql.list(c, "SELECT name FROM orgs ORDER BY name", row -> row.getString(1)));

        assertThat(pairs).containsExactly("acme+2", "beta+2");
        assertThat(again).containsExactly("acme", "beta");
    }

    @Test
    void aFailedWriteLeavesTheStatementUsableAndTheTransactionRolledBack() {
        IdentityStore identity = new IdentityStore(db);
        identity.createOrganization("acme");

        assertThatThrownBy(() -> identity.createOrganization("acme")).isInstanceOf(StoreException.Conflict.class);
        identity.createOrganization("beta");

        assertThat(identity.organization("beta")).isPresent();
        long orgs = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM orgs"));
        assertThat(orgs).isEqualTo(2);
    }

    @Test
    void keepsAtMostItsCapacityAndStillAnswersEvictedStatements() {
        int distinct = ReusingSqliteConnection.CAPACITY + 20;
        for (int i = 0; i < distinct; i++) {
            long value = i;
            long answered = db.read(c -> Sql.count(c, "SELECT " + value));
            assertThat(answered).isEqualTo(value);
        }
        long evicted = db.read(c -> Sql.count(c, "SELECT 0"));
        assertThat(evicted).isZero();

        int kept = db.read(c -> c.unwrap(ReusingSqliteConnection.class).keptStatements());
        assertThat(kept).isEqualTo(ReusingSqliteConnection.CAPACITY);
    }

    /** The driver's statement behind the pool's proxy. */
    private static Object physical(Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.unwrap(ReusableStatement.class);
        }
    }
}
