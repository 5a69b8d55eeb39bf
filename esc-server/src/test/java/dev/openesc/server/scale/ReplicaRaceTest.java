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
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's race: two replicas on one PostgreSQL, 16 clients updating the same 10 environments with
 * If-Match for a while (system property {@code esc.scale.raceSeconds}, the 30 s by default; shorter
 * with {@code -Desc.scale.raceSeconds=10} while iterating). Afterwards every environment holds
 * exactly the updates answered 200, one revision each, and none of those answered 409; nothing was 5xx.
 * Before the race, both replicas publish the same OIDC keys.
 */
class ReplicaRaceTest {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("esc.scale.raceSeconds", 30));
    private static final int CLIENTS = 16;
    private static final int ENVIRONMENTS = 10;

    @Test
    void racingUpdatesThroughTwoReplicasLoseNothingAndChangeNothingWhenRefused(
            @TempDir Path pgData, @TempDir Path one, @TempDir Path two) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(pgData);
             RunningServer first = Replicas.start(one, postgres.url());
             RunningServer second = Replicas.start(two, postgres.url())) {
            String token = Replicas.adminToken(one);
            List<ApiClient> replicas = List.of(ApiClient.to(first.port(), token), ApiClient.to(second.port(), token));
            String jwks = "/oidc/.well-known/jwks";
            assertThat(replicas.get(1).send("GET", jwks, null, null).body()).as("both replicas publish the same keys")
                    .isEqualTo(replicas.get(0).send("GET", jwks, null, null).body()).contains("\"kid\"");
            List<String> environments = new ArrayList<>();
            for (int i = 0; i < ENVIRONMENTS; i++) {
                String env = "race-" + i;
                assertThat(replicas.get(i % 2).create(env)).isIn(200, 204);
                environments.add(env);
            }

            Outcomes outcomes = new Outcomes();
            long deadline = System.nanoTime() + RUN.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> race(replicas.get(client % 2), client, environments, deadline,
                            outcomes)));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
            System.out.printf("race: 2 replicas x %d clients x %d environments for %d s: %s%n", CLIENTS,
                    ENVIRONMENTS, RUN.toSeconds(), outcomes);

            assertThat(outcomes.unanswered()).isEmpty();
            assertThat(outcomes.statuses().keySet()).as("every answer").allMatch(status -> status < 500)
                    .containsOnly(200, 409);
            assertThat(outcomes.count(200)).isPositive();
            assertThat(outcomes.count(409)).as("the clients did race").isPositive();
            for (String env : environments) {
                List<StoredRevisions.Stored> stored = StoredRevisions.of(postgres.url(), env);
                List<String> markers = stored.stream().skip(1).map(StoredRevisions.Stored::marker).toList();
                assertThat(stored).as(env + ": revision 1 and one per update answered 200")
                        .hasSize(1 + outcomes.acknowledged(env).size());
                assertThat(markers).as(env).containsExactlyInAnyOrderElementsOf(outcomes.acknowledged(env));
                assertThat(markers).as(env + ": nothing of an update answered 409")
                        .noneMatch(outcomes.refused(env)::contains);
            }
        }
    }

    /** One client: read a random environment's ETag, update it with that ETag, until the deadline. */
    private static Void race(ApiClient replica, int client, List<String> environments, long deadline,
                             Outcomes outcomes) throws InterruptedException {
        int sequence = 0;
        while (System.nanoTime() < deadline) {
            String env = environments.get(ThreadLocalRandom.current().nextInt(environments.size()));
            try {
                ApiClient.Read read = replica.read(env);
                if (read.status() != 200) {
                    outcomes.answered(read.status());
                    continue;
                }
                String marker = "c" + client + "-" + sequence++;
                outcomes.update(env, marker, replica.update(env, read.etag(), marker).statusCode());
            } catch (IOException e) {
                outcomes.unanswered(env + ": " + e);
            }
        }
        return null;
    }
}
