package dev.openesc.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.api.EscException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sends one request to the server and turns every failure into the {@link EscException} the
 * in-process service would have thrown: 400 (with diagnostics: EvaluationFailed), 401, 403, 404, 409,
 * 413, and anything else, transport errors included, as Unavailable.
 */
final class ApiTransport {

    private static final String USER_AGENT = "openesc-client/0.1";

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    ApiTransport(HttpClient http, URI baseUrl, String token, Duration timeout) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.timeout = timeout;
    }

    /** A query string builder that leaves out absent values. */
    static Map<String, String> query() {
        return new LinkedHashMap<>();
    }

    /** One path segment, percent-encoded (spaces as %20, not '+'). */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ApiResponse send(String method, String path, Map<String, String> query, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + queryString(query)))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new EscException.Unavailable("cannot reach the server at " + baseUrl + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EscException.Unavailable("interrupted while waiting for the server", e);
        }
        int status = response.statusCode();
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        if (status >= 200 && status < 300) {
            return new ApiResponse(status, response.headers(), bytes);
        }
        throw failure(status, bytes);
    }

    /** A GET whose answer is JSON. */
    JsonNode getJson(String path, Map<String, String> query) {
        return WireShapes.tree(send("GET", path, query, null, Map.of()).body());
    }

    /** A request with a JSON body. */
    ApiResponse sendJson(String method, String path, Map<String, String> query, JsonNode body) {
        return send(method, path, query, body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    void delete(String path) {
        send("DELETE", path, query(), null, Map.of());
    }

    private static EscException failure(int status, byte[] body) {
        JsonNode error;
        try {
            error = WireShapes.tree(body);
        } catch (EscException.Unavailable notJson) {
            error = WireShapes.MAPPER.createObjectNode();
        }
        String message = WireShapes.text(error, "message");
        if (message == null || message.isBlank()) {
            message = "the server answered " + status;
        }
        return switch (status) {
            case 400 -> error.has("diagnostics")
                    ? new EscException.EvaluationFailed(message, WireShapes.diagnostics(error),
                    WireShapes.checkedEnvironment(error))
                    : new EscException.InvalidRequest(message);
            case 401 -> new EscException.Unauthorized(message);
            case 403 -> new EscException.Forbidden(message, null);
            case 404, 410 -> new EscException.NotFound(message);
            case 409, 412 -> new EscException.Conflict(message);
            case 413 -> new EscException.TooLarge(message);
            default -> new EscException.Unavailable(message, null);
        };
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joiner.add(segment(name) + "=" + segment(value));
            }
        });
        return joiner.toString();
    }
}
