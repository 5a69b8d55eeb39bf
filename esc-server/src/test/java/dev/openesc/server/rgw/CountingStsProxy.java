package dev.openesc.server.rgw;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes STS calls through to RGW unchanged and counts the {@code AssumeRoleWithWebIdentity} ones: the server is
 * pointed at it ({@code --aws-sts-endpoint}) so a test sees how often the cloud was really called.
 */
final class CountingStsProxy implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger assumeCalls = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CountingStsProxy(HttpServer server) {
        this.server = server;
    }

    static CountingStsProxy to(String upstream) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountingStsProxy proxy = new CountingStsProxy(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (new String(body, StandardCharsets.UTF_8).contains("Action=AssumeRoleWithWebIdentity")) {
                    proxy.assumeCalls.incrementAndGet();
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                                URI.create(upstream + exchange.getRequestURI().toString()))
                        .timeout(Duration.ofSeconds(30))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    forward.header("Content-Type", type);
                }
                HttpResponse<byte[]> answer = proxy.client.send(forward.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type")
                        .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
                int length = answer.body().length;
                exchange.sendResponseHeaders(answer.statusCode(), length == 0 ? -1 : length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return proxy;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int assumeCalls() {
        return assumeCalls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
