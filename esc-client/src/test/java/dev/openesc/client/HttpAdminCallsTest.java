package dev.openesc.client;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.api.EscException;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retraction, settings and the administrative calls of the HTTP client against a real server: values and failures.
 */
class HttpAdminCallsTest {

    @TempDir
    static Path data;
    static RunningServer server;
    static HttpEscService client;
    static Caller caller;

    @BeforeAll
    static void start() throws Exception {
        server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (Storage storage = Storage.open(DatabaseUrl.sqliteFile(data.resolve(EscServer.DATABASE_FILE)).jdbcUrl(),
                LocalMasterKey.loadOrCreate(data.resolve(EscServer.MASTER_KEY_FILE)), SessionPolicy.defaults(),
                DatabaseOptions.defaults())) {
            storage.identity().createUser("zoe", "Zoe Example", "zoe@example.com");
        }
        client = new HttpEscService(URI.create(server.publicUrl()),
                Files.readString(data.resolve(EscServer.ADMIN_TOKEN_FILE)).strip());
        caller = client.authenticate(null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void retractedRevisionsReadBackWithTheirRetraction() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "retracted");
        client.createEnvironment(caller, ref);
        for (String v : new String[] {"a", "b", "c"}) {
            client.updateEnvironment(caller, ref, ("values: {v: " + v + "}\n").getBytes(StandardCharsets.UTF_8),
                    Precondition.none());
        }
        client.retractRevision(caller, ref, "2", 3L, "line one\nline two");
        EnvironmentRevision second = client.listRevisions(caller, ref, null, null).stream()
                .filter(r -> r.number() == 2).findFirst().orElseThrow();
        assertThat(second.retracted().replacement()).isEqualTo(3);
        assertThat(second.retracted().reason()).isEqualTo("line one\nline two");
        assertThat(second.retracted().byLogin()).isEqualTo("admin");
        assertThat(second.retracted().at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1,
                ChronoUnit.MINUTES));
        assertThatThrownBy(() -> client.getDefinition(caller, ref, "2")).isInstanceOf(EscException.NotFound.class)
                .hasMessageContaining("retracted");
        assertThatThrownBy(() -> client.retractRevision(caller, ref, "4", null, null))
                .isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> client.retractRevision(caller, ref, "2", null, null))
                .isInstanceOf(EscException.Conflict.class);
    }

    @Test
    void settingsRoundTripAndAProtectedDeleteIsTyped() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "protected");
        client.createEnvironment(caller, ref);
        assertThat(client.getEnvironmentSettings(caller, ref)).isEqualTo(EnvironmentSettings.DEFAULTS);

        assertThat(client.updateEnvironmentSettings(caller, ref, new EnvironmentSettingsChange(true))
                .deletionProtected()).isTrue();
        // An empty change sends no field and keeps the value.
        assertThat(client.updateEnvironmentSettings(caller, ref, new EnvironmentSettingsChange(null))
                .deletionProtected()).isTrue();
        assertThatThrownBy(() -> client.deleteEnvironment(caller, ref))
                .isInstanceOf(EscException.DeletionProtected.class).hasMessageContaining("deletion protected");
        assertThat(client.headEnvironment(caller, ref).revision()).isEqualTo(1);

        assertThat(client.updateEnvironmentSettings(caller, ref, new EnvironmentSettingsChange(false))
                .deletionProtected()).isFalse();
        client.deleteEnvironment(caller, ref);
        assertThatThrownBy(() -> client.getEnvironmentSettings(caller, ref)).isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> client.updateEnvironmentSettings(caller, ref, new EnvironmentSettingsChange(true)))
                .isInstanceOf(EscException.NotFound.class);
    }

    @Test
    void membersRoundTrip() {
        OrgMember added = client.addMember(caller, "admin", "zoe", OrgRole.MEMBER);
        assertThat(added.name()).isEqualTo("Zoe Example");
        assertThat(added.email()).isEqualTo("zoe@example.com");
        assertThat(added.joined()).isNotNull();
        assertThat(client.listMembers(caller, "admin")).extracting(OrgMember::login, OrgMember::role)
                .contains(org.assertj.core.groups.Tuple.tuple("zoe", OrgRole.MEMBER),
                        org.assertj.core.groups.Tuple.tuple("admin", OrgRole.ADMIN));
        assertThat(client.changeMemberRole(caller, "admin", "zoe", OrgRole.ADMIN).role()).isEqualTo(OrgRole.ADMIN);
        assertThatThrownBy(() -> client.addMember(caller, "admin", "zoe", OrgRole.MEMBER))
                .isInstanceOf(EscException.Conflict.class);
        client.removeMember(caller, "admin", "zoe");
        assertThatThrownBy(() -> client.removeMember(caller, "admin", "zoe")).isInstanceOf(EscException.NotFound.class);
        assertThatThrownBy(() -> client.removeMember(caller, "admin", "admin")).isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> client.listMembers(caller, "nosuchorg")).isInstanceOf(EscException.NotFound.class);
    }

    @Test
    void usersCreatedWithAFirstTokenPagedAndDeleted() {
        Instant expires = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        CreatedUser yan = client.createUser(caller, "admin",
                new NewUser("yan", "Yan Example", "yan@example.com", OrgRole.MEMBER, "first", expires));
        assertThat(yan.member()).extracting(OrgMember::login, OrgMember::name, OrgMember::role)
                .containsExactly("yan", "Yan Example", OrgRole.MEMBER);
        NewAccessToken token = yan.token().orElseThrow();
        assertThat(token.token().expires()).isEqualTo(expires);
        HttpEscService asYan = new HttpEscService(URI.create(server.publicUrl()), token.secret());
        assertThat(asYan.authenticate(null, null).login()).isEqualTo("yan");
        assertThat(client.createUser(caller, "admin", new NewUser("yoko", null, null, OrgRole.MEMBER, null, null))
                .token()).isEmpty();

        java.util.List<String> paged = new java.util.ArrayList<>();
        String next = null;
        do {
            Page<OrgMember> page = client.listMembers(caller, "admin", next, 1);
            assertThat(page.items()).hasSize(1);
            page.items().forEach(m -> paged.add(m.login()));
            next = page.nextToken();
        } while (next != null);
        assertThat(paged).isSorted().contains("admin", "yan", "yoko")
                .isEqualTo(client.listMembers(caller, "admin").stream().map(OrgMember::login).toList());

        assertThatThrownBy(() -> client.createUser(caller, "admin", new NewUser("yan", null, null, OrgRole.MEMBER,
                null, null))).isInstanceOf(EscException.Conflict.class);
        assertThatThrownBy(() -> client.createUser(caller, "admin", new NewUser("y/n", null, null, OrgRole.MEMBER,
                null, null))).isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> asYan.createUser(asYan.authenticate(null, null), "admin",
                new NewUser("yul", null, null, OrgRole.MEMBER, null, null))).isInstanceOf(EscException.Forbidden.class);
        assertThatThrownBy(() -> client.listMembers(caller, "admin", "%%", 0))
                .isInstanceOf(EscException.InvalidRequest.class);

        client.deleteUser(caller, "admin", "yan");
        client.deleteUser(caller, "admin", "yoko");
        assertThatThrownBy(() -> asYan.authenticate(null, null)).isInstanceOf(EscException.Unauthorized.class);
        assertThatThrownBy(() -> client.deleteUser(caller, "admin", "yan")).isInstanceOf(EscException.NotFound.class);
    }

    @Test
    void tokensRoundTripAndARevokedOneStopsAtOnce() {
        Instant expires = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        NewAccessToken created = client.createToken(caller, "from the client", expires);
        HttpEscService viaNew = new HttpEscService(URI.create(server.publicUrl()), created.secret());
        assertThat(viaNew.authenticate(null, null).login()).isEqualTo("admin");

        AccessTokenInfo listed = client.listTokens(caller).stream().filter(t -> t.id().equals(created.token().id()))
                .findFirst().orElseThrow();
        assertThat(listed.description()).isEqualTo("from the client");
        assertThat(listed.expires()).isEqualTo(expires);
        assertThat(listed.lastUsed()).isNotNull();
        assertThat(listed.revoked()).isNull();

        client.revokeToken(caller, created.token().id());
        assertThatThrownBy(() -> viaNew.authenticate(null, null)).isInstanceOf(EscException.Unauthorized.class);
        assertThat(client.listTokens(caller)).filteredOn(t -> t.id().equals(created.token().id())).singleElement()
                .satisfies(t -> assertThat(t.revoked()).isNotNull());
        assertThatThrownBy(() -> client.createToken(caller, " ", null)).isInstanceOf(EscException.InvalidRequest.class);
    }

    @Test
    void auditEventsWithFilters() {
        EnvironmentRef ref = new EnvironmentRef("admin", "client", "audited");
        client.createEnvironment(caller, ref);
        Page<AuditEntry> creates = client.listAuditEvents(caller, "admin",
                new AuditQuery(Instant.now().minus(Duration.ofHours(1)), null, "ENVIRONMENT_CREATE", null, 50));
        assertThat(creates.items()).isNotEmpty().allSatisfy(e -> assertThat(e.action()).isEqualTo("ENVIRONMENT_CREATE"));
        assertThat(creates.items()).anySatisfy(e -> {
            assertThat(e.environment()).isEqualTo("audited");
            assertThat(e.project()).isEqualTo("client");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.revision()).isEqualTo(1L);
            assertThat(e.source()).isEqualTo("127.0.0.1");
        });
        Page<AuditEntry> first = client.listAuditEvents(caller, "admin", new AuditQuery(null, null, null, null, 1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.nextToken()).isNotNull();
        Page<AuditEntry> second = client.listAuditEvents(caller, "admin",
                new AuditQuery(null, null, null, first.nextToken(), 1));
        assertThat(second.items().get(0).id()).isLessThan(first.items().get(0).id());
        assertThatThrownBy(() -> client.listAuditEvents(caller, "admin", new AuditQuery(null, null, "bogus", null, null)))
                .isInstanceOf(EscException.InvalidRequest.class);
    }
}
