package dev.openesc.server.http;

import dev.openesc.server.ServerConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint of the contract, on its success path: statuses, headers and body shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiContractTest {

    private static final String BASE = "/api/esc/environments/admin";
    private static final String SDK_012 = "esc-sdk/ts/v0.12.4";

    RestServer server;

    /** SQLite in the data folder; {@code RestApiContractOnPostgresTest} moves the suite onto PostgreSQL. */
    ServerConfig onDatabase(ServerConfig config) {
        return config;
    }

    @BeforeAll
    void start(@TempDir Path data) {
        server = RestServer.start(data, this::onDatabase);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String create(String project, String name) {
        HttpResponse<String> created = server.call("POST", BASE, "{\"project\":\"" + project + "\",\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        return BASE + "/" + project + "/" + name;
    }

    @Test
    void createAnswers204ForCurrentClientsAnd200ForSdk012AndStartsEmptyAtRevision1() {
        String env = create("contract", "created");
        HttpResponse<String> old = server.call("POST", BASE, "{\"project\":\"contract\",\"name\":\"created-012\"}",
                "User-Agent", SDK_012);
        assertThat(old.statusCode()).isEqualTo(200);

        HttpResponse<String> get = server.call("GET", env, null, "Accept", "application/vnd.pulumi+8");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEmpty(); // never "{}", which a client trying JSON first would take for JSON
        assertThat(get.headers().firstValue("Pulumi-ESC-Revision")).contains("1");
        assertThat(get.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void definitionsAreGzippedOnlyForClientsThatAskForIt() {
        String env = create("contract", "large");
        String yaml = "values:\n" + IntStream.range(0, 100)
                .mapToObj(i -> "  k" + i + ": value number " + i + "\n").collect(Collectors.joining());
        assertThat(server.call("PATCH", env, yaml).statusCode()).isEqualTo(200);

        HttpResponse<String> plain = server.call("GET", env, null);
        HttpResponse<String> gzipped = server.call("GET", env, null, "Accept-Encoding", "gzip");

        assertThat(plain.body()).isEqualTo(yaml);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-yaml"));
    }

    @Test
    void patchTakesYamlUnderAnyContentTypeAndHeadAnswersTheNewVersion() {
        String env = create("contract", "patched");
        String before = server.call("HEAD", env, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> patch = server.call("PATCH", env, "values:\n  greeting: hello\n",
                "Content-Type", "application/json", "Accept", "application/vnd.pulumi+8");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        assertThat(server.json(patch)).isEmpty();
        assertThat(patch.headers().firstValue("Pulumi-ESC-Revision")).contains("2");

        HttpResponse<String> head = server.call("HEAD", env, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Pulumi-ESC-Revision")).contains("2");
        assertThat(head.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(before))
                .isEqualTo(patch.headers().firstValue("ETag"));
        assertThat(server.call("GET", env, null).body()).isEqualTo("values:\n  greeting: hello\n");
    }

    @Test
    void updatesGuardedByTheEtagInIfMatchOrInAnEtagHeader() {
        String env = create("contract", "guarded");
        String etag = server.call("HEAD", env, null).headers().firstValue("ETag").orElseThrow();
        assertThat(server.call("PATCH", env, "values: {a: 1}\n", "ETag", etag).statusCode()).isEqualTo(200);
        String next = server.call("HEAD", env, null).headers().firstValue("ETag").orElseThrow();
        assertThat(server.call("PATCH", env, "values: {a: 2}\n", "If-Match", next).statusCode()).isEqualTo(200);
        assertThat(server.call("PATCH", env, "values: {a: 3}\n", "ETag", etag).statusCode()).isEqualTo(409);
        assertThat(server.call("PATCH", env, "values: {a: 3}\n", "If-Match", next).statusCode()).isEqualTo(409);
        assertThat(server.call("GET", env, null).body()).contains("a: 2");
    }

    @Test
    void listsEnvironmentsOfTheOrgAndOfAllTheCallersOrgs() {
        create("listing", "one");
        create("listing", "two");
        Map<String, Object> page = server.json(server.call("GET", BASE + "?continuationToken=", null));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> envs = (List<Map<String, Object>>) page.get("environments");
        assertThat(envs).anySatisfy(e -> assertThat(e).containsEntry("organization", "admin")
                .containsEntry("project", "listing").containsEntry("name", "two")
                .containsKeys("created", "modified"));
        assertThat(page.get("nextToken")).isIn(null, "");
        assertThat(server.call("GET", "/api/esc/environments", null).body()).contains("\"listing\"");
    }

    @Test
    void revisionsNewestFirstWithPagingAndEachVersionReadable() {
        String env = create("contract", "revised");
        server.call("PATCH", env, "values: {v: 2}\n");
        server.call("PATCH", env, "values: {v: 3}\n");
        HttpResponse<String> all = server.call("GET", env + "/versions?before=&count=", null);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).startsWith("[{\"number\":3,");
        assertThat(server.call("GET", env + "/versions?before=3&count=1", null).body())
                .startsWith("[{\"number\":2,").doesNotContain("\"number\":1");
        assertThat(all.body()).contains("\"creatorLogin\":\"admin\"").contains("\"tags\":[\"latest\"]");

        HttpResponse<String> v2 = server.call("GET", env + "/versions/2", null);
        assertThat(v2.body()).isEqualTo("values: {v: 2}\n");
        assertThat(v2.headers().firstValue("Pulumi-ESC-Revision")).contains("2");
        assertThat(server.call("GET", env + "/versions/latest", null).body()).contains("v: 3");
        assertThat(server.call("GET", env + "/versions/2/decrypt", null).body()).contains("v: 2");
    }

    @Test
    void revisionTagsCrud() {
        String env = create("contract", "tagged");
        server.call("PATCH", env, "values: {v: 2}\n");
        String tags = env + "/versions/tags";
        assertThat(server.call("POST", tags, "{\"name\":\"stable\",\"revision\":1}").statusCode()).isEqualTo(204);
        assertThat(server.call("POST", tags, "{\"name\":\"head\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> list = server.call("GET", tags + "?after=&count=", null);
        assertThat(list.body()).contains("\"name\":\"head\",\"revision\":2").contains("\"nextToken\":\"\"");
        assertThat(list.body().indexOf("\"head\"")).isLessThan(list.body().indexOf("\"latest\""));
        assertThat(server.call("GET", tags + "?after=latest", null).body()).contains("stable").doesNotContain("head");
        assertThat(server.json(server.call("GET", tags + "/stable", null))).containsEntry("revision", 1)
                .containsKeys("created", "modified", "editorLogin", "editorName");
        assertThat(server.call("PATCH", tags + "/stable", "{\"revision\":2}").statusCode()).isEqualTo(204);
        assertThat(server.call("GET", env + "/versions/stable", null).body()).contains("v: 2");
        assertThat(server.call("DELETE", tags + "/stable", null).statusCode()).isEqualTo(204);
        assertThat(server.call("GET", tags + "/stable", null).statusCode()).isEqualTo(404);
    }

    @Test
    void environmentTagsCrudAndAnEmptyListIsAnEmptyMap() {
        String env = create("contract", "labelled");
        String tags = env + "/tags";
        assertThat(server.call("GET", tags, null).body()).contains("\"tags\":{}");
        HttpResponse<String> created = server.call("POST", tags, "{\"name\":\"owner\",\"value\":\"team-a\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(server.json(created)).containsEntry("name", "owner").containsEntry("value", "team-a");
        assertThat(server.call("GET", tags, null).body()).contains("\"owner\":{\"name\":\"owner\"");
        HttpResponse<String> updated = server.call("PATCH", tags + "/owner",
                "{\"currentTag\":{\"value\":\"team-a\"},\"newTag\":{\"name\":\"team\",\"value\":\"b\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(server.json(server.call("GET", tags + "/team", null))).containsEntry("value", "b");
        assertThat(server.call("DELETE", tags + "/team", null).statusCode()).isEqualTo(204);
        assertThat(server.call("GET", tags, null).body()).contains("\"tags\":{}");
    }

    @Test
    void openWithAnEmptyFormBodyThenReadAllAndOneProperty() {
        String env = create("contract", "session-test");
        server.call("PATCH", env, "values:\n  a:\n    b: [x, y]\n  pulumiConfig:\n    app:x: cfg\n");
        HttpResponse<String> open = server.call("POST", env + "/open?duration=2h0m0s", "",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        String id = (String) server.json(open).get("id");
        assertThat(server.call("GET", env + "/open/" + id, null).body()).contains("\"properties\"");
        assertThat(server.json(server.call("GET", env + "/open//" + id + "?property=a.b[1]", null)))
                .containsEntry("value", "y");
        assertThat(server.json(server.call("GET", env + "/open/" + id + "?property="
                + java.net.URLEncoder.encode("pulumiConfig[\"app:x\"]", java.nio.charset.StandardCharsets.UTF_8), null)))
                .containsEntry("value", "cfg");
        assertThat(server.call("POST", env + "/versions/1/open", null).statusCode()).isEqualTo(200);

        String empty = create("contract", "empty-session");
        String emptyId = (String) server.json(server.call("POST", empty + "/open", null)).get("id");
        assertThat(server.call("GET", empty + "/open/" + emptyId, null).body()).isEqualTo("{}");
    }

    @Test
    void anonymousYamlOpenAndCheck() {
        HttpResponse<String> open = server.call("POST", BASE + "/yaml/open", "values: {k: v}\n");
        assertThat(open.statusCode()).isEqualTo(200);
        String id = (String) server.json(open).get("id");
        HttpResponse<String> property = server.call("GET", BASE + "/yaml/open/" + id + "?property=k", null);
        assertThat(property.statusCode()).as(property.body()).isEqualTo(200);
        assertThat(server.json(property)).containsEntry("value", "v");
        assertThat(server.call("GET", BASE + "/yaml/open/" + id, null).body()).contains("\"<yaml>\"");

        HttpResponse<String> ok = server.call("POST", BASE + "/yaml/check", "values: {foo: bar}\n",
                "Content-Type", "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(server.json(ok)).containsKey("properties").doesNotContainKey("diagnostics");

        HttpResponse<String> bad = server.call("POST", BASE + "/yaml/check",
                "values:\n  foo: bar\n  pulumiConfig:\n    foo: ${bad_ref}\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"diagnostics\":[{\"summary\":\"unknown property \\\"bad_ref\\\"\"")
                .contains("\"range\"");
        assertThat((List<?>) server.json(bad).get("diagnostics")).hasSize(1);
    }

    @Test
    void cloneThenDeleteWithTheStatusEachClientExpects() {
        String env = create("contract", "source");
        server.call("PATCH", env, "values: {c: 1}\n");
        HttpResponse<String> clone = server.call("POST", env + "/clone",
                "{\"project\":\"contract\",\"name\":\"copy\",\"preserveHistory\":true}");
        assertThat(clone.statusCode()).as(clone.body()).isEqualTo(204);
        assertThat(server.call("GET", BASE + "/contract/copy/versions", null).body()).contains("\"number\":2");
        assertThat(server.call("DELETE", BASE + "/contract/copy", null).statusCode()).isEqualTo(204);
        assertThat(server.call("DELETE", env, null, "User-Agent", SDK_012).statusCode()).isEqualTo(200);
        assertThat(server.call("GET", env, null).statusCode()).isEqualTo(404);
    }

    @Test
    void userEndpointsForTheReferenceCli() {
        Map<String, Object> user = server.json(server.call("GET", "/api/user", null));
        assertThat(user).containsEntry("githubLogin", "admin");
        assertThat(user.get("organizations").toString()).contains("githubLogin=admin");
        assertThat(server.json(server.call("GET", "/api/user/organizations/default", null)))
                .containsEntry("gitHubLogin", "admin");
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        assertThat(server.callWith(null, "GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(server.callWith(null, "GET", "/readyz", null).body()).contains("ready");
        server.call("GET", "/api/user", null);
        HttpResponse<String> metrics = server.callWith(null, "GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/user\"")
                .contains("jvm_memory_used_bytes");
    }
}
