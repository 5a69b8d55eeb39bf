package dev.openesc.server.rgw;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openesc.server.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A running server's REST API as a client calls it, with one token: for the tests and the benchmark that open
 * environments with {@code fn::open::aws-login} through the whole server.
 */
public final class ServerRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningServer server;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    public ServerRest(RunningServer server, String token) {
        this.server = server;
        this.token = token;
    }

    /** Creates {@code <org>/<project>/<name>} with {@code yaml} as its definition; fails on any refusal. */
    public void define(String org, String project, String name, String yaml) {
        expect(call("POST", "/api/esc/environments/" + org, "{\"project\":\"" + project + "\",\"name\":\"" + name
                + "\"}"), 204);
        expect(call("PATCH", "/api/esc/environments/" + org + "/" + project + "/" + name, yaml), 200);
    }

    /** Opens the environment and reads its values back: the values, or the open's error answer. */
    public HttpResponse<String> open(String org, String project, String name) {
        String env = "/api/esc/environments/" + org + "/" + project + "/" + name;
        HttpResponse<String> opened = call("POST", env + "/open", null);
        if (opened.statusCode() != 200) {
            return opened;
        }
        try {
            return call("GET", env + "/open/" + JSON.readTree(opened.body()).get("id").asText(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.publicUrl() + path))
                .header("Authorization", "token " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
