package dev.openesc.providers.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.oidc.LoginTokens;
import dev.openesc.providers.testing.Bodies;
import dev.openesc.providers.testing.Contexts;
import dev.openesc.providers.testing.RecordingTokens;
import dev.openesc.providers.testing.StubServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * vault-login against a stub of Vault's HTTP API that checks every field of the documented requests
 * (https://developer.hashicorp.com/vault/api-docs/auth/jwt#jwt-login,
 * https://developer.hashicorp.com/vault/api-docs/auth/token#create-token).
 */
class VaultLoginContractTest {

    private static final String LOGIN_ANSWER = "{\"request_id\":\"8f3e\",\"lease_id\":\"\",\"renewable\":false,"
            + "\"lease_duration\":0,\"data\":null,\"auth\":{\"client_token\":\"hvs.CAESIJwt\",\"accessor\":\"acc1\","
            + "\"policies\":[\"default\",\"reader\"],\"token_policies\":[\"default\",\"reader\"],"
            + "\"lease_duration\":2764800,\"renewable\":true,\"entity_id\":\"e1\",\"token_type\":\"service\","
            + "\"orphan\":true}}";
    private static final String CREATE_ANSWER = "{\"auth\":{\"client_token\":\"hvs.CAESIchild\",\"accessor\":\"acc2\","
            + "\"policies\":[\"kv-read\"],\"lease_duration\":3600,\"renewable\":true}}";

    private final RecordingTokens tokens = new RecordingTokens();
    private final ExecContext context = Contexts.opening("acme", "payments/prod", "alice");
    private StubServer vault;

    @BeforeEach
    void start() throws IOException {
        vault = StubServer.start();
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private VaultLogin provider(Optional<URI> override, Duration timeout) {
        ProviderSettings settings = new ProviderSettings(Optional.empty(), ProviderSettings.DEFAULT_AWS_REGION,
                Optional.empty(), Optional.empty(), Optional.empty(), override, timeout);
        return new VaultLogin(settings, new LoginTokens(tokens));
    }

    private VaultLogin provider() {
        return provider(Optional.empty(), Duration.ofSeconds(10));
    }

    @Test
    void logsInWithOurTokenAtTheJwtMount() throws Exception {
        vault.answer("/v1/auth/jwt/login", 200, LOGIN_ANSWER);
        String address = vault.uri() + "/";

        Value out = provider().open(Map.of(
                "address", Value.ofString(address),
                "namespace", Value.ofString("admin/payments"),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader")))), context);

        assertThat(tokens.only().audience()).isEqualTo("acme");
        assertThat(tokens.only().subject()).isEqualTo("pulumi:environments:org:acme:env:payments/prod");
        StubServer.Recorded login = vault.only("/v1/auth/jwt/login");
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.header("X-Vault-Namespace")).isEqualTo("admin/payments");
        assertThat(login.header("X-Vault-Request")).isEqualTo("true");
        assertThat(login.header("X-Vault-Token")).isNull();
        assertThat(login.header("Content-Type")).isEqualTo("application/json");
        assertThat(Bodies.json(login.body())).isEqualTo(Bodies.json(
                "{\"jwt\":\"" + tokens.lastToken() + "\",\"role\":\"esc-reader\"}"));

        assertThat(out.asMap()).containsOnlyKeys("address", "namespace", "token");
        assertThat(out.asMap().get("address").value()).isEqualTo(address);
        assertThat(out.asMap().get("namespace").value()).isEqualTo("admin/payments");
        assertThat(out.asMap().get("token").value()).isEqualTo("hvs.CAESIJwt");
        assertThat(out.asMap().get("token").secret()).isTrue();
    }

    @Test
    void aNamedMountAndSubjectAttributesAreUsed() throws Exception {
        vault.answer("/v1/auth/pulumi/jwt/login", 200, LOGIN_ANSWER);

        Value out = provider().open(Map.of(
                "address", Value.ofString(vault.uri().toString()),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader"),
                        "mount", Value.ofString("pulumi/jwt"),
                        "subjectAttributes", Value.ofList(List.of(Value.ofString("rootEnvironment.name")))))), context);

        assertThat(vault.only("/v1/auth/pulumi/jwt/login").header("X-Vault-Namespace")).isNull();
        assertThat(tokens.only().subjectAttributes()).containsExactly(SubjectAttribute.ROOT_ENVIRONMENT_NAME);
        assertThat(out.asMap()).doesNotContainKey("namespace");
    }

    @Test
    void theTokenFormCreatesAChildOfTheGivenToken() throws Exception {
        vault.answer("/v1/auth/token/create", 200, CREATE_ANSWER);

        Value out = provider().open(Map.of(
                "address", Value.ofString(vault.uri().toString()),
                "namespace", Value.ofString("admin"),
                "token", Value.ofMap(Map.of(
                        "token", Value.ofString("hvs.parent").makeSecret(),
                        "displayName", Value.ofString("esc-token"),
                        "maxTtl", Value.ofString("1h"),
                        "metadata", Value.ofMap(Map.of("team", Value.ofString("payments"))),
                        "policies", Value.ofList(List.of(Value.ofString("kv-read")))))), context);

        StubServer.Recorded create = vault.only("/v1/auth/token/create");
        assertThat(create.header("X-Vault-Token")).isEqualTo("hvs.parent");
        assertThat(create.header("X-Vault-Namespace")).isEqualTo("admin");
        assertThat(Bodies.json(create.body())).isEqualTo(Bodies.json("{\"display_name\":\"esc-token\","
                + "\"policies\":[\"kv-read\"],\"meta\":{\"team\":\"payments\"},\"explicit_max_ttl\":\"1h\"}"));
        assertThat(tokens.requests()).isEmpty();
        assertThat(out.asMap().get("token").value()).isEqualTo("hvs.CAESIchild");
    }

    @Test
    void theTokenFormDefaultsItsDisplayName() throws Exception {
        vault.answer("/v1/auth/token/create", 200, CREATE_ANSWER);

        provider().open(Map.of("address", Value.ofString(vault.uri().toString()),
                "token", Value.ofMap(Map.of("token", Value.ofString("hvs.parent")))), context);

        assertThat(Bodies.json(vault.only("/v1/auth/token/create").body()))
                .isEqualTo(Bodies.json("{\"display_name\":\"pulumi\"}"));
    }

    @Test
    void theServersVaultAddressWinsButTheOutputKeepsTheEnvironmentsOne() throws Exception {
        vault.answer("/v1/auth/jwt/login", 200, LOGIN_ANSWER);

        Value out = provider(Optional.of(vault.uri()), Duration.ofSeconds(10)).open(Map.of(
                "address", Value.ofString("https://vault.internal.example:8200"),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader")))), context);

        assertThat(vault.requests()).hasSize(1);
        assertThat(out.asMap().get("address").value()).isEqualTo("https://vault.internal.example:8200");
    }

    @Test
    void vaultsReasonsBecomeTheDiagnostic() {
        vault.answer("/v1/auth/jwt/login", 400, "{\"errors\":[\"error validating token: invalid audience (aud)"
                + " claim: audience claim does not match any expected audience\"]}");

        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString(vault.uri().toString()),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader")))), context))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Vault refused the request: error validating token: invalid audience (aud) claim:"
                        + " audience claim does not match any expected audience")
                .message().doesNotContain(tokens.lastToken());
    }

    @Test
    void aRefusedParentTokenIsNotRepeated() {
        vault.answer("/v1/auth/token/create", 403, "{\"errors\":[\"permission denied\"]}");

        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString(vault.uri().toString()),
                "token", Value.ofMap(Map.of("token", Value.ofString("hvs.parent-secret")))), context))
                .hasMessage("Vault refused the request: permission denied")
                .message().doesNotContain("hvs.parent-secret");
    }

    @Test
    void aSilentVaultFailsAfterTheBoundedWait() {
        vault.hang("/v1/auth/jwt/login");

        assertThatThrownBy(() -> provider(Optional.empty(), Duration.ofMillis(250)).open(Map.of(
                "address", Value.ofString(vault.uri().toString()),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader")))), context))
                .hasMessage("Vault: no answer from http://" + vault.uri().getAuthority() + " within 250ms");
    }

    @Test
    void aVaultThatStopsMidAnswerFailsAfterTheBoundedWaitToo() {
        vault.stallBody("/v1/auth/jwt/login");

        assertThatThrownBy(() -> provider(Optional.empty(), Duration.ofMillis(500)).open(Map.of(
                "address", Value.ofString(vault.uri().toString()),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("esc-reader")))), context))
                .hasMessage("Vault: no answer from http://" + vault.uri().getAuthority() + " within 500ms");
    }

    @Test
    void addressesWithAPathAndAmbiguousFormsAreRefusedBeforeAnyCall() {
        Map<String, Value> jwt = Map.of("role", Value.ofString("esc-reader"));
        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString(vault.uri() + "/v1/secret"),
                "jwt", Value.ofMap(jwt)), context))
                .hasMessageStartingWith("address must contain a scheme and hostname, but no path");
        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString("vault:8200"),
                "jwt", Value.ofMap(jwt)), context))
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString(vault.uri().toString())), context))
                .hasMessage("vault-login needs exactly one of jwt or token");
        assertThatThrownBy(() -> provider().open(Map.of("address", Value.ofString(vault.uri().toString()),
                "jwt", Value.ofMap(Map.of("role", Value.ofString("r"), "mount", Value.ofString("../sys")))), context))
                .hasMessage("jwt.mount must be the path of an auth method, such as jwt");
        assertThat(vault.requests()).isEmpty();
    }
}
