package dev.openesc.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.identity.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsLoginTest {

    private static final Instant EXPIRES = Instant.parse("2026-01-01T01:00:00Z");

    /** Issues a fake token and remembers what was asked. */
    static final class RecordingTokens implements IdentityTokens {
        final List<TokenRequest> requests = new ArrayList<>();

        @Override
        public IdToken issue(TokenRequest request) {
            requests.add(request);
            return new IdToken("header.payload.signature", "kid-1", request.subject(), request.audience(),
                    EXPIRES);
        }
    }

    /** STS that grants every role, remembering what it was shown. */
    static final class GrantingSts implements RoleSessions {
        final List<AwsLoginRequest.Oidc> requests = new ArrayList<>();
        final List<IdToken> tokens = new ArrayList<>();

        @Override
        public SessionCredentials assume(AwsLoginRequest.Oidc request, IdToken token) {
            requests.add(request);
            tokens.add(token);
            return new SessionCredentials("ASIAROLE", "role-secret", "role-session", Optional.of(EXPIRES));
        }
    }

    private final RecordingTokens tokens = new RecordingTokens();
    private final GrantingSts sts = new GrantingSts();
    private final AwsLogin provider = new AwsLogin(tokens, sts);

    private EvalResult evaluate(String yaml, boolean check) {
        ProviderLoader loader = new ProviderLoader() {
            @Override
            public Provider loadProvider(String name) throws ProviderException {
                if (!AwsLogin.NAME.equals(name)) {
                    throw new ProviderException("unknown provider \"" + name + "\"");
                }
                return provider;
            }

            @Override
            public Rotator loadRotator(String name) throws ProviderException {
                throw new ProviderException("unknown rotator \"" + name + "\"");
            }
        };
        ExecContext context = ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of(
                "organization", Value.ofMap(Map.of("login", Value.ofString("acme"))),
                "user", Value.ofMap(Map.of("login", Value.ofString("alice")))))));
        Loader.Loaded loaded = Loader.load("payments/dev", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.diagnostics().hasErrors()).isFalse();
        EvalRequest request = new EvalRequest("payments/dev", loaded.decl(), c -> c, loader,
                EnvironmentLoader.none(), context);
        return check ? Evaluator.check(request, false) : Evaluator.evaluate(request);
    }

    private static List<String> errors(EvalResult result) {
        return result.diagnostics().asList().stream().map(Diagnostic::summary).toList();
    }

    private static String login(String body) {
        return "values:\n  aws:\n    login:\n      fn::open::aws-login:\n" + body;
    }

    @Test
    void oidcOpensARoleSessionWithATokenForAwsOfTheOrganization() {
        EvalResult result = evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                          duration: 30m
                          policyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
                """), false);

        assertThat(errors(result)).isEmpty();
        Map<String, Value> login = result.environment().properties().get("aws").asMap().get("login").asMap();
        assertThat(login.get("accessKeyId").value()).isEqualTo("ASIAROLE");
        assertThat(login.get("secretAccessKey").secret()).isTrue();
        assertThat(login.get("sessionToken").value()).isEqualTo("role-session");
        assertThat(login.get("expiration").value()).isEqualTo("2026-01-01T01:00:00Z");

        TokenRequest asked = tokens.requests.get(0);
        assertThat(asked.audience()).isEqualTo("aws:acme");
        assertThat(asked.subject()).isEqualTo("pulumi:environments:org:acme:env:payments/dev");
        assertThat(asked.triggerUser()).isEqualTo("alice");
        assertThat(asked.lifetime()).isEqualTo(Duration.ofMinutes(30));
        AwsLoginRequest.Oidc shown = sts.requests.get(0);
        assertThat(shown.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/deploy");
        assertThat(shown.sessionName()).isEqualTo("esc");
        assertThat(shown.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(shown.policyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(sts.tokens.get(0).token()).isEqualTo("header.payload.signature");
    }

    @Test
    void subjectAttributesShapeTheSubjectAndTheTokenNeverOutlivesAnHour() {
        EvalResult result = evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                          subjectAttributes: [currentEnvironment.name, pulumi.user.login]
                """), false);

        assertThat(errors(result)).isEmpty();
        TokenRequest asked = tokens.requests.get(0);
        assertThat(asked.subjectAttributes())
                .containsExactly(SubjectAttribute.CURRENT_ENVIRONMENT_NAME, SubjectAttribute.USER_LOGIN);
        assertThat(asked.subject()).isEqualTo("pulumi:environments:pulumi.organization.login:acme"
                + ":currentEnvironment.name:payments/dev:pulumi.user.login:alice");
        assertThat(sts.requests.get(0).duration()).as("the reference's default session").isEqualTo(Duration.ofHours(2));
        assertThat(asked.lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theLegacyProjectKeepsTheBareOrganizationAsAudience() {
        TokenRequest request = AwsLogin.tokenRequest(new AwsLoginRequest.Oidc("arn", "s", Duration.ofHours(1),
                List.of(), List.of()), new dev.openesc.providers.LoginContext("acme", "dev", "dev", "alice"));
        assertThat(request.audience()).isEqualTo("acme");
    }

    @Test
    void staticKeysComeBackSecretWithoutExpiryAndWithoutCallingStsOrTheIssuer() {
        EvalResult result = evaluate(login("""
                        static:
                          accessKeyId: AKIAEXAMPLE
                          secretAccessKey:
                            fn::secret: shhh
                """), false);

        assertThat(errors(result)).isEmpty();
        Value login = result.environment().properties().get("aws").asMap().get("login");
        Map<String, Value> fields = login.asMap();
        assertThat(fields.get("accessKeyId").value()).isEqualTo("AKIAEXAMPLE");
        assertThat(fields.get("secretAccessKey").value()).isEqualTo("shhh");
        assertThat(fields.get("secretAccessKey").secret()).isTrue();
        assertThat(fields.get("sessionToken").value()).isEqualTo("");
        assertThat(fields).doesNotContainKey("expiration");
        assertThat(provider.expiresAt(login)).isEmpty();
        assertThat(tokens.requests).isEmpty();
        assertThat(sts.requests).isEmpty();
    }

    @Test
    void checkRejectsInputsOutsideTheSchemaWithoutOpening() {
        assertThat(errors(evaluate(login("""
                        oidc:
                          sessionName: esc
                """), true))).anySatisfy(e -> assertThat(e).contains("roleArn"));
        assertThat(errors(evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                          subjectAttributes: [pulumi.user.email]
                """), true))).isNotEmpty();
        assertThat(errors(evaluate(login("""
                        static:
                          accessKeyId: AKIAEXAMPLE
                """), true))).anySatisfy(e -> assertThat(e).contains("secretAccessKey"));
        assertThat(errors(evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                        static:
                          accessKeyId: AKIAEXAMPLE
                          secretAccessKey: x
                """), true))).isNotEmpty();
        assertThat(errors(evaluate(login("""
                        {}
                """), true))).isNotEmpty();
        assertThat(tokens.requests).isEmpty();
    }

    @Test
    void aWellFormedLoginPassesCheck() {
        assertThat(errors(evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                          duration: 1h
                          subjectAttributes: [rootEnvironment.name]
                """), true))).isEmpty();
    }

    @Test
    void aBadDurationIsADiagnosticAtTheOpen() {
        EvalResult result = evaluate(login("""
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                          duration: an hour
                """), false);
        assertThat(errors(result)).singleElement()
                .satisfies(e -> assertThat(e).contains("invalid duration \"an hour\""));
        assertThat(sts.requests).isEmpty();
    }

    @Test
    void anIssuerFailureSaysWhyAndNeverCallsSts() {
        AwsLogin local = new AwsLogin(IdentityTokens.unavailable("OIDC logins need a server"), sts);
        assertThatThrownBy(() -> local.open(Map.of("oidc", Value.ofMap(Map.of(
                "roleArn", Value.ofString("arn:aws:iam::1:role/r"), "sessionName", Value.ofString("s")))),
                ExecContext.empty()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("aws-login: OIDC logins need a server");
        assertThat(sts.requests).isEmpty();
    }

    @Test
    void goDurationsReadAsTheReferenceWritesThem() {
        assertThat(SessionDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SessionDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SessionDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SessionDuration.parse("3600s")).isEqualTo(Duration.ofHours(1));
        assertThat(SessionDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        for (String bad : List.of("", "1", "h", "1d", "-1h", "1h x", ".h")) {
            assertThatThrownBy(() -> SessionDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void credentialsNeverShowInTheirTextForm() {
        SessionCredentials credentials = new SessionCredentials("ASIAROLE", "role-secret", "role-session",
                Optional.of(EXPIRES));
        assertThat(credentials.toString()).doesNotContain("ASIAROLE", "role-secret", "role-session");
        assertThat(credentials.toValue().toString()).doesNotContain("ASIAROLE", "role-secret", "role-session");
    }

    @Test
    void anIdentityExceptionTypeIsWhatTheIssuerThrows() {
        // The provider maps exactly this type; a different one would escape as an internal error.
        IdentityTokens failing = request -> {
            throw new IdentityTokenException("the OIDC issuer has no signing key yet");
        };
        AwsLogin withoutKey = new AwsLogin(failing, sts);
        assertThatThrownBy(() -> withoutKey.open(Map.of("oidc", Value.ofMap(Map.of(
                "roleArn", Value.ofString("arn:aws:iam::1:role/r"), "sessionName", Value.ofString("s")))),
                ExecContext.empty()))
                .hasMessageContaining("no signing key yet");
    }
}
