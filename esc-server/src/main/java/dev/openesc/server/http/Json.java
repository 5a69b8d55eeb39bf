package dev.openesc.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/** The one JSON mapper of the REST layer, and how requests and responses go through it. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final String CONTENT_TYPE = "application/json";

    private Json() {
    }

    /** Answers 200 with {@code body} as JSON. */
    static void ok(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    /** Answers with raw JSON text already written elsewhere (the evaluator's wire forms). */
    static void raw(Context ctx, int status, String json) {
        ctx.status(status).contentType(CONTENT_TYPE).result(json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response body", e);
        }
    }

    /**
     * The request body as a JSON object: empty bodies read as {@code {}} (clients send none where every
     * field is optional), and anything that is not an object is a 400 that does not quote the body.
     */
    static ObjectNode object(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw HttpFailure.badRequest("the request body is not valid JSON");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw HttpFailure.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    /** A text field of a JSON body, or null when absent or null; a 400 when it holds something else. */
    static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HttpFailure.badRequest("field '" + field + "' must be a string");
        }
        return node.asText();
    }

    /** A whole-number field of a JSON body, or null when absent or null. */
    static Long number(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToExactIntegral()) {
            throw HttpFailure.badRequest("field '" + field + "' must be a whole number");
        }
        return node.asLong();
    }

    static boolean flag(ObjectNode body, String field) {
        Boolean value = optionalFlag(body, field);
        return value != null && value;
    }

    /** A boolean field, or null when it is absent or null (a partial update's "no change"). */
    static Boolean optionalFlag(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw HttpFailure.badRequest("field '" + field + "' must be true or false");
        }
        return node.asBoolean();
    }

    static ObjectNode child(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return MAPPER.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw HttpFailure.badRequest("field '" + field + "' must be an object");
        }
        return object;
    }
}
