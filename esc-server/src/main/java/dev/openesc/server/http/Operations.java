package dev.openesc.server.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The endpoints for whoever runs the server rather than for API clients, all without a token:
 * {@code /healthz} (the process serves), {@code /readyz} (it can reach its database), {@code /metrics}
 * (Prometheus text format).
 */
final class Operations {

    private Operations() {
    }

    static void register(RoutesConfig routes, BooleanSupplier ready, PrometheusMeterRegistry registry) {
        routes.get("/healthz", ctx -> Json.ok(ctx, Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            if (ready.getAsBoolean()) {
                Json.ok(ctx, Map.of("status", "ready"));
            } else {
                Json.send(ctx, 503, new ErrorBody(503, "not ready: the database cannot be reached", null));
            }
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
