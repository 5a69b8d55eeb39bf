package dev.openesc.server.http;

import dev.openesc.api.OrgRole;
import dev.openesc.api.Permission;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.service.AccessPolicy;
import dev.openesc.server.service.LocalEscService;
import dev.openesc.server.service.ServiceLimits;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 403: a member of the organization whose role lacks a permission (here a read-only member under a
 * stricter policy than the default) reads but cannot decrypt, open or write, and nothing changes.
 */
class ForbiddenTest {

    @Test
    void aMemberWithoutThePermissionGets403AndChangesNothing(@TempDir Path dir) throws Exception {
        AccessPolicy readOnlyMembers = new AccessPolicy(Map.of(
                OrgRole.MEMBER, EnumSet.of(Permission.READ),
                OrgRole.ADMIN, EnumSet.allOf(Permission.class)));
        try (Storage storage = Storage.open(DatabaseUrl.sqliteFile(dir.resolve("esc.db")).jdbcUrl(),
                LocalMasterKey.loadOrCreate(dir.resolve("master.key")), SessionPolicy.defaults(),
                DatabaseOptions.defaults())) {
            String admin = storage.identity().bootstrap("admin", "Admin", "acme").orElseThrow().secret();
            storage.identity().createUser("reader", "Reader", null);
            storage.identity().setMember("acme", "reader", Role.MEMBER);
            String reader = storage.identity().issueToken("reader", "test", null).secret();
            LocalEscService service = new LocalEscService(storage, ProviderLoader.none(), readOnlyMembers,
                    ServiceLimits.defaults());
            try (HttpApi api = HttpApi.start(service, HttpSettings.defaults().withAddress("127.0.0.1", 0), () -> true,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                String base = "http://127.0.0.1:" + api.port() + "/api/esc/environments/acme";
                assertThat(send(admin, "POST", base, "{\"project\":\"p\",\"name\":\"e\"}").statusCode()).isEqualTo(204);
                assertThat(send(admin, "PATCH", base + "/p/e", "values: {a: 1}\n").statusCode()).isEqualTo(200);

                assertThat(send(reader, "GET", base + "/p/e", null).body()).isEqualTo("values: {a: 1}\n");
                for (String[] call : new String[][] {
                        {"PATCH", base + "/p/e", "values: {a: 2}\n"},
                        {"GET", base + "/p/e/decrypt", null},
                        {"POST", base + "/p/e/open", null},
                        {"DELETE", base + "/p/e", null},
                        {"PATCH", base + "/p/e/settings", "{\"deletionProtected\":true}"},
                        {"POST", base, "{\"project\":\"p\",\"name\":\"planted\"}"}}) {
                    HttpResponse<String> response = send(reader, call[0], call[1], call[2]);
                    assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
                    assertThat(response.body()).startsWith("{\"code\":403,\"message\":\"");
                }
                assertThat(send(reader, "GET", base + "/p/e/settings", null).body())
                        .isEqualTo("{\"deletionProtected\":false}");
                assertThat(send(admin, "GET", base + "/p/e/versions", null).body()).startsWith("[{\"number\":2,");
                assertThat(send(admin, "GET", base, null).body()).doesNotContain("planted");
            }
        }
    }

    private static HttpResponse<String> send(String token, String method, String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "token " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
