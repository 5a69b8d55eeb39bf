package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class LeasesTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    @StoreTest
    void oneHolderAtATimeUntilTheLeaseExpires(StoreFixture fixture) {
        Leases leases = new Leases(fixture.db());

        assertThat(leases.tryAcquire("purge", "replica-a", TTL)).isTrue();
        assertThat(leases.tryAcquire("purge", "replica-b", TTL)).isFalse();
        assertThat(leases.tryAcquire("rotate", "replica-b", TTL)).isTrue();
        fixture.clock().advance(Duration.ofSeconds(20));
        assertThat(leases.tryAcquire("purge", "replica-a", TTL)).as("renewal").isTrue();
        fixture.clock().advance(Duration.ofSeconds(20));
        assertThat(leases.tryAcquire("purge", "replica-b", TTL)).as("renewed lease still held").isFalse();
        assertThat(leases.current("purge").orElseThrow().holder()).isEqualTo("replica-a");

        fixture.clock().advance(Duration.ofSeconds(10));
        assertThat(leases.current("purge")).as("expired").isEmpty();
        assertThat(leases.tryAcquire("purge", "replica-b", TTL)).as("takeover").isTrue();
        assertThat(leases.tryAcquire("purge", "replica-a", TTL)).isFalse();
        Leases.Lease taken = leases.current("purge").orElseThrow();
        assertThat(taken.holder()).isEqualTo("replica-b");
        assertThat(taken.acquired()).isEqualTo(fixture.db().now());

        assertThat(leases.release("purge", "replica-a")).isFalse();
        assertThat(leases.release("purge", "replica-b")).isTrue();
        assertThat(leases.tryAcquire("purge", "replica-a", TTL)).isTrue();
    }

    @StoreTest
    void racingReplicasGetOneHolder(StoreFixture fixture) throws Exception {
        List<Leases> replicas = List.of(new Leases(fixture.db()), new Leases(fixture.open(
                DatabaseOptions.defaults().withClock(fixture.clock()))));
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            for (String lease : List.of("fresh", "expired")) {
                if (lease.equals("expired")) {
                    replicas.get(0).tryAcquire(lease, "old-holder", Duration.ofSeconds(1));
                    fixture.clock().advance(Duration.ofSeconds(2));
                }
                CyclicBarrier start = new CyclicBarrier(contenders);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    Leases leases = replicas.get(i % 2);
                    String holder = "replica-" + i;
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return leases.tryAcquire(lease, holder, TTL);
                    }));
                }
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("holders of %s", lease).isEqualTo(1);
                assertThat(replicas.get(0).current(lease).orElseThrow().holder()).startsWith("replica-");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
