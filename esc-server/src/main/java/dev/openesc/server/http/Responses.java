package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.EnvironmentDefinition;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.OrgEnvironment;
import io.javalin.http.Context;

import java.time.Instant;

/** The wire shapes of the API's records, and the headers that go with definitions. */
final class Responses {

    static final String REVISION_HEADER = "Pulumi-ESC-Revision";
    static final String YAML = "application/x-yaml";

    private Responses() {
    }

    /** Concurrency headers: the entity tag (quoted, as HTTP has it) and the revision number. */
    static void versionHeaders(Context ctx, long revision, String etag) {
        if (etag != null) {
            ctx.header("ETag", quoted(etag));
        }
        ctx.header(REVISION_HEADER, Long.toString(revision));
    }

    /**
     * A definition as YAML text. An empty definition is an empty body: a client that tries JSON first
     * (axios does) must not read YAML as JSON, and {@code {}} would be.
     */
    static void definition(Context ctx, EnvironmentDefinition definition) {
        versionHeaders(ctx, definition.revision(), definition.etag());
        ctx.status(200).contentType(YAML).result(definition.yaml());
    }

    static ObjectNode environment(OrgEnvironment e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("organization", e.organization());
        node.put("project", e.project());
        node.put("name", e.name());
        node.put("created", time(e.created()));
        node.put("modified", time(e.modified()));
        return node;
    }

    static ObjectNode revision(EnvironmentRevision r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("number", r.number());
        node.put("created", time(r.created()));
        node.put("creatorLogin", r.creatorLogin());
        node.put("creatorName", r.creatorName());
        ArrayNode tags = node.putArray("tags");
        r.tags().forEach(tags::add);
        if (r.retracted() != null) {
            ObjectNode retracted = node.putObject("retracted");
            retracted.put("replacement", r.retracted().replacement());
            retracted.put("at", time(r.retracted().at()));
            retracted.put("byLogin", r.retracted().byLogin());
            retracted.put("byName", r.retracted().byName());
            if (r.retracted().reason() != null) {
                retracted.put("reason", r.retracted().reason());
            }
        }
        return node;
    }

    static ObjectNode revisionTag(EnvironmentRevisionTag t) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", t.name());
        node.put("revision", t.revision());
        node.put("created", time(t.created()));
        node.put("modified", time(t.modified()));
        node.put("editorLogin", t.editorLogin());
        node.put("editorName", t.editorName());
        return node;
    }

    static ObjectNode environmentTag(EnvironmentTag t) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", t.name());
        node.put("value", t.value());
        node.put("created", time(t.created()));
        node.put("modified", time(t.modified()));
        node.put("editorLogin", t.editorLogin());
        node.put("editorName", t.editorName());
        return node;
    }

    /** RFC 3339 in UTC, as {@link Instant#toString()} writes it. */
    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String quoted(String etag) {
        return etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"";
    }
}
