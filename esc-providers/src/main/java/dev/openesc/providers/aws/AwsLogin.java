package dev.openesc.providers.aws;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ExpiringProvider;
import dev.openesc.providers.LoginContext;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.identity.TokenRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fn::open::aws-login}: AWS credentials, either a role session that AWS STS grants for a token of our
 * issuer ({@code oidc}) or keys written in the environment ({@code static}). Inputs and outputs are the
 * reference's; the output also carries {@code expiration} for role sessions.
 */
public final class AwsLogin implements ExpiringProvider {

    /** The name environments call it by. */
    public static final String NAME = "aws-login";

    /** A token only has to outlive the call that spends it, and the issuer signs none for longer than an hour. */
    private static final Duration LONGEST_TOKEN = Duration.ofHours(1);

    private static final Schema INPUTS = inputSchema(
            Arrays.stream(SubjectAttribute.values()).map(SubjectAttribute::attributeName).toList());
    private static final Schema OUTPUTS = Schema.object()
            .properties(Map.of(
                    SessionCredentials.ACCESS_KEY_ID, Schema.string().secret().build(),
                    SessionCredentials.SECRET_ACCESS_KEY, Schema.string().secret().build(),
                    SessionCredentials.SESSION_TOKEN, Schema.string().secret().build(),
                    SessionCredentials.EXPIRATION, Schema.string()
                            .description("When the role session ends (RFC 3339); absent for static keys").build()))
            .required(SessionCredentials.ACCESS_KEY_ID, SessionCredentials.SECRET_ACCESS_KEY,
                    SessionCredentials.SESSION_TOKEN)
            .build();

    private final IdentityTokens tokens;
    private final RoleSessions sessions;

    /** Role sessions from AWS STS at the endpoint and region of {@code settings}. */
    public AwsLogin(ProviderSettings settings, IdentityTokens tokens) {
        this(tokens, new StsRoleSessions(settings));
    }

    AwsLogin(IdentityTokens tokens, RoleSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public Schema inputSchema() {
        return INPUTS;
    }

    @Override
    public Schema outputSchema() {
        return OUTPUTS;
    }

    @Override
    public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
        AwsLoginRequest request = AwsLoginRequest.from(inputs);
        if (request instanceof AwsLoginRequest.Static keys) {
            return keys.credentials().toValue();
        }
        AwsLoginRequest.Oidc oidc = (AwsLoginRequest.Oidc) request;
        IdToken token;
        try {
            token = tokens.issue(tokenRequest(oidc, LoginContext.of(context)));
        } catch (IdentityTokenException e) {
            throw new ProviderException("aws-login: " + e.getMessage());
        }
        return sessions.assume(oidc, token).toValue();
    }

    @Override
    public Optional<Instant> expiresAt(Value output) {
        return SessionCredentials.expirationOf(output);
    }

    /** The token AWS is shown: audience {@code aws:<org>}, the subject the request's attributes ask for. */
    static TokenRequest tokenRequest(AwsLoginRequest.Oidc oidc, LoginContext login) {
        TokenRequest unaddressed = new TokenRequest(login.org(), login.rootEnvironment(), login.currentEnvironment(),
                login.user(), "", oidc.subjectAttributes(), shorter(oidc.duration(), LONGEST_TOKEN));
        return new TokenRequest(login.org(), login.rootEnvironment(), login.currentEnvironment(), login.user(),
                Audience.AWS.of(login.org(), unaddressed.rootProject()), oidc.subjectAttributes(),
                unaddressed.lifetime());
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Schema inputSchema(java.util.List<String> attributeNames) {
        Schema nonEmpty = Schema.string().minLength(1).build();
        Schema oidc = Schema.object()
                .properties(Map.of(
                        "roleArn", Schema.string().minLength(1).description("The ARN of the role to assume").build(),
                        "sessionName", Schema.string().minLength(1).description("The name of the role session").build(),
                        "duration", Schema.string().description("The role session's length, e.g. 1h (default 2h)")
                                .build(),
                        "policyArns", Schema.array().items(nonEmpty)
                                .description("Managed policies that further restrict the session").build(),
                        "subjectAttributes", Schema.array().items(Schema.string().enumValues(
                                        attributeNames.toArray()).build())
                                .description("What the token's subject names besides the organization").build()))
                .required("roleArn", "sessionName")
                .build();
        Schema statics = Schema.object()
                .properties(Map.of(
                        "accessKeyId", nonEmpty,
                        "secretAccessKey", nonEmpty,
                        "sessionToken", Schema.string().build()))
                .required("accessKeyId", "secretAccessKey")
                .build();
        return Schema.object()
                .properties(Map.of("oidc", oidc, "static", statics))
                // Exactly one form. (A closed schema would fail silently: the evaluator reports no message for
                // a property that `additionalProperties: false` refuses.)
                .minProperties(1)
                .maxProperties(1)
                .build();
    }
}
