package dev.openesc.server.scale;

import dev.openesc.server.BackgroundJobs;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.crypto.MasterKey;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.Leases;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.SessionStore;
import dev.openesc.server.store.Storage;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled purge of expired open sessions on two replicas of one database: the lease holder purges,
 * the other never runs it while the holder lives, and when the holder dies without giving the lease up
 * the other takes over once the lease has expired. The database clock is the test's, so leases and
 * sessions expire when the test says; the schedule itself runs in real time, every 50 ms.
 */
class SessionPurgeJobTest {

    private static final Duration EVERY = Duration.ofMillis(50);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration SESSION = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final byte[] OPENED = "{\"properties\":{}}".getBytes(StandardCharsets.UTF_8);

    private record Replica(String name, Storage storage, SimpleMeterRegistry metrics, BackgroundJobs jobs) {

        static Replica start(String name, Database database) {
            MasterKey key = LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY);
            Storage storage = Storage.on(database, key, SessionPolicy.defaults());
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            BackgroundJobs jobs = BackgroundJobs.start(List.of(new BackgroundJobs.Scheduled(
                    storage.sessions().purgeJob(storage.leases(), name, LEASE), EVERY)), metrics);
            return new Replica(name, storage, metrics, jobs);
        }

        double purges() {
            return metrics.get("esc.background.job.runs").tag("job", SessionStore.PURGE_JOB).counter().count();
        }
    }

    @StoreTest
    void theLeaseHolderAlonePurgesAndAnotherTakesOverAfterItDies(StoreFixture fixture) throws Exception {
        Replica a = Replica.start("replica-a", fixture.db());
        Replica b = Replica.start("replica-b", fixture.open(DatabaseOptions.defaults().withClock(fixture.clock())));
        try {
            a.storage().sessions().open("acme", "app", "dev", 1L, OPENED, SESSION, "alice");
            fixture.clock().advance(SESSION.plusSeconds(1));
            Eventually.await("the expired session is purged", BOUND, () -> storedSessions(fixture) == 0);

            Leases leases = a.storage().leases();
            String holderName = leases.current(SessionStore.PURGE_JOB).orElseThrow().holder();
            Replica holder = holderName.equals(a.name()) ? a : b;
            Replica other = holder == a ? b : a;
            double purgesBefore = holder.purges();
            Eventually.await("the holder runs twenty more periods", BOUND, () -> holder.purges() >= purgesBefore + 20);
            assertThat(other.purges()).as("runs on the replica without the lease").isZero();

            holder.jobs().abandon(); // dies: the lease stays in the database until it expires
            other.storage().sessions().open("acme", "app", "dev", 1L, OPENED, SESSION, "bob");
            fixture.clock().advance(SESSION.plusSeconds(1));
            Thread.sleep(EVERY.multipliedBy(10).toMillis());
            assertThat(storedSessions(fixture)).as("nobody purges while the dead holder's lease runs").isEqualTo(1);
            assertThat(other.purges()).isZero();

            fixture.clock().advance(LEASE);
            Eventually.await("the other replica takes over and purges", BOUND, () -> storedSessions(fixture) == 0);
            assertThat(other.purges()).isPositive();
            assertThat(leases.current(SessionStore.PURGE_JOB).orElseThrow().holder()).isEqualTo(other.name());
        } finally {
            a.jobs().close();
            b.jobs().close();
        }
    }

    @StoreTest
    void aGracefulStopGivesTheLeaseUp(StoreFixture fixture) throws Exception {
        Replica a = Replica.start("replica-a", fixture.db());
        Eventually.await("the purge runs", BOUND, () -> a.purges() > 0);
        a.jobs().close();

        assertThat(a.storage().leases().current(SessionStore.PURGE_JOB)).isEmpty();
    }

    private static int storedSessions(StoreFixture fixture) {
        return fixture.db().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM open_sessions")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
