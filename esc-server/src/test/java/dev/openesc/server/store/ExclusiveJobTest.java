package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

class ExclusiveJobTest {

    @StoreTest
    void onlyTheLeaseHolderRunsAndAnotherTakesOverWhenItStops(StoreFixture fixture) {
        Duration ttl = Duration.ofSeconds(90);
        AtomicInteger ranOnA = new AtomicInteger();
        AtomicInteger ranOnB = new AtomicInteger();
        Leases replicaA = new Leases(fixture.db());
        Leases replicaB = new Leases(fixture.open(DatabaseOptions.defaults().withClock(fixture.clock())));
        ExclusiveJob onA = new ExclusiveJob(replicaA, "purge-sessions", "a", ttl, ranOnA::incrementAndGet);
        ExclusiveJob onB = new ExclusiveJob(replicaB, "purge-sessions", "b", ttl, ranOnB::incrementAndGet);

        for (int tick = 0; tick < 3; tick++) {
            onA.runIfHolder();
            onB.runIfHolder();
            fixture.clock().advance(Duration.ofSeconds(60));
        }
        assertThat(ranOnA).hasValue(3);
        assertThat(ranOnB).hasValue(0);

        // Replica a stops; once its lease has run out, b takes over.
        assertThat(onB.runIfHolder()).isFalse();
        fixture.clock().advance(Duration.ofSeconds(31));
        assertThat(onB.runIfHolder()).isTrue();
        assertThat(onA.runIfHolder()).isFalse();
        assertThat(ranOnB).hasValue(1);
    }

    @StoreTest
    void aFailingRunDoesNotEscape(StoreFixture fixture) {
        ExclusiveJob job = new ExclusiveJob(new Leases(fixture.db()), "rotate-keys", "a", Duration.ofMinutes(1),
                () -> {
                    throw new IllegalStateException("boom");
                });

        assertThat(job.runIfHolder()).isTrue();
    }
}
