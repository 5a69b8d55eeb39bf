package dev.openesc.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request logs, body limits on chunked bodies, and a shutdown that finishes the requests in flight. */
class OperationsTest {

    private static final String ENV = "/api/esc/environments/admin/ops/app";

    @Test
    @SuppressWarnings("try") // closed early on purpose: the logs and files are read after the stop
    void requestLogsNameTheRouteStatusAndUserButNoTokenBodyOrQuery(@TempDir Path data) {
        String logs;
        String token;
        try (CapturedLogs captured = new CapturedLogs(); RestServer server = RestServer.start(data)) {
            token = server.adminToken;
            server.call("POST", "/api/esc/environments/admin", "{\"project\":\"ops\",\"name\":\"app\"}");
            server.call("PATCH", ENV + "?marker=query-marker-123", "values:\n  note: body-marker-456\n");
            server.callWith("esc_wrong-token-789", "GET", ENV, null);
            server.call("GET", "/api/esc/environments/admin/ops/a%0Ab", null);
            server.close();
            logs = captured.text();
        }
        assertThat(logs).contains("method=\"PATCH\" path=\"/api/esc/environments/admin/ops/app\" "
                        + "route=\"/api/esc/environments/{org}/{project}/{env}\" status=\"200\"")
                .contains("user=\"admin\"")
                .contains("method=\"GET\" path=\"/api/esc/environments/admin/ops/app\" "
                        + "route=\"/api/esc/environments/{org}/{project}/{env}\" status=\"401\"")
                .doesNotContain(token).doesNotContain("wrong-token-789")
                .doesNotContain("body-marker-456").doesNotContain("query-marker-123")
                .doesNotContain("Authorization");
        assertThat(logs.lines().filter(line -> line.contains("a\nb") || line.equals("b"))).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIs413AndNothingChanges(@TempDir Path data) throws Exception {
        try (RestServer server = RestServer.start(data, c -> c.withMaxBodyBytes(64 * 1024))) {
            server.call("POST", "/api/esc/environments/admin", "{\"project\":\"ops\",\"name\":\"app\"}");
            byte[] big = ("values:\n  blob: " + "z".repeat(200 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.url(ENV)))
                    .header("Authorization", "token " + server.adminToken)
                    .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":413");
            assertThat(server.call("GET", ENV, null).headers().firstValue("Pulumi-ESC-Revision")).contains("1");
            assertThat(server.call("PATCH", ENV, "values: {small: 1}\n").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shutdownFinishesRequestsInFlightAndRefusesNewOnes(@TempDir Path data) throws Exception {
        RestServer server = RestServer.start(data);
        server.call("POST", "/api/esc/environments/admin", "{\"project\":\"ops\",\"name\":\"app\"}");
        String body = "values:\n  finished: yes\n";
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + ENV + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: token " + server.adminToken
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body.substring(0, 10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the handler now waits for the rest of the body

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertThat(stopping).isNotDone();
            assertThatThrownBy(() -> new Socket("127.0.0.1", server.server.port()).close())
                    .isInstanceOf(ConnectException.class);

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 200");
            stopping.get(20, TimeUnit.SECONDS);
        }
        try (RestServer again = RestServer.startExisting(data)) {
            assertThat(again.call("GET", ENV, null).body()).contains("finished: yes");
        }
    }
}
