package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.CheckResult;
import dev.openesc.api.Durations;
import dev.openesc.api.EscService;
import dev.openesc.api.OpenedSession;
import dev.openesc.core.value.WireJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static dev.openesc.server.http.TokenAuthentication.caller;

/**
 * Evaluation: check a definition, open an environment (stored, or anonymous YAML) and read what an open
 * session holds, whole or one property.
 */
final class OpenEndpoints {

    private final EscService service;
    private final RequestBodies bodies;

    OpenEndpoints(EscService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.post(Paths.ORG + "/yaml/check", this::check);
        routes.post(Paths.ORG + "/yaml/open", ctx -> opened(ctx,
                service.openYaml(caller(ctx), Paths.org(ctx), bodies.read(ctx), duration(ctx))));
        routes.get(Paths.ORG + "/yaml/open/{id}", ctx -> {
            String property = Queries.text(ctx, "property");
            if (property == null) {
                Json.raw(ctx, 200, WireJson.toJson(service.readOpenYaml(caller(ctx), Paths.org(ctx),
                        ctx.pathParam("id"))));
            } else {
                Json.raw(ctx, 200, WireJson.toJson(service.readOpenYamlProperty(caller(ctx), Paths.org(ctx),
                        ctx.pathParam("id"), property)));
            }
        });

        routes.post(Paths.ENV + "/check", ctx -> checkStored(ctx, null));
        routes.post(Paths.ENV + "/open", ctx -> open(ctx, null));
        // Also ".../open//{id}", the SDK's path for one property: the router treats "//" as "/".
        routes.get(Paths.ENV + "/open/{id}", this::read);
    }

    /** {@code POST .../versions/{version}/open}; registered with the other version routes. */
    void registerVersions(RoutesConfig routes) {
        routes.post(Paths.ENV + "/versions/{version}/open", ctx -> open(ctx, ctx.pathParam("version")));
        routes.post(Paths.ENV + "/versions/{version}/check", ctx -> checkStored(ctx, ctx.pathParam("version")));
    }

    private void check(Context ctx) {
        checked(ctx, service.checkYaml(caller(ctx), Paths.org(ctx), bodies.read(ctx),
                Queries.flag(ctx, "showSecrets")));
    }

    /** {@code POST .../check}: not in the 0.12 spec; the Java client uses it for a stored environment. */
    private void checkStored(Context ctx, String version) {
        bodies.checkDeclaredLength(ctx);
        checked(ctx, service.checkEnvironment(caller(ctx), Paths.environment(ctx), version,
                Queries.flag(ctx, "showSecrets")));
    }

    private static void checked(Context ctx, CheckResult result) {
        ObjectNode body = result.environment() == null
                ? Json.MAPPER.createObjectNode() : tree(WireJson.toJson(result.environment()));
        if (!result.diagnostics().isEmpty()) {
            body.set("diagnostics", Json.MAPPER.valueToTree(DiagnosticJson.of(result.diagnostics())));
        }
        Json.ok(ctx, body);
    }

    private void open(Context ctx, String version) {
        bodies.checkDeclaredLength(ctx); // the body is ignored (the SDK sends an empty form), not unbounded
        opened(ctx, service.openEnvironment(caller(ctx), Paths.environment(ctx), version, duration(ctx)));
    }

    private static void opened(Context ctx, OpenedSession session) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", session.id());
        if (!session.diagnostics().isEmpty()) {
            body.set("diagnostics", Json.MAPPER.valueToTree(DiagnosticJson.of(session.diagnostics())));
        }
        Json.ok(ctx, body);
    }

    private void read(Context ctx) {
        String property = Queries.text(ctx, "property");
        if (property == null) {
            Json.raw(ctx, 200, service.readOpenEnvironmentJson(caller(ctx), Paths.environment(ctx),
                    ctx.pathParam("id")));
        } else {
            Json.raw(ctx, 200, WireJson.toJson(service.readOpenProperty(caller(ctx), Paths.environment(ctx),
                    ctx.pathParam("id"), property)));
        }
    }

    private static Duration duration(Context ctx) {
        String text = Queries.text(ctx, "duration");
        return text == null ? null : Durations.parse(text);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
