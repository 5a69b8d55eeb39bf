package dev.openesc.client;

import dev.openesc.api.Caller;
import dev.openesc.api.CheckResult;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.EnvironmentDefinition;
import dev.openesc.api.EnvironmentHead;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.Precondition;
import dev.openesc.api.UpdateResult;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client against a real server: every operation, and server errors back as the same exceptions. */
class HttpEscServiceTest {

    @TempDir
    static Path data;
    static RunningServer server;
    static HttpEscService client;
    static Caller caller;

    @BeforeAll
    static void start() throws Exception {
        server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String token = Files.readString(data.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
        client = new HttpEscService(URI.create(server.publicUrl()), token);
        caller = client.authenticate(null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void identity() {
        assertThat(caller.login()).isEqualTo("admin");
        assertThat(client.currentUser(caller).organizations()).extracting(m -> m.organization()).contains("admin");
        assertThat(client.defaultOrganization(caller)).contains("admin");
        HttpEscService stranger = new HttpEscService(URI.create(server.publicUrl()), "esc_nobody");
        assertThatThrownBy(() -> stranger.authenticate(null, null)).isInstanceOf(EscException.Unauthorized.class);
    }

    @Test
    void definitionLifecycleWithEtagsAndRevisions() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "life");
        client.createEnvironment(caller, ref);
        assertThatThrownBy(() -> client.createEnvironment(caller, ref)).isInstanceOf(EscException.Conflict.class);
        EnvironmentHead head = client.headEnvironment(caller, ref);
        assertThat(head.revision()).isEqualTo(1);
        assertThat(client.getDefinition(caller, ref, null).yaml()).isEmpty();

        UpdateResult updated = client.updateEnvironment(caller, ref,
                yaml("values:\n  name: app\n  pw:\n    fn::secret: hunter2\n"), Precondition.etag(head.etag()));
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.etag()).isNotEqualTo(head.etag()).isEqualTo(client.headEnvironment(caller, ref).etag());
        assertThatThrownBy(() -> client.updateEnvironment(caller, ref, yaml("values: {x: 1}\n"),
                Precondition.etag(head.etag()))).isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> client.updateEnvironment(caller, ref, yaml("values: {x: 1}\n"),
                Precondition.revision(1))).isInstanceOf(EscException.Conflict.class);
        client.updateEnvironment(caller, ref, yaml("values:\n  name: app2\n  pw:\n    fn::secret: hunter2\n"),
                Precondition.revision(2));

        EnvironmentDefinition stored = client.getDefinition(caller, ref, null);
        assertThat(stored.revision()).isEqualTo(3);
        assertThat(stored.text()).contains("ciphertext").doesNotContain("hunter2");
        assertThat(client.decryptDefinition(caller, ref, "2").text()).contains("hunter2").contains("name: app\n");
        assertThat(client.listRevisions(caller, ref, null, null)).extracting(r -> r.number()).containsExactly(3L, 2L, 1L);
        assertThat(client.listRevisions(caller, ref, 3L, 1)).extracting(r -> r.number()).containsExactly(2L);

        EscException.EvaluationFailed failed = (EscException.EvaluationFailed) org.assertj.core.api.Assertions
                .catchThrowable(() -> client.updateEnvironment(caller, ref, yaml("values:\n  a: ${missing}\n"),
                        Precondition.none()));
        assertThat(failed.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.summary()).isEqualTo("unknown property \"missing\"");
            assertThat(d.subject().start().line()).isEqualTo(2);
        });

        OrgEnvironment copy = client.cloneEnvironment(caller, ref, CloneRequest.plain("client", "life-copy"));
        assertThat(client.listEnvironments(caller, "admin", null).items()).extracting(OrgEnvironment::name)
                .contains("life", "life-copy");
        client.deleteEnvironment(caller, copy.environment());
        assertThatThrownBy(() -> client.getDefinition(caller, copy.environment(), null))
                .isInstanceOf(EscException.NotFound.class);
    }

    @Test
    void tags() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "tags");
        client.createEnvironment(caller, ref);
        client.updateEnvironment(caller, ref, yaml("values: {v: 2}\n"), Precondition.none());
        assertThat(client.createRevisionTag(caller, ref, "first", 1L).revision()).isEqualTo(1);
        assertThat(client.updateRevisionTag(caller, ref, "first", 2).revision()).isEqualTo(2);
        assertThat(client.listRevisionTags(caller, ref, null, null).items()).extracting(t -> t.name())
                .containsExactly("first", "latest");
        client.deleteRevisionTag(caller, ref, "first");
        assertThatThrownBy(() -> client.getRevisionTag(caller, ref, "first")).isInstanceOf(EscException.NotFound.class);

        assertThat(client.createEnvironmentTag(caller, ref, "team", "a").value()).isEqualTo("a");
        assertThat(client.updateEnvironmentTag(caller, ref, "team", "a", "owner", "b").name()).isEqualTo("owner");
        assertThatThrownBy(() -> client.updateEnvironmentTag(caller, ref, "owner", "stale", "owner", "c"))
                .isInstanceOf(EscException.Conflict.class);
        assertThat(client.listEnvironmentTags(caller, ref, null, null).items()).extracting(t -> t.value())
                .containsExactly("b");
        client.deleteEnvironmentTag(caller, ref, "owner");
        assertThat(client.listEnvironmentTags(caller, ref, null, null).items()).isEmpty();
    }

    @Test
    void checkAndOpen() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "evaluated");
        client.createEnvironment(caller, ref);
        client.updateEnvironment(caller, ref, yaml("values:\n  a: {b: [1, two]}\n  s:\n    fn::secret: sesame\n"),
                Precondition.none());

        CheckResult checked = client.checkYaml(caller, "admin", yaml("values: {foo: bar}\n"), false);
        assertThat(checked.diagnostics()).isEmpty();
        assertThat(checked.environment().properties().get("foo").value()).isEqualTo("bar");
        assertThat(client.checkEnvironment(caller, ref, null, false).environment().properties()).containsKey("a");
        assertThatThrownBy(() -> client.checkYaml(caller, "admin", yaml("values: {x: ${nope}}\n"), false))
                .isInstanceOfSatisfying(EscException.EvaluationFailed.class,
                        e -> assertThat(e.diagnostics()).hasSize(1));

        OpenedSession session = client.openEnvironment(caller, ref, null, Duration.ofMinutes(5));
        Environment opened = client.readOpenEnvironment(caller, ref, session.id());
        assertThat(opened.properties().get("s").value()).isEqualTo("sesame");
        assertThat(opened.properties().get("s").secret()).isTrue();
        Value two = client.readOpenProperty(caller, ref, session.id(), "a.b[1]");
        assertThat(two.value()).isEqualTo("two");

        OpenedSession anonymous = client.openYaml(caller, "admin", yaml("values: {k: v}\n"), null);
        assertThat(client.readOpenYamlProperty(caller, "admin", anonymous.id(), "k").value()).isEqualTo("v");
        assertThat(client.readOpenYaml(caller, "admin", anonymous.id()).properties()).containsKey("k");

        assertThatThrownBy(() -> client.readOpenEnvironment(caller, ref, "no-such-session"))
                .isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> client.openEnvironment(caller, ref, null, Duration.ofDays(365)))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> client.updateEnvironment(caller, ref, new byte[2 * 1024 * 1024], Precondition.none()))
                .isInstanceOf(EscException.TooLarge.class);
    }
}
