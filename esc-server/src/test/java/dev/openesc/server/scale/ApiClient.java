package dev.openesc.server.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The few REST calls the scale tests make, over java.net.http against one replica. A request that gets
 * no answer within {@link #ANSWER_BOUND} fails with an {@link IOException} (HttpTimeoutException), so a
 * hanging server shows up as a failed test rather than a stuck build.
 */
final class ApiClient {

    static final Duration ANSWER_BOUND = Duration.ofSeconds(20);
    static final String ORG = "admin";
    static final String PROJECT = "scale";

    /** A definition as read: its ETag, or the status that refused it. */
    record Read(int status, String etag) {
    }

    private final HttpClient http;
    private final String base;
    private final String token;

    ApiClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    static ApiClient to(int port, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new ApiClient(http, "http://127.0.0.1:" + port, token);
    }

    HttpResponse<String> send(String method, String path, String body, String ifMatch) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_BOUND)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String path(String env) {
        return "/api/esc/environments/" + ORG + "/" + PROJECT + "/" + env;
    }

    int create(String env) throws IOException, InterruptedException {
        return send("POST", "/api/esc/environments/" + ORG,
                "{\"project\":\"" + PROJECT + "\",\"name\":\"" + env + "\"}", null).statusCode();
    }

    Read read(String env) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path(env), null, null);
        Optional<String> etag = response.headers().firstValue("ETag");
        return new Read(response.statusCode(), etag.orElse(null));
    }

    /** Writes {@code values: {marker: <marker>}} if the definition still has {@code etag}; the status. */
    HttpResponse<String> update(String env, String etag, String marker) throws IOException, InterruptedException {
        return send("PATCH", path(env), "values:\n  marker: " + marker + "\n", etag);
    }

    int status(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null).statusCode();
    }
}
