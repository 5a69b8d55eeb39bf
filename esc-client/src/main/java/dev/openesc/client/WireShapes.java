package dev.openesc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.EscException;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.Page;
import dev.openesc.api.RevisionRetraction;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Severity;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.WireJsonReader;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the API's JSON answers into the records of esc-api. */
final class WireShapes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WireShapes() {
    }

    static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            throw new EscException.Unavailable("the server answered something that is not JSON", e);
        }
    }

    static OrgEnvironment environment(JsonNode node) {
        return new OrgEnvironment(new EnvironmentRef(text(node, "organization"), text(node, "project"),
                text(node, "name")), time(node, "created"), time(node, "modified"));
    }

    static EnvironmentRevision revision(JsonNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode retracted = node.get("retracted");
        RevisionRetraction retraction = retracted == null || !retracted.isObject() ? null
                : new RevisionRetraction(retracted.path("replacement").asLong(), time(retracted, "at"),
                        text(retracted, "byLogin"), text(retracted, "byName"), text(retracted, "reason"));
        return new EnvironmentRevision(node.path("number").asLong(), time(node, "created"),
                text(node, "creatorLogin"), text(node, "creatorName"), tags, retraction);
    }

    static EnvironmentRevisionTag revisionTag(JsonNode node) {
        return new EnvironmentRevisionTag(text(node, "name"), node.path("revision").asLong(), time(node, "created"),
                time(node, "modified"), text(node, "editorLogin"), text(node, "editorName"));
    }

    static EnvironmentTag environmentTag(JsonNode node) {
        return new EnvironmentTag(text(node, "name"), text(node, "value"), time(node, "created"),
                time(node, "modified"), text(node, "editorLogin"), text(node, "editorName"));
    }

    static List<Diagnostic> diagnostics(JsonNode node) {
        List<Diagnostic> out = new ArrayList<>();
        for (JsonNode d : node.path("diagnostics")) {
            Severity severity = "warning".equals(d.path("severity").asText()) ? Severity.WARNING : Severity.ERROR;
            JsonNode range = d.path("range");
            Range subject = range.isObject()
                    ? new Range(range.path("environment").asText(""), pos(range.path("begin")), pos(range.path("end")))
                    : null;
            out.add(new Diagnostic(severity, d.path("summary").asText(""), d.path("detail").asText(""), subject,
                    d.path("path").asText("")));
        }
        return out;
    }

    /** The environment fields of a check answer (everything but code, message and diagnostics). */
    static Environment checkedEnvironment(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return null;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("code", "message", "diagnostics"));
        if (copy.isEmpty()) {
            return null;
        }
        return WireJsonReader.environment(copy.toString());
    }

    /**
     * One page of a listing: the answer's array {@code itemsField}, read item by item, and its continuation
     * token {@code tokenField}, where the API's empty string, like a missing token, means the last page.
     */
    static <T> Page<T> page(JsonNode body, String itemsField, String tokenField, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        body.path(itemsField).forEach(node -> items.add(item.apply(node)));
        return new Page<>(items, emptyToNull(text(body, tokenField)));
    }

    /** The API sends an empty string where our records hold null (no token, no source address). */
    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }

    private static Pos pos(JsonNode node) {
        return new Pos(node.path("line").asInt(), node.path("column").asInt(), node.path("byte").asInt());
    }
}
