package dev.openesc.providers.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.openesc.core.provider.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Posts to one cloud service and reads its JSON answer. Every call waits at most the configured timeout (to connect,
 * and again for the answer). A failure becomes a {@link ProviderException} that names the service and gives its own
 * reason, read from the error body by the service's {@link #reason} function; request bodies and headers (tokens) never
 * reach a message.
 */
public final class CloudHttp {

    /** Longer error texts are cut: a misconfigured endpoint may answer with a whole HTML page. */
    private static final int MAX_REASON = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final Duration timeout;
    private volatile HttpClient client;
    private final Function<JsonNode, Optional<String>> reason;

    /**
     * @param service the name the user knows the service by, first in every message ({@code Google STS})
     * @param timeout the bounded wait for one call
     * @param reason  reads the service's own reason from a JSON error body; empty when the body has none
     */
    public CloudHttp(String service, Duration timeout, Function<JsonNode, Optional<String>> reason) {
        this.service = service;
        this.timeout = timeout;
        this.reason = reason;
    }

    /**
     * The client is made on the first call: every command builds the providers, few call a cloud, and a client's
     * selector thread waits in native code, which holds up the JVM's exit by 300 ms (the VM waits for such threads).
     */
    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    // HTTP/1.1: no h2c upgrade dance with plain-HTTP endpoints (a Vault on a private network, a stub).
                    made = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = made;
                }
            }
        }
        return made;
    }

    /** POSTs {@code fields} form-encoded ({@code application/x-www-form-urlencoded}). */
    public JsonNode postForm(URI uri, Map<String, String> headers, Map<String, String> fields) throws ProviderException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return post(uri, headers, "application/x-www-form-urlencoded", body.toString());
    }

    /** POSTs {@code body} as JSON. */
    public JsonNode postJson(URI uri, Map<String, String> headers, Object body) throws ProviderException {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("a request body that is not JSON", e);
        }
        return post(uri, headers, "application/json", text);
    }

    private JsonNode post(URI uri, Map<String, String> headers, String contentType, String body) throws ProviderException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        all.put("Accept", "application/json");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        all.forEach(request::header);
        HttpResponse<String> response;
        // The request's own timeout ends the wait for the headers only; the deadline on the future bounds the body too.
        CompletableFuture<HttpResponse<String>> call = client().sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw noAnswer(uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw noAnswer(uri);
            }
            if (cause instanceof ConnectException) {
                throw new ProviderException(service + ": cannot connect to " + origin(uri));
            }
            throw new ProviderException(service + ": the call to " + origin(uri) + " failed ("
                    + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(service + ": interrupted while waiting for " + origin(uri));
        }
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            String why = reason.apply(json).filter(text -> !text.isBlank())
                    .orElse("HTTP " + status);
            throw new ProviderException(service + " refused the request: " + cut(why));
        }
        if (json.isMissingNode()) {
            throw new ProviderException(service + ": the answer from " + origin(uri) + " is not JSON");
        }
        return json;
    }

    private ProviderException noAnswer(URI uri) {
        return new ProviderException(service + ": no answer from " + origin(uri) + " within " + seconds(timeout));
    }

    /** Reads {@code error} and {@code error_description} of an OAuth 2.0 error body (RFC 6749, section 5.2). */
    public static Optional<String> oauthError(JsonNode body) {
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        if (error.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(description.isEmpty() ? error : error + ": " + description);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The scheme, host and port: paths may carry names the user did not write, queries may carry anything. */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON) + "...";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
