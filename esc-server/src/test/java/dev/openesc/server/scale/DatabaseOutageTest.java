package dev.openesc.server.scale;

import dev.openesc.server.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again under a write load, the server left running: while it is down
 * every request is answered, 503 with the contract's JSON error (never 500, never a hang past the
 * client's bound), {@code /readyz} says not ready and {@code /healthz} still live; once it is back the
 * same server serves again, and every update it had answered 200 is in the database.
 */
class DatabaseOutageTest {

    private static final int WRITERS = 4;
    private static final Duration BOUND = Duration.ofSeconds(60);

    private enum Phase { UP, DOWN, BACK }

    @Test
    void whileTheDatabaseIsDownRequestsFailFastWith503AndTheServerRecoversWithoutRestart(
            @TempDir Path pgData, @TempDir Path data) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(pgData);
             RunningServer server = Replicas.startAsDeployed(data, postgres.url())) {
            ApiClient api = ApiClient.to(server.port(), Replicas.adminToken(data));
            ApiClient anonymous = ApiClient.to(server.port(), null);
            List<String> environments = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                environments.add("outage-" + i);
                assertThat(api.create("outage-" + i)).isIn(200, 204);
            }
            Map<Phase, Outcomes> byPhase = new EnumMap<>(Phase.class);
            for (Phase phase : Phase.values()) {
                byPhase.put(phase, new Outcomes());
            }
            AtomicReference<Phase> phase = new AtomicReference<>(Phase.UP);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (String env : environments) {
                    running.add(writers.submit(() -> write(api, env, phase, byPhase, stop)));
                }
                Eventually.await("writes while the database is up", BOUND, () -> byPhase.get(Phase.UP).count(200) >= 20);

                phase.set(Phase.DOWN);
                postgres.stop();
                Eventually.await("/readyz says not ready", BOUND, () -> anonymous.status("/readyz") == 503);
                assertThat(anonymous.status("/healthz")).isEqualTo(200);
                HttpResponse<String> refused = api.send("GET", ApiClient.path(environments.get(0)), null, null);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).startsWith("{").contains("\"code\":503", "\"message\":\"")
                        .doesNotContain("Exception", "jdbc:");
                HttpResponse<String> jwks = anonymous.send("GET", "/oidc/.well-known/jwks", null, null);
                assertThat(jwks.statusCode()).as("the OIDC keys, read outside the service").isEqualTo(503);
                assertThat(jwks.body()).contains("\"code\":503");
                Eventually.await("the writers are refused", BOUND, () -> byPhase.get(Phase.DOWN).count(503) >= 2 * WRITERS);

                postgres.restart();
                Eventually.await("/readyz says ready again", BOUND, () -> anonymous.status("/readyz") == 200);
                phase.set(Phase.BACK);
                Eventually.await("writes after the database returned", BOUND,
                        () -> byPhase.get(Phase.BACK).count(200) >= 20);
            } finally {
                stop.set(true);
                for (Future<?> future : running) {
                    future.get();
                }
                writers.shutdownNow();
            }
            System.out.println("database outage: " + byPhase);

            for (Outcomes outcomes : byPhase.values()) {
                assertThat(outcomes.unanswered()).as("requests without an answer").isEmpty();
                assertThat(outcomes.statuses().keySet()).as("statuses").isSubsetOf(200, 409, 503);
            }
            assertThat(byPhase.get(Phase.DOWN).count(503)).isPositive();
            for (String env : environments) {
                List<String> stored = StoredRevisions.markers(postgres.url(), env);
                for (Outcomes outcomes : byPhase.values()) {
                    assertThat(stored).as(env + ": every update answered 200 is stored")
                            .containsAll(outcomes.acknowledged(env));
                }
            }
        }
    }

    /** One writer on its own environment: read the ETag, update with it, until told to stop. */
    private static Void write(ApiClient api, String env, AtomicReference<Phase> phase, Map<Phase, Outcomes> byPhase,
                              AtomicBoolean stop) throws InterruptedException {
        int sequence = 0;
        while (!stop.get()) {
            Outcomes outcomes = byPhase.get(phase.get());
            try {
                ApiClient.Read read = api.read(env);
                if (read.status() != 200) {
                    outcomes.answered(read.status());
                    continue;
                }
                String marker = env + "-" + sequence++;
                outcomes.update(env, marker, api.update(env, read.etag(), marker).statusCode());
            } catch (IOException e) {
                outcomes.unanswered(env + ": " + e);
            }
        }
        return null;
    }
}
