package dev.openesc.server.store;

import static dev.openesc.server.store.StoreTestData.ALICE;
import static dev.openesc.server.store.StoreTestData.DEV;
import static dev.openesc.server.store.StoreTestData.text;
import static dev.openesc.server.store.StoreTestData.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Eight writers on one environment, half of them through a second pool as another replica would be. */
class ConcurrentUpdateTest {

    private static final int WRITERS = 8;

    @StoreTest
    void writersRacingOnOneRevisionGetExactlyOneWinner(StoreFixture fixture) throws Exception {
        List<EnvironmentStore> replicas = List.of(StoreTestData.environments(fixture.db()),
                new EnvironmentStore(fixture.open(DatabaseOptions.defaults())));
        replicas.get(0).create(DEV, yaml("round: 0"), ALICE);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 1; round <= 5; round++) {
                long base = replicas.get(0).get(DEV).headRevision();
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    EnvironmentStore store = replicas.get(writer % 2);
                    String body = "round: " + round + "\nwriter: " + writer;
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            store.update(DEV, base, yaml(body), ALICE);
                            return true;
                        } catch (StoreException.Conflict lost) {
                            return false;
                        }
                    }));
                }
                int winners = 0;
                for (Future<Boolean> outcome : outcomes) {
                    winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
                assertThat(replicas.get(0).get(DEV).headRevision()).isEqualTo(base + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @StoreTest
    void retryingWritersLoseNoUpdate(StoreFixture fixture) throws Exception {
        List<EnvironmentStore> replicas = List.of(StoreTestData.environments(fixture.db()),
                new EnvironmentStore(fixture.open(DatabaseOptions.defaults())));
        replicas.get(0).create(DEV, yaml("start"), ALICE);
        int updatesPerWriter = 4;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                EnvironmentStore store = replicas.get(writer % 2);
                int me = writer;
                Callable<Integer> work = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    int lost = 0;
                    for (int done = 0; done < updatesPerWriter; ) {
                        Revision seen = store.latest(DEV);
                        String body = text(seen.definition()) + "\n" + me + "." + done;
                        try {
                            store.update(DEV, seen.number(), yaml(body), ALICE);
                            done++;
                        } catch (StoreException.Conflict conflict) {
                            lost++;
                        }
                    }
                    return lost;
                };
                conflicts.add(pool.submit(work));
            }
            for (Future<Integer> future : conflicts) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        EnvironmentStore store = replicas.get(0);
        long expectedHead = 1 + (long) WRITERS * updatesPerWriter;
        assertThat(store.get(DEV).headRevision()).isEqualTo(expectedHead);
        // Each revision extends the one before it by exactly one line: nothing was lost or merged.
        String previous = text(store.revision(DEV, 1).definition());
        Set<String> lines = new HashSet<>();
        for (long number = 2; number <= expectedHead; number++) {
            String current = text(store.revision(DEV, number).definition());
            assertThat(current).startsWith(previous + "\n");
            String added = current.substring(previous.length() + 1);
            assertThat(added).doesNotContain("\n");
            assertThat(lines.add(added)).as("line %s added once", added).isTrue();
            previous = current;
        }
        assertThat(lines).hasSize(WRITERS * updatesPerWriter);
    }
}
