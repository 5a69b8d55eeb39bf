package dev.openesc.server.scale;

import dev.openesc.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of one replica under a write load that a load balancer would spread over two: the replica in
 * a child JVM is killed with SIGKILL while requests are in flight; the other replica keeps serving, and
 * every update either one answered 200 is in the database afterwards. Requests the dead replica never
 * answered count for nothing (their client retries elsewhere).
 */
class ReplicaKillTest {

    private static final int WRITERS = 8;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void theSurvivorKeepsServingAndNoAcknowledgedWriteIsLost(@TempDir Path pgData, @TempDir Path survivorData,
                                                             @TempDir Path victimData) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(pgData);
             RunningServer survivor = Replicas.start(survivorData, postgres.url());
             ReplicaProcess victim = ReplicaProcess.start(victimData, postgres.url(), victimData.resolve("replica.log"))) {
            String token = Replicas.adminToken(survivorData);
            ApiClient toVictim = ApiClient.to(victim.port(), token);
            ApiClient toSurvivor = ApiClient.to(survivor.port(), token);
            Outcomes victimOutcomes = new Outcomes();
            Outcomes survivorOutcomes = new Outcomes();
            List<String> environments = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                environments.add("kill-" + i);
                assertThat((i % 2 == 0 ? toVictim : toSurvivor).create("kill-" + i)).isIn(200, 204);
            }

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (String env : environments) {
                    running.add(writers.submit(() -> write(env, List.of(toVictim, toSurvivor),
                            List.of(victimOutcomes, survivorOutcomes), stop)));
                }
                Eventually.await("both replicas acknowledge writes", BOUND,
                        () -> victimOutcomes.count(200) >= 20 && survivorOutcomes.count(200) >= 20);

                victim.kill();
                int survivorBefore = survivorOutcomes.count(200);
                Eventually.await("the survivor goes on acknowledging writes", BOUND,
                        () -> survivorOutcomes.count(200) >= survivorBefore + 40);
            } finally {
                stop.set(true);
                for (Future<?> future : running) {
                    future.get();
                }
                writers.shutdownNow();
            }
            System.out.println("kill -9: dead replica " + victimOutcomes + "; survivor " + survivorOutcomes);

            assertThat(victim.alive()).isFalse();
            assertThat(survivorOutcomes.unanswered()).as("requests the survivor left unanswered").isEmpty();
            assertThat(survivorOutcomes.statuses().keySet()).isSubsetOf(200, 409);
            assertThat(victimOutcomes.statuses().keySet()).as("what the victim answered before it died")
                    .isSubsetOf(200, 409);
            assertThat(ApiClient.to(survivor.port(), null).status("/readyz")).isEqualTo(200);
            for (String env : environments) {
                List<String> stored = StoredRevisions.markers(postgres.url(), env);
                assertThat(stored).as(env + ": updates the dead replica acknowledged")
                        .containsAll(victimOutcomes.acknowledged(env));
                assertThat(stored).as(env + ": updates the survivor acknowledged")
                        .containsAll(survivorOutcomes.acknowledged(env));
                assertThat(stored).as(env + ": nothing of an update answered 409")
                        .noneMatch(survivorOutcomes.refused(env)::contains)
                        .noneMatch(victimOutcomes.refused(env)::contains);
            }
        }
    }

    /**
     * One writer on its own environment, spreading its read-then-update pairs over the replicas in turn as
     * a load balancer would; a replica that does not answer is noted and the next pair goes to the other.
     */
    private static Void write(String env, List<ApiClient> replicas, List<Outcomes> outcomes, AtomicBoolean stop) {
        int sequence = 0;
        int turn = 0;
        while (!stop.get()) {
            int replica = turn++ % replicas.size();
            ApiClient api = replicas.get(replica);
            Outcomes answered = outcomes.get(replica);
            try {
                ApiClient.Read read = api.read(env);
                if (read.status() != 200) {
                    answered.answered(read.status());
                    continue;
                }
                String marker = env + "-" + sequence++;
                answered.update(env, marker, api.update(env, read.etag(), marker).statusCode());
            } catch (IOException e) {
                answered.unanswered(env + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
