package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's way of opening its SQLite file: no pool, one connection kept open and lent, others for the overlap. */
class UnpooledDatabaseTest {

    @TempDir
    Path dir;

    private String url() {
        return dir.resolve("esc.db").toString();
    }

    @Test
    void migratesAFreshFileOnceAndThenOnlyChecksTheVersion() {
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            assertThat(db.migratedAtOpen()).isTrue();
            new IdentityStore(db).createOrganization("acme");
        }
        try (Database again = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            assertThat(again.migratedAtOpen()).isFalse();
            assertThat(new IdentityStore(again).organization("acme")).isPresent();
        }
        // The pooled server opens the same file and sees the same data.
        try (Database pooled = Database.open(url(), DatabaseOptions.defaults())) {
            assertThat(new IdentityStore(pooled).organization("acme")).isPresent();
        }
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehindAndTheNextOneWorks() {
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            assertThatThrownBy(() -> db.transaction(connection -> {
                Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", "ghost", db.now());
                throw new IllegalStateException("failing on purpose");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(StoreAssertions.rows(db, "orgs")).isZero();

            new IdentityStore(db).createOrganization("real");
            assertThatThrownBy(() -> new IdentityStore(db).createOrganization("real"))
                    .isInstanceOf(StoreException.Conflict.class);
            assertThat(StoreAssertions.rows(db, "orgs")).isEqualTo(1);
        }
    }

    @Test
    void borrowersOneAfterTheOtherShareTheKeptConnectionAndAnOverlappingOneGetsItsOwn() throws Exception {
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            Connection first = db.read(connection -> connection);
            Connection nested = db.read(outer -> {
                assertThat(outer).isSameAs(first);
                return db.read(inner -> {
                    assertThat(inner).isNotSameAs(outer);
                    return inner;
                });
            });
            assertThat(nested.isClosed()).as("a borrower's own connection is closed when it is done").isTrue();
            Connection again = db.read(connection -> connection);
            assertThat(again).isSameAs(first);
            assertThat(first.isClosed()).isFalse();
            // A second close() from a borrower that is done changes nothing.
            first.close();
            assertThat(first.isClosed()).isFalse();
            Connection third = db.read(connection -> connection);
            assertThat(third).isSameAs(first);
        }
    }

    @Test
    void theKeptConnectionComesBackInAutoCommitModeWhateverItsBorrowerDid() throws Exception {
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            assertThatThrownBy(() -> db.transaction(connection -> {
                throw new IllegalStateException("failing on purpose");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(db.read(Connection::getAutoCommit)).isTrue();
            // A borrower that leaves a transaction open: rolled back when it hands the connection back.
            db.read(connection -> {
                connection.setAutoCommit(false);
                Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", "half", db.now());
                return null;
            });
            assertThat(db.read(Connection::getAutoCommit)).isTrue();
            assertThat(StoreAssertions.rows(db, "orgs")).isZero();
        }
        // Closing the database closes the kept connection: the log is folded back into the file.
        assertThat(Files.exists(dir.resolve("esc.db-wal"))).isFalse();
    }

    @Test
    void borrowersOnSeveralThreadsEachGetAConnection() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String org = "org" + i;
                writes.add(threads.submit(() -> new IdentityStore(db).createOrganization(org)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            assertThat(StoreAssertions.rows(db, "orgs")).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void closingLetsSqliteFoldTheWriteAheadLogBackIntoTheFile() {
        Database.openUnpooled(url(), DatabaseOptions.defaults()).close();
        try (Database db = Database.openUnpooled(url(), DatabaseOptions.defaults())) {
            new IdentityStore(db).createOrganization("acme");
            // The kept connection holds the log open between borrowers.
            assertThat(dir.resolve("esc.db-wal")).exists();
        }
        assertThat(Files.exists(dir.resolve("esc.db-wal"))).isFalse();
    }
}
