package dev.openesc.server.http;

import dev.openesc.server.ServerConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error status of the contract, each answered with the JSON error body, and after each the server
 * still serves and the environment is exactly as it was (same revision, same definition, same tags).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiErrorsTest {

    private static final String BASE = "/api/esc/environments/admin";
    private static final String ENV = BASE + "/errors/subject";

    RestServer server;
    private String before;

    /** SQLite in the data folder; {@code RestApiErrorsOnPostgresTest} moves the suite onto PostgreSQL. */
    ServerConfig onDatabase(ServerConfig config) {
        return config;
    }

    @BeforeAll
    void start(@TempDir Path data) {
        server = RestServer.start(data, this::onDatabase);
        server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"subject\"}");
        server.call("PATCH", ENV, "values:\n  kept: true\n");
        server.call("POST", ENV + "/versions/tags", "{\"name\":\"stable\"}");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void snapshot() {
        before = state();
    }

    @AfterEach
    void unchangedAndStillServing() {
        assertThat(server.call("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(state()).isEqualTo(before);
    }

    /** What must not change: head revision and etag, definition, revision list and tags. */
    private String state() {
        HttpResponse<String> get = server.call("GET", ENV, null);
        return get.headers().firstValue("Pulumi-ESC-Revision").orElse("?") + "|"
                + get.headers().firstValue("ETag").orElse("?") + "|" + get.body() + "|"
                + server.call("GET", ENV + "/versions", null).body().replaceAll("\"created\":\"[^\"]*\"", "") + "|"
                + server.call("GET", ENV + "/versions/tags", null).body() + "|"
                + server.call("GET", ENV + "/tags", null).body() + "|"
                + server.call("GET", BASE, null).body();
    }

    private Map<String, Object> error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<String, Object> body = server.json(response);
        assertThat(body).containsEntry("code", status).containsKey("message");
        assertThat((String) body.get("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    @Test
    void missingOrWrongTokenIs401() {
        error(server.callWith(null, "GET", ENV, null), 401);
        error(server.callWith(null, "PATCH", ENV, "values: {x: 1}\n"), 401);
        error(server.callWith("esc_not-a-real-token", "DELETE", ENV, null), 401);
        error(server.callWith(null, "GET", "/api/user", null), 401);
        HttpResponse<String> basic = server.callWith(null, "GET", ENV, null, "Authorization", "Basic YWRtaW46YWRtaW4=");
        error(basic, 401);
    }

    @Test
    void anotherOrganizationReadsAsNotFoundSoNamesDoNotLeak() {
        String other = server.otherToken;
        error(server.callWith(other, "GET", ENV, null), 404);
        error(server.callWith(other, "PATCH", ENV, "values: {stolen: true}\n"), 404);
        error(server.callWith(other, "DELETE", ENV, null), 404);
        error(server.callWith(other, "GET", BASE, null), 404);
        error(server.callWith(other, "POST", ENV + "/open", null), 404);
        error(server.callWith(other, "POST", BASE, "{\"project\":\"errors\",\"name\":\"planted\"}"), 404);
        // and the same for a name that does not exist at all
        assertThat(error(server.callWith(other, "GET", BASE + "/errors/nothing", null), 404).get("message"))
                .isNotNull();
    }

    @Test
    void anOpenSessionOfAnotherEnvironmentIsNotFound() {
        server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"neighbour\"}");
        String id = (String) server.json(server.call("POST", BASE + "/errors/neighbour/open", null)).get("id");
        error(server.call("GET", ENV + "/open/" + id, null), 404);
        error(server.call("GET", ENV + "/open/no-such-session", null), 404);
        error(server.callWith(server.otherToken, "GET", BASE + "/errors/neighbour/open/" + id, null), 404);
        server.call("DELETE", BASE + "/errors/neighbour", null);
    }

    @Test
    void missingThingsAre404() {
        error(server.call("GET", BASE + "/errors/missing", null), 404);
        assertThat(server.call("HEAD", BASE + "/errors/missing", null).statusCode()).isEqualTo(404);
        error(server.call("GET", ENV + "/versions/99", null), 404);
        error(server.call("GET", ENV + "/versions/nosuchtag", null), 404);
        error(server.call("GET", ENV + "/versions/tags/nosuchtag", null), 404);
        error(server.call("PATCH", ENV + "/versions/tags/nosuchtag", "{\"revision\":1}"), 404);
        error(server.call("POST", ENV + "/versions/tags", "{\"name\":\"ghost\",\"revision\":99}"), 404);
        error(server.call("GET", ENV + "/tags/nosuchtag", null), 404);
        error(server.call("DELETE", ENV + "/tags/nosuchtag", null), 404);
        error(server.call("POST", ENV + "/versions/99/open", null), 404);
        error(server.call("GET", "/api/esc/no/such/route/at/all", null), 404);
    }

    @Test
    void staleEtagAndExistingNamesAre409() {
        error(server.call("PATCH", ENV, "values: {x: 1}\n", "If-Match", "\"0123456789abcdef-1\""), 409);
        error(server.call("PATCH", ENV, "values: {x: 1}\n", "ETag", "\"0123456789abcdef-1\""), 409);
        error(server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"subject\"}"), 409);
        error(server.call("POST", ENV + "/versions/tags", "{\"name\":\"stable\"}"), 409);
        error(server.call("POST", ENV + "/clone", "{\"project\":\"errors\",\"name\":\"subject\"}"), 409);
    }

    @Test
    void malformedDefinitionsAre400WithDiagnostics() {
        Map<String, Object> syntax = error(server.call("PATCH", ENV, "values:\n  a: [unclosed\n"), 400);
        List<?> diagnostics = (List<?>) syntax.get("diagnostics");
        assertThat(diagnostics).isNotEmpty();
        assertThat(diagnostics.get(0).toString()).contains("line");

        Map<String, Object> reference = error(server.call("PATCH", ENV, "values:\n  a: ${nowhere}\n"), 400);
        assertThat(reference.get("diagnostics").toString())
                .contains("summary=unknown property \"nowhere\"")
                .contains("range={environment=errors/subject, begin={line=2, column=8");

        error(server.call("PATCH", ENV, "values: 3\n"), 400);
        error(server.call("POST", BASE + "/yaml/check", "values: [\n"), 400);
        error(server.call("POST", BASE + "/yaml/open", "values:\n  a: ${nowhere}\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a%2Fb", "x%00y", "op%D0%B5n-cyrillic-e", "caf%C3%A9", "%E2%80%AEevil", "yaml"})
    void badEnvironmentNamesAre400(String name) {
        // Jetty itself refuses some of these (an encoded NUL) with the JSON body and then closes the
        // connection: each goes on a connection of its own.
        error(server.callAlone("GET", BASE + "/errors/" + name, null), 400);
        error(server.callAlone("DELETE", BASE + "/errors/" + name, null), 400);
        error(server.callAlone("PATCH", BASE + "/errors/" + name, "values: {a: 1}\n"), 400);
    }

    @Test
    void badNamesInBodiesAre400() {
        error(server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"" + "n".repeat(101) + "\"}"), 400);
        error(server.call("POST", BASE, "{\"project\":\"..\",\"name\":\"fine\"}"), 400);
        error(server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"a\\u0000b\"}"), 400);
        error(server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"p\\u0430yments\"}"), 400); // Cyrillic a
        error(server.call("POST", BASE, "{\"project\":\"errors\"}"), 400);
        error(server.call("POST", BASE, "not json"), 400);
        error(server.call("POST", BASE, "[1,2]"), 400);
        error(server.call("POST", ENV + "/clone", "{\"project\":\"errors\",\"name\":\"a/b\"}"), 400);
        error(server.call("GET", BASE + "/errors/" + "n".repeat(101), null), 400);
        error(server.call("POST", ENV + "/open?duration=forever", null), 400);
        error(server.call("GET", ENV + "/versions?count=many", null), 400);
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "values:\n  blob: " + "x".repeat(1024 * 1024 + 10) + "\n";
        error(server.call("PATCH", ENV, big), 413);
        error(server.call("POST", BASE + "/yaml/check", big), 413);
        error(server.call("POST", BASE, "{\"project\":\"errors\",\"name\":\"big\",\"pad\":\"" + "y".repeat(1 << 21) + "\"}"), 413);
    }
}
