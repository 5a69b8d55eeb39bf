package dev.openesc.providers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server on a free port standing in for a cloud API: it records every request and answers each path
 * with a scripted status and JSON body. A path set to {@link #hang} never answers (until the server closes), for
 * the bounded-wait tests.
 */
public final class StubServer implements AutoCloseable {

    /** One request as it arrived; header names in lower case. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** How a path answers: a whole response, nothing at all, or the headers and then nothing. */
    private record Answer(int status, String body, boolean hang, boolean stallBody) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private StubServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static StubServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-server");
            thread.setDaemon(true);
            return thread;
        });
        StubServer stub = new StubServer(server, threads);
        server.createContext("/", stub::handle);
        server.setExecutor(threads);
        server.start();
        return stub;
    }

    /** Answers POSTs to {@code path} with {@code status} and the JSON {@code body}. */
    public StubServer answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body, false, false));
        return this;
    }

    /** Never answers {@code path}. */
    public StubServer hang(String path) {
        answers.put(path, new Answer(0, "", true, false));
        return this;
    }

    /** Answers {@code path} with a status and headers promising a body that never comes. */
    public StubServer stallBody(String path) {
        answers.put(path, new Answer(200, "", false, true));
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI uri(String path) {
        return uri().resolve(path);
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The one request made to {@code path}; fails when there was none or more. */
    public Recorded only(String path) {
        List<Recorded> matching = requests.stream().filter(request -> request.path().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one request to " + path + ", got " + requests);
        }
        return matching.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
            Answer answer = answers.getOrDefault(path,
                    new Answer(404, "{\"error\":\"not_found\",\"error_description\":\"no stub for " + path + "\"}",
                            false, false));
            if (answer.stallBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
            }
            if (answer.hang() || answer.stallBody()) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
