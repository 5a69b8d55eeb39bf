package dev.openesc.server.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration endpoints and retraction over HTTP, each status of each, on a server over SQLite and
 * on one over PostgreSQL: {@code /api/orgs/{org}/members}, {@code /api/user/tokens},
 * {@code /api/orgs/{org}/auditlogs}, {@code POST .../versions/{version}/retract} and
 * {@code GET/PATCH .../settings} with the deletion protection it guards.
 */
class AdminRestApiTest {

    private static final String MEMBERS = "/api/orgs/admin/members";
    private static final String AUDIT = "/api/orgs/admin/auditlogs";
    private static final String TOKENS = "/api/user/tokens";

    @TempDir
    static Path data;
    static EmbeddedPostgres postgres;
    static AdminServer sqlite;
    static AdminServer postgresql;

    @BeforeAll
    static void start() throws Exception {
        sqlite = AdminServer.start(Files.createDirectories(data.resolve("sqlite")), null);
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start();
        postgresql = AdminServer.start(Files.createDirectories(data.resolve("postgresql")),
                postgres.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {sqlite, postgresql, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static AdminServer server(String database) {
        return database.equals("sqlite") ? sqlite : postgresql;
    }

    private static Map<String, Object> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return status == 204 || response.body().isEmpty() ? Map.of() : json(response.body());
    }

    private static void error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<String, Object> body = json(response.body());
        assertThat(body).containsEntry("code", status);
        assertThat((String) body.get("message")).isNotBlank().doesNotContain("Exception");
    }

    @SuppressWarnings("unchecked")
    private static <T> T json(String text) {
        try {
            return (T) Json.MAPPER.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void members(String database) {
        AdminServer s = server(database);
        Map<String, Object> listed = ok(s.call(s.admin, "GET", MEMBERS, null), 200);
        assertThat(list(listed.get("members"))).singleElement().satisfies(m -> {
            assertThat(map(m)).containsEntry("role", "admin");
            assertThat(map(map(m).get("user"))).containsEntry("githubLogin", "admin");
        });
        error(s.call(null, "GET", MEMBERS, null), 401);
        error(s.call(s.mallory, "GET", MEMBERS, null), 404);
        error(s.call(s.mallory, "POST", MEMBERS + "/mallory", "{\"role\":\"admin\"}"), 404);
        error(s.call(s.mallory, "DELETE", MEMBERS + "/admin", null), 404);

        Map<String, Object> added = ok(s.call(s.admin, "POST", MEMBERS + "/bob", "{\"role\":\"member\"}"), 200);
        assertThat(added).containsEntry("role", "member");
        assertThat(map(added.get("user"))).containsEntry("githubLogin", "bob").containsEntry("name", "Bob");
        error(s.call(s.admin, "POST", MEMBERS + "/bob", "{\"role\":\"member\"}"), 409);
        error(s.call(s.admin, "POST", MEMBERS + "/nobody", null), 404);
        error(s.call(s.admin, "POST", MEMBERS + "/dave", "{\"role\":\"owner\"}"), 400);
        error(s.call(s.admin, "POST", MEMBERS + "/dave", "["), 400);

        // A member may not administer: 403, with the org's other admin calls alike.
        error(s.call(s.bob, "GET", MEMBERS, null), 403);
        error(s.call(s.bob, "POST", MEMBERS + "/dave", null), 403);
        error(s.call(s.bob, "PATCH", MEMBERS + "/bob", "{\"role\":\"admin\"}"), 403);
        error(s.call(s.bob, "GET", AUDIT, null), 403);

        error(s.call(s.admin, "PATCH", MEMBERS + "/bob", "{}"), 400);
        error(s.call(s.admin, "PATCH", MEMBERS + "/dave", "{\"role\":\"admin\"}"), 404);
        assertThat(ok(s.call(s.admin, "PATCH", MEMBERS + "/bob", "{\"role\":\"admin\"}"), 200))
                .containsEntry("role", "admin");
        assertThat(list(ok(s.call(s.bob, "GET", MEMBERS, null), 200).get("members"))).hasSize(2);
        ok(s.call(s.bob, "PATCH", MEMBERS + "/bob", "{\"role\":\"member\"}"), 200);

        error(s.call(s.admin, "DELETE", MEMBERS + "/admin", null), 409);
        error(s.call(s.admin, "PATCH", MEMBERS + "/admin", "{\"role\":\"member\"}"), 409);
        ok(s.call(s.admin, "DELETE", MEMBERS + "/bob", null), 204);
        error(s.call(s.admin, "DELETE", MEMBERS + "/bob", null), 404);
        error(s.call(s.bob, "GET", MEMBERS, null), 404);
        assertThat(list(ok(s.call(s.admin, "GET", MEMBERS, null), 200).get("members"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void usersCreatedAndDeletedByAnOrgAdmin(String database) {
        AdminServer s = server(database);
        String users = "/api/orgs/" + AdminServer.OTHER_ORG + "/users";
        String login = "una-" + database;
        HttpResponse<String> response = s.call(s.mallory, "POST", users, "{\"login\":\"" + login
                + "\",\"name\":\"Una\",\"email\":\"una@example.com\",\"role\":\"admin\","
                + "\"token\":{\"description\":\"first\"}}");
        Map<String, Object> created = ok(response, 201);
        assertThat(created).containsEntry("role", "admin");
        assertThat(map(created.get("user"))).containsEntry("githubLogin", login).containsEntry("name", "Una")
                .containsEntry("email", "una@example.com");
        String tokenId = (String) map(created.get("token")).get("id");
        String secret = (String) map(created.get("token")).get("tokenValue");
        assertThat(secret).startsWith("esc_");
        assertThat(map(ok(s.call(secret, "GET", "/api/user", null), 200))).containsEntry("githubLogin", login);

        String member = "mo-" + database;
        String memberSecret = (String) map(ok(s.call(secret, "POST", users, "{\"login\":\"" + member
                + "\",\"token\":{\"description\":\"first\"}}"), 201).get("token")).get("tokenValue");

        List<String> refused = new ArrayList<>();
        for (String body : List.of("{\"login\":\"" + login + "\"}", "{\"login\":\"..\"}", "{\"login\":\"a/b\"}",
                "{\"login\":\"a\\u0000b\"}", "{\"login\":\"\u0430dmin\"}", "{\"login\":\"" + "x".repeat(101) + "\"}",
                "{}", "[", "{\"login\":\"nina\",\"role\":\"owner\"}",
                "{\"login\":\"nina\",\"token\":{\"description\":\"\"}}",
                "{\"login\":\"nina\",\"token\":{\"description\":\"old\",\"expires\":1000}}",
                "{\"login\":\"nina\",\"token\":{\"description\":\"far\",\"expires\":" + Long.MAX_VALUE + "}}")) {
            HttpResponse<String> answer = s.call(s.mallory, "POST", users, body);
            refused.add(answer.statusCode() + " " + body);
            error(answer, body.contains(login) ? 409 : 400);
            assertThat(answer.body()).doesNotContain(secret).doesNotContain(s.mallory);
        }
        error(s.call(memberSecret, "POST", users, "{\"login\":\"nina\"}"), 403);
        error(s.call(s.bob, "POST", users, "{\"login\":\"nina\"}"), 404);
        error(s.call(null, "POST", users, "{\"login\":\"nina\"}"), 401);
        // None of the refusals wrote anything: the login is still free.
        assertThat(map(ok(s.call(s.mallory, "POST", users, "{\"login\":\"nina-" + database + "\"}"), 201)
                .get("user"))).containsEntry("githubLogin", "nina-" + database)
                .containsEntry("name", "nina-" + database);

        String memberPath = "/api/orgs/" + AdminServer.OTHER_ORG + "/members";
        List<String> logins = new ArrayList<>();
        String next = "";
        do {
            Map<String, Object> page = ok(s.call(s.mallory, "GET", memberPath + "?count=1&continuationToken=" + next,
                    null), 200);
            assertThat(list(page.get("members"))).hasSize(1);
            list(page.get("members")).forEach(m -> logins.add((String) map(map(m).get("user")).get("githubLogin")));
            next = (String) page.get("continuationToken");
        } while (next != null);
        assertThat(logins).containsExactly("mallory", member, "nina-" + database, login);
        assertThat(ok(s.call(s.mallory, "GET", memberPath, null), 200)).doesNotContainKey("continuationToken");
        error(s.call(s.mallory, "GET", memberPath + "?continuationToken=%25%25", null), 400);

        String audit = "/api/orgs/" + AdminServer.OTHER_ORG + "/auditlogs";
        HttpResponse<String> uses = s.call(s.mallory, "GET", audit + "?eventFilter=token_use&count=1000", null);
        assertThat(list(ok(uses, 200).get("auditLogEvents"))).anySatisfy(e -> {
            assertThat(map(e)).containsEntry("detail", "token " + tokenId).containsEntry("sourceIP", "127.0.0.1");
            assertThat(map(map(e).get("user"))).containsEntry("githubLogin", login);
        });
        assertThat(list(ok(s.call(s.mallory, "GET", audit + "?eventFilter=user_create", null), 200)
                .get("auditLogEvents"))).hasSize(3);
        assertThat(s.call(s.mallory, "GET", audit + "?count=1000", null).body()).doesNotContain(secret)
                .doesNotContain(memberSecret).doesNotContain(s.mallory);

        error(s.call(memberSecret, "DELETE", users + "/" + login, null), 403);
        error(s.call(s.bob, "DELETE", users + "/" + login, null), 404);
        error(s.call(null, "DELETE", users + "/" + login, null), 401);
        error(s.call(s.mallory, "DELETE", users + "/nobody", null), 404);
        ok(s.call(s.mallory, "DELETE", users + "/" + login, null), 204);
        error(s.call(secret, "GET", "/api/user", null), 401);
        error(s.call(s.mallory, "DELETE", users + "/" + login, null), 404);
        error(s.call(s.mallory, "DELETE", users + "/mallory", null), 409);
        assertThat(list(ok(s.call(s.mallory, "GET", audit + "?eventFilter=user_delete", null), 200)
                .get("auditLogEvents"))).singleElement()
                .satisfies(e -> assertThat(map(e)).containsEntry("detail", "delete user " + login
                        + " and their 1 access token(s)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void tokens(String database) {
        AdminServer s = server(database);
        long expires = Instant.now().plusSeconds(3600).getEpochSecond();
        Map<String, Object> created = ok(s.call(s.dave, "POST", TOKENS,
                "{\"description\":\"ci\",\"expires\":" + expires + "}"), 200);
        String id = (String) created.get("id");
        String secret = (String) created.get("tokenValue");
        assertThat(secret).startsWith("esc_");
        assertThat(map(ok(s.call(secret, "GET", "/api/user", null), 200))).containsEntry("githubLogin", "dave");

        HttpResponse<String> listed = s.call(s.dave, "GET", TOKENS, null);
        assertThat(listed.body()).doesNotContain(secret);
        Map<String, Object> token = list(ok(listed, 200).get("tokens")).stream().map(AdminRestApiTest::map)
                .filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
        assertThat(token).containsEntry("description", "ci").containsEntry("revoked", false)
                .doesNotContainKey("revokedAt");
        assertThat(((Number) token.get("expires")).longValue()).isEqualTo(expires);
        assertThat(((Number) token.get("lastUsed")).longValue()).isPositive();
        assertThat(s.call(s.admin, "GET", TOKENS, null).body()).doesNotContain(id);

        error(s.call(s.admin, "DELETE", TOKENS + "/" + id, null), 404);
        ok(s.call(s.dave, "DELETE", TOKENS + "/" + id, null), 204);
        error(s.call(secret, "GET", "/api/user", null), 401);
        assertThat(list(ok(s.call(s.dave, "GET", TOKENS, null), 200).get("tokens")).stream().map(AdminRestApiTest::map)
                .filter(t -> id.equals(t.get("id")))).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("revoked", true).containsKey("revokedAt"));
        ok(s.call(s.dave, "DELETE", TOKENS + "/" + id, null), 204);
        error(s.call(s.dave, "DELETE", TOKENS + "/tok-nosuch", null), 404);

        error(s.call(s.dave, "POST", TOKENS, "{}"), 400);
        error(s.call(s.dave, "POST", TOKENS, "{\"description\":5}"), 400);
        error(s.call(s.dave, "POST", TOKENS, "{\"description\":\"" + "x".repeat(501) + "\"}"), 400);
        error(s.call(s.dave, "POST", TOKENS, "{\"description\":\"old\",\"expires\":1000}"), 400);
        error(s.call(null, "POST", TOKENS, "{\"description\":\"anon\"}"), 401);
        error(s.call(null, "GET", TOKENS, null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void auditLog(String database) {
        AdminServer s = server(database);
        String env = "/api/esc/environments/admin/audit-" + database + "/probe";
        ok(s.call(s.admin, "POST", "/api/esc/environments/admin", "{\"project\":\"audit-" + database
                + "\",\"name\":\"probe\"}"), 204);
        ok(s.call(s.admin, "PATCH", env, "values:\n  a: 1\n"), 200);

        List<Map<String, Object>> events = new ArrayList<>();
        String next = "";
        do {
            Map<String, Object> page = ok(s.call(s.admin, "GET", AUDIT + "?count=2&continuationToken=" + next, null),
                    200);
            List<Object> items = list(page.get("auditLogEvents"));
            assertThat(items.size()).isLessThanOrEqualTo(2);
            items.forEach(e -> events.add(map(e)));
            next = (String) page.get("continuationToken");
        } while (next != null);
        assertThat(events).extracting(e -> ((Number) e.get("id")).longValue())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(events).anySatisfy(e -> {
            assertThat(e).containsEntry("event", "environment_update").containsEntry("environment", "probe")
                    .containsEntry("revision", 2).containsEntry("sourceIP", "127.0.0.1");
            assertThat(map(e.get("user"))).containsEntry("githubLogin", "admin");
            assertThat(((Number) e.get("timestamp")).longValue()).isPositive();
            assertThat((String) e.get("description")).contains("probe");
        });

        Map<String, Object> creates = ok(s.call(s.admin, "GET", AUDIT + "?eventFilter=environment_create", null), 200);
        assertThat(list(creates.get("auditLogEvents"))).isNotEmpty()
                .allSatisfy(e -> assertThat(map(e)).containsEntry("event", "environment_create"));
        long future = Instant.now().plusSeconds(86_400).getEpochSecond();
        Map<String, Object> none = ok(s.call(s.admin, "GET", AUDIT + "?startTime=" + future, null), 200);
        assertThat(list(none.get("auditLogEvents"))).isEmpty();
        assertThat(none).doesNotContainKey("continuationToken");
        assertThat(list(ok(s.call(s.admin, "GET", AUDIT + "?endTime=" + future + "&startTime=", null), 200)
                .get("auditLogEvents"))).isNotEmpty();

        error(s.call(s.admin, "GET", AUDIT + "?startTime=yesterday", null), 400);
        error(s.call(s.admin, "GET", AUDIT + "?continuationToken=zzz", null), 400);
        error(s.call(s.admin, "GET", AUDIT + "?eventFilter=nope", null), 400);
        error(s.call(s.mallory, "GET", AUDIT, null), 404);
        error(s.call(null, "GET", AUDIT, null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void retract(String database) {
        AdminServer s = server(database);
        String env = "/api/esc/environments/admin/retract-" + database + "/subject";
        ok(s.call(s.admin, "POST", "/api/esc/environments/admin", "{\"project\":\"retract-" + database
                + "\",\"name\":\"subject\"}"), 204);
        for (String v : List.of("leaked", "three", "four")) {
            ok(s.call(s.admin, "PATCH", env, "values:\n  v: " + v + "\n"), 200);
        }
        ok(s.call(s.admin, "POST", env + "/versions/tags", "{\"name\":\"stable\",\"revision\":2}"), 204);

        ok(s.call(s.admin, "POST", env + "/versions/2/retract", "{\"replacement\":3,\"reason\":\"leaked\"}"), 204);
        error(s.call(s.admin, "GET", env + "/versions/2", null), 404);
        error(s.call(s.admin, "GET", env + "/versions/2/decrypt", null), 404);
        error(s.call(s.admin, "POST", env + "/versions/2/open", null), 404);
        assertThat(s.call(s.admin, "GET", env + "/versions/stable", null).body()).contains("three");

        List<Object> revisions = json(ok200(s.call(s.admin, "GET", env + "/versions", null)));
        Map<String, Object> second = revisions.stream().map(AdminRestApiTest::map)
                .filter(r -> ((Number) r.get("number")).intValue() == 2).findFirst().orElseThrow();
        assertThat(map(second.get("retracted"))).containsEntry("replacement", 3).containsEntry("byLogin", "admin")
                .containsEntry("reason", "leaked").containsKey("at");
        assertThat(revisions.stream().map(AdminRestApiTest::map).filter(r -> r.get("number").equals(3)).findFirst()
                .orElseThrow()).containsEntry("tags", List.of("stable")).doesNotContainKey("retracted");

        error(s.call(s.admin, "POST", env + "/versions/4/retract", null), 400);
        error(s.call(s.admin, "POST", env + "/versions/latest/retract", "{}"), 400);
        error(s.call(s.admin, "POST", env + "/versions/2/retract", "{}"), 409);
        error(s.call(s.admin, "POST", env + "/versions/9/retract", "{}"), 404);
        error(s.call(s.admin, "POST", env + "/versions/1/retract", "{\"replacement\":\"three\"}"), 400);
        error(s.call(s.admin, "POST", env + "/versions/1/retract", "{\"replacement\":2}"), 409);
        error(s.call(s.mallory, "POST", env + "/versions/1/retract", "{}"), 404);
        error(s.call(null, "POST", env + "/versions/1/retract", "{}"), 401);

        // Revision 1 has nothing before it: its replacement is the latest revision.
        ok(s.call(s.admin, "POST", env + "/versions/1/retract", null), 204);
        List<Object> after = json(ok200(s.call(s.admin, "GET", env + "/versions", null)));
        assertThat(map(map(after.get(after.size() - 1)).get("retracted"))).containsEntry("replacement", 4)
                .doesNotContainKey("reason");
    }

    private static String ok200(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void settingsAndDeletionProtection(String database) {
        AdminServer s = server(database);
        String env = "/api/esc/environments/admin/settings-" + database + "/subject";
        ok(s.call(s.admin, "POST", "/api/esc/environments/admin", "{\"project\":\"settings-" + database
                + "\",\"name\":\"subject\"}"), 204);
        ok(s.call(s.admin, "PATCH", env, "values:\n  v: 1\n"), 200);
        assertThat(ok(s.call(s.admin, "GET", env + "/settings", null), 200)).isEqualTo(Map.of("deletionProtected", false));

        HttpResponse<String> patched = s.call(s.admin, "PATCH", env + "/settings", "{\"deletionProtected\":true}");
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        assertThat(ok(s.call(s.admin, "GET", env + "/settings", null), 200)).isEqualTo(Map.of("deletionProtected", true));

        // The delete is refused with 409 and a message naming the protection, as the reference CLI looks for it.
        HttpResponse<String> refused = s.call(s.admin, "DELETE", env, null);
        error(refused, 409);
        assertThat(map(json(refused.body())).get("message")).isEqualTo(
                "environment admin/settings-" + database + "/subject is deletion protected");
        assertThat(s.call(s.admin, "GET", env, null).body()).contains("v: 1");

        // An empty or null field is no change; a wrong type or body is a 400 that changes nothing.
        ok(s.call(s.admin, "PATCH", env + "/settings", "{}"), 204);
        ok(s.call(s.admin, "PATCH", env + "/settings", null), 204);
        ok(s.call(s.admin, "PATCH", env + "/settings", "{\"deletionProtected\":null}"), 204);
        error(s.call(s.admin, "PATCH", env + "/settings", "{\"deletionProtected\":\"false\"}"), 400);
        error(s.call(s.admin, "PATCH", env + "/settings", "[false]"), 400);
        assertThat(ok(s.call(s.admin, "GET", env + "/settings", null), 200)).isEqualTo(Map.of("deletionProtected", true));

        error(s.call(s.mallory, "GET", env + "/settings", null), 404);
        error(s.call(s.mallory, "PATCH", env + "/settings", "{\"deletionProtected\":false}"), 404);
        error(s.call(null, "GET", env + "/settings", null), 401);
        error(s.call(s.admin, "GET", env + "-nope/settings", null), 404);
        error(s.call(s.admin, "PATCH", env + "-nope/settings", "{\"deletionProtected\":true}"), 404);

        List<Object> audit = list(ok(s.call(s.admin, "GET", AUDIT + "?eventFilter=environment_settings_write", null),
                200).get("auditLogEvents"));
        assertThat(audit).isNotEmpty().allSatisfy(e -> assertThat(map(e)).containsEntry("project", "settings-" + database));

        ok(s.call(s.admin, "PATCH", env + "/settings", "{\"deletionProtected\":false}"), 204);
        assertThat(s.call(s.admin, "DELETE", env, null).statusCode()).isIn(200, 204);
        error(s.call(s.admin, "GET", env, null), 404);
    }
}
