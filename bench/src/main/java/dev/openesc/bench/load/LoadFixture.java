package dev.openesc.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The environment the load benchmark reads and opens, written through the REST API like any client
 * would: {@code bench/app} with 50 values (45 plain or interpolated, 5 {@code fn::secret}) importing
 * {@code bench/base-a}, {@code bench/base-b} and {@code bench/base-c} (10 values each).
 */
final class LoadFixture {

    static final String ORG = "admin";
    static final String PROJECT = "bench";
    static final String APP = "app";
    static final String[] IMPORTS = {"base-a", "base-b", "base-c"};

    private LoadFixture() {
    }

    /** The API path of an environment of the benchmark's project. */
    static String path(String name) {
        return "/api/esc/environments/" + ORG + "/" + PROJECT + "/" + name;
    }

    /** The admin token a first start wrote into the data folder. */
    static String adminToken(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
    }

    /** Creates the imports and the environment on a running server; returns the definition's size in bytes. */
    static int seed(URI server, String token) throws IOException {
        try (HttpConnection http = new HttpConnection(server, token)) {
            for (String name : IMPORTS) {
                write(http, name, importDefinition(name));
            }
            write(http, APP, appDefinition());
            return ClosedLoop.expect(200, http.get(path(APP))).body().length;
        }
    }

    private static void write(HttpConnection http, String name, String yaml) throws IOException {
        String create = "{\"project\":\"" + PROJECT + "\",\"name\":\"" + name + "\"}";
        HttpConnection.Response created = http.post("/api/esc/environments/" + ORG,
                create.getBytes(StandardCharsets.UTF_8));
        if (created.status() != 200 && created.status() != 204) {
            throw new IOException("creating " + name + ": " + created.status() + " " + created.text());
        }
        ClosedLoop.expect(200, http.send("PATCH", path(name), yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static String importDefinition(String name) {
        String key = name.replace('-', '_');
        StringBuilder yaml = new StringBuilder("values:\n");
        for (int i = 0; i < 10; i++) {
            yaml.append("  ").append(key).append('_').append(i).append(": ").append(name).append("-value-").append(i)
                    .append('\n');
        }
        return yaml.toString();
    }

    /** 45 values, every fifth interpolating an imported one, and 5 secrets written in plaintext. */
    static String appDefinition() {
        StringBuilder yaml = new StringBuilder("imports:\n");
        for (String name : IMPORTS) {
            yaml.append("  - ").append(PROJECT).append('/').append(name).append('\n');
        }
        yaml.append("values:\n");
        for (int i = 0; i < 45; i++) {
            yaml.append("  value").append(i).append(": ");
            if (i % 5 == 0) {
                String imported = IMPORTS[i % 3].replace('-', '_');
                yaml.append("\"prefix-${").append(imported).append('_').append(i % 10).append("}-").append(i)
                        .append("\"\n");
            } else {
                yaml.append("plain-value-number-").append(i).append('\n');
            }
        }
        for (int i = 0; i < 5; i++) {
            yaml.append("  secret").append(i).append(":\n    fn::secret: super-secret-text-").append(i).append('\n');
        }
        return yaml.toString();
    }
}
