package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.EscService;
import dev.openesc.api.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import static dev.openesc.server.http.TokenAuthentication.caller;

/** Revision tags ({@code .../versions/tags}) and environment tags ({@code .../tags}). */
final class TagEndpoints {

    private static final String REVISION_TAGS = Paths.ENV + "/versions/tags";
    private static final String TAGS = Paths.ENV + "/tags";

    private final EscService service;
    private final RequestBodies bodies;

    TagEndpoints(EscService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get(REVISION_TAGS, this::listRevisionTags);
        routes.post(REVISION_TAGS, this::createRevisionTag);
        routes.get(REVISION_TAGS + "/{tag}", ctx -> Json.ok(ctx, Responses.revisionTag(
                service.getRevisionTag(caller(ctx), Paths.environment(ctx), ctx.pathParam("tag")))));
        routes.patch(REVISION_TAGS + "/{tag}", this::updateRevisionTag);
        routes.delete(REVISION_TAGS + "/{tag}", ctx -> {
            service.deleteRevisionTag(caller(ctx), Paths.environment(ctx), ctx.pathParam("tag"));
            ctx.status(204);
        });

        routes.get(TAGS, this::listEnvironmentTags);
        routes.post(TAGS, this::createEnvironmentTag);
        routes.get(TAGS + "/{tag}", ctx -> Json.ok(ctx, Responses.environmentTag(
                service.getEnvironmentTag(caller(ctx), Paths.environment(ctx), ctx.pathParam("tag")))));
        routes.patch(TAGS + "/{tag}", this::updateEnvironmentTag);
        routes.delete(TAGS + "/{tag}", ctx -> {
            service.deleteEnvironmentTag(caller(ctx), Paths.environment(ctx), ctx.pathParam("tag"));
            ctx.status(204);
        });
    }

    private void listRevisionTags(Context ctx) {
        Page<EnvironmentRevisionTag> page = service.listRevisionTags(caller(ctx), Paths.environment(ctx),
                Queries.text(ctx, "after"), Queries.integer(ctx, "count"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode tags = body.putArray("tags");
        page.items().forEach(t -> tags.add(Responses.revisionTag(t)));
        body.put("nextToken", page.nextToken() == null ? "" : page.nextToken());
        Json.ok(ctx, body);
    }

    private void createRevisionTag(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        String name = Json.text(body, "name");
        if (name == null) {
            throw HttpFailure.badRequest("a revision tag needs a 'name'");
        }
        service.createRevisionTag(caller(ctx), Paths.environment(ctx), name, Json.number(body, "revision"));
        ctx.status(204);
    }

    private void updateRevisionTag(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        Long revision = Json.number(body, "revision");
        if (revision == null) {
            throw HttpFailure.badRequest("updating a revision tag needs the 'revision' it names");
        }
        service.updateRevisionTag(caller(ctx), Paths.environment(ctx), ctx.pathParam("tag"), revision);
        ctx.status(204);
    }

    private void listEnvironmentTags(Context ctx) {
        Page<EnvironmentTag> page = service.listEnvironmentTags(caller(ctx), Paths.environment(ctx),
                Queries.text(ctx, "after"), Queries.integer(ctx, "count"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode tags = body.putObject("tags");
        page.items().forEach(t -> tags.set(t.name(), Responses.environmentTag(t)));
        body.put("nextToken", page.nextToken() == null ? "" : page.nextToken());
        Json.ok(ctx, body);
    }

    private void createEnvironmentTag(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        String name = Json.text(body, "name");
        String value = Json.text(body, "value");
        if (name == null || value == null) {
            throw HttpFailure.badRequest("an environment tag needs a 'name' and a 'value'");
        }
        Json.ok(ctx, Responses.environmentTag(
                service.createEnvironmentTag(caller(ctx), Paths.environment(ctx), name, value)));
    }

    private void updateEnvironmentTag(Context ctx) {
        ObjectNode body = Json.object(bodies.read(ctx));
        String tag = ctx.pathParam("tag");
        ObjectNode current = Json.child(body, "currentTag");
        ObjectNode next = Json.child(body, "newTag");
        String newName = Json.text(next, "name");
        String newValue = Json.text(next, "value");
        if (newValue == null) {
            throw HttpFailure.badRequest("updating an environment tag needs 'newTag.value'");
        }
        Json.ok(ctx, Responses.environmentTag(service.updateEnvironmentTag(caller(ctx), Paths.environment(ctx), tag,
                Json.text(current, "value"), newName == null ? tag : newName, newValue)));
    }
}
