package dev.openesc.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret written in plaintext through the API is stored encrypted: after every kind of request that
 * carries it, including failing ones, the plaintext is in no file of the data folder (the SQLite
 * database and its journals), in no log line, and in no error body.
 */
class SecretLeakTest {

    private static final String SECRET = "plaintext-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final String ENV = "/api/esc/environments/admin/app/prod";

    @Test
    @SuppressWarnings("try") // closed early on purpose: the logs and files are read after the stop
    void plaintextSecretIsNowhereButWhereItIsAskedFor(@TempDir Path data) {
        List<String> errorBodies = new ArrayList<>();
        String logs;
        try (CapturedLogs captured = new CapturedLogs(); RestServer server = RestServer.start(data)) {
            server.call("POST", "/api/esc/environments/admin", "{\"project\":\"app\",\"name\":\"prod\"}");
            String definition = "values:\n  password:\n    fn::secret: " + SECRET + "\n  user: app\n";
            assertThat(server.call("PATCH", ENV, definition).statusCode()).isEqualTo(200);

            // Failing requests that carry the secret: malformed YAML, an evaluation error, a stale etag,
            // a check with an error, an open of a bad definition, a body over the limit, no token.
            errorBodies.add(server.call("PATCH", ENV, definition + "  broken: [\n").body());
            errorBodies.add(server.call("PATCH", ENV, definition + "  ref: ${nowhere." + SECRET + "}\n").body());
            errorBodies.add(server.call("PATCH", ENV, definition + "  x: 1\n", "If-Match", "\"stale\"").body());
            errorBodies.add(server.call("POST", "/api/esc/environments/admin/yaml/check",
                    definition + "  y: ${missing}\n").body());
            errorBodies.add(server.call("POST", "/api/esc/environments/admin/yaml/open",
                    "values:\n  p:\n    fn::secret: " + SECRET + "\n  bad: ${p.nope}\n").body());
            errorBodies.add(server.call("PATCH", ENV, definition + "#" + "x".repeat(2 * 1024 * 1024)).body());
            errorBodies.add(server.callWith(null, "PATCH", ENV, definition).body());
            errorBodies.add(server.callWith("esc_" + SECRET, "GET", ENV, null).body());

            // Reading as ciphertext must not show it either.
            HttpResponse<String> get = server.call("GET", ENV, null);
            assertThat(get.body()).contains("ciphertext").doesNotContain(SECRET);

            // Where plaintext is asked for, it is there: the secret did go through.
            assertThat(server.call("GET", ENV + "/decrypt", null).body()).contains(SECRET);
            String id = (String) server.json(server.call("POST", ENV + "/open", null)).get("id");
            assertThat(server.call("GET", ENV + "/open/" + id + "?property=password", null).body()).contains(SECRET);

            server.close();
            logs = captured.text();
        }
        assertThat(errorBodies).hasSize(8).allSatisfy(body -> assertThat(body).contains("\"code\"")
                .doesNotContain(SECRET));
        assertThat(logs).contains("route=").doesNotContain(SECRET);
        assertThat(allBytesUnder(data)).contains("SQLite format 3").doesNotContain(SECRET);
    }

    /** Every file under {@code dir}, as one string of bytes (ISO-8859-1, so any byte sequence matches). */
    static String allBytesUnder(Path dir) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
