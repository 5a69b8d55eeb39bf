package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentHead;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.api.EscService;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.api.UpdateResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import static dev.openesc.server.http.TokenAuthentication.caller;

/** Environments and their definitions: list, create, read, update, delete, clone, decrypt, revisions. */
final class EnvironmentEndpoints {

    private final EscService service;
    private final RequestBodies bodies;

    EnvironmentEndpoints(EscService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /**
     * GET of a definition, the most frequent request by far: registered before every other GET route, as Javalin
     * tries a method's routes in order, a regular expression each. No other GET route has three segments after
     * {@code /api/esc/environments/}, so it shadows none.
     */
    void registerDefinition(RoutesConfig routes) {
        routes.get(Paths.ENV, ctx -> Responses.definition(ctx,
                service.getDefinition(caller(ctx), Paths.environment(ctx), null)));
    }

    void register(RoutesConfig routes) {
        routes.get(Paths.ENVIRONMENTS, ctx -> list(ctx, null));
        routes.get(Paths.ORG, ctx -> list(ctx, Paths.org(ctx)));
        routes.post(Paths.ORG, this::create);
        routes.head(Paths.ENV, this::head);
        routes.patch(Paths.ENV, this::update);
        routes.delete(Paths.ENV, ctx -> {
            service.deleteEnvironment(caller(ctx), Paths.environment(ctx));
            ctx.status(ClientDialect.of(ctx).emptySuccess());
        });
        routes.post(Paths.ENV + "/clone", this::cloneEnvironment);
        routes.get(Paths.ENV + "/decrypt", ctx -> Responses.definition(ctx,
                service.decryptDefinition(caller(ctx), Paths.environment(ctx), null)));
        routes.get(Paths.ENV + "/versions", this::revisions);
        routes.get(Paths.ENV + "/settings", ctx -> Json.ok(ctx,
                settings(service.getEnvironmentSettings(caller(ctx), Paths.environment(ctx)))));
        routes.patch(Paths.ENV + "/settings", this::updateSettings);
    }

    /** Pulumi Cloud's {@code EnvironmentSettings}: every setting, always present. */
    private static ObjectNode settings(EnvironmentSettings settings) {
        return Json.MAPPER.createObjectNode().put("deletionProtected", settings.deletionProtected());
    }

    /** A partial update: an absent or null field is no change. 204, as the reference client reads no body. */
    private void updateSettings(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        service.updateEnvironmentSettings(caller(ctx), Paths.environment(ctx),
                new EnvironmentSettingsChange(Json.optionalFlag(body, "deletionProtected")));
        ctx.status(204);
    }

    /** Routes naming a version; registered after the revision tag routes, which they would shadow. */
    void registerVersions(RoutesConfig routes) {
        routes.get(Paths.ENV + "/versions/{version}", ctx -> Responses.definition(ctx,
                service.getDefinition(caller(ctx), Paths.environment(ctx), ctx.pathParam("version"))));
        routes.get(Paths.ENV + "/versions/{version}/decrypt", ctx -> Responses.definition(ctx,
                service.decryptDefinition(caller(ctx), Paths.environment(ctx), ctx.pathParam("version"))));
        routes.post(Paths.ENV + "/versions/{version}/retract", this::retract);
    }

    private void retract(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        service.retractRevision(caller(ctx), Paths.environment(ctx), ctx.pathParam("version"),
                Json.number(body, "replacement"), Json.text(body, "reason"));
        ctx.status(204);
    }

    private void list(Context ctx, String org) {
        Page<OrgEnvironment> page = service.listEnvironments(caller(ctx), org,
                Queries.text(ctx, "continuationToken"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("environments");
        page.items().forEach(e -> items.add(Responses.environment(e)));
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        Json.ok(ctx, body);
    }

    private void create(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        EnvironmentRef ref = new EnvironmentRef(Paths.org(ctx), Json.text(body, "project"), Json.text(body, "name"));
        service.createEnvironment(caller(ctx), ref);
        ctx.status(ClientDialect.of(ctx).emptySuccess());
    }

    private void head(Context ctx) {
        EnvironmentHead head = service.headEnvironment(caller(ctx), Paths.environment(ctx));
        Responses.versionHeaders(ctx, head.revision(), head.etag());
        ctx.status(200);
    }

    private void update(Context ctx) {
        EnvironmentRef ref = Paths.environment(ctx);
        byte[] yaml = bodies.read(ctx);
        UpdateResult result = service.updateEnvironment(caller(ctx), ref, yaml, precondition(ctx));
        Responses.versionHeaders(ctx, result.revision(), result.etag());
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (!result.warnings().isEmpty()) {
            body.set("diagnostics", Json.MAPPER.valueToTree(DiagnosticJson.of(result.warnings())));
        }
        Json.ok(ctx, body);
    }

    /**
     * The etag an update expects: {@code If-Match}, or a request header literally named {@code ETag},
     * which is how the reference CLI sends it back.
     */
    static Precondition precondition(Context ctx) {
        String etag = ctx.header("If-Match");
        if (etag == null || etag.isBlank()) {
            etag = ctx.header("ETag");
        }
        if (etag == null || etag.isBlank() || etag.strip().equals("*")) {
            return Precondition.none();
        }
        return Precondition.etag(etag.strip());
    }

    private void cloneEnvironment(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        String project = Json.text(body, "project");
        String name = Json.text(body, "name");
        if (project == null || name == null) {
            throw HttpFailure.badRequest("a clone needs the new 'project' and 'name'");
        }
        CloneRequest request = new CloneRequest(project, name, Json.number(body, "version"),
                Json.flag(body, "preserveHistory"), Json.flag(body, "preserveAccess"),
                Json.flag(body, "preserveEnvironmentTags"), Json.flag(body, "preserveRevisionTags"));
        service.cloneEnvironment(caller(ctx), Paths.environment(ctx), request);
        ctx.status(204);
    }

    private void revisions(Context ctx) {
        var revisions = service.listRevisions(caller(ctx), Paths.environment(ctx), Queries.whole(ctx, "before"),
                Queries.integer(ctx, "count"));
        ArrayNode body = Json.MAPPER.createArrayNode();
        for (EnvironmentRevision r : revisions) {
            body.add(Responses.revision(r));
        }
        Json.ok(ctx, body);
    }
}
