package dev.openesc.providers.gcp;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ExpiringProvider;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.oidc.Inputs;
import dev.openesc.providers.oidc.LoginProvider;
import dev.openesc.providers.oidc.LoginTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code fn::open::gcp-login}: a Google access token of a service account. With {@code oidc}, our token (audience
 * {@code gcp:<org>}) goes to Google's STS for the workload identity pool provider named by the inputs, and the
 * federated token it returns impersonates the service account. With {@code accessToken}, a given token is returned
 * as is, or impersonates {@code serviceAccount} when one is named.
 */
public final class GcpLogin extends LoginProvider implements ExpiringProvider {

    public static final String NAME = "gcp-login";

    private static final String DEFAULT_REGION = "global";
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    /** Google's own limit for generateAccessToken (an organization policy may allow up to 12 hours). */
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(12);

    private static final Schema SUBJECT_ATTRIBUTES = Schema.array().items(Schema.string())
            .description("Subject attributes to be included in the OIDC token.").build();

    private static final Schema INPUTS = Schema.object()
            .properties(Map.of(
                    "project", Schema.anyOf(Schema.number(), Schema.string()),
                    "accessToken", Schema.object()
                            .properties(Map.of(
                                    "accessToken", Schema.string().minLength(1),
                                    "serviceAccount", Schema.string(),
                                    "tokenLifetime", Schema.string()))
                            .required("accessToken"),
                    "oidc", Schema.object()
                            .properties(Map.of(
                                    "workloadPoolId", Schema.string().minLength(1),
                                    "providerId", Schema.string().minLength(1),
                                    "serviceAccount", Schema.string().minLength(1),
                                    "region", Schema.string(),
                                    "tokenLifetime", Schema.string(),
                                    "subjectAttributes", SUBJECT_ATTRIBUTES))
                            .required("workloadPoolId", "providerId", "serviceAccount")))
            .required("project")
            .build();

    private static final Schema OUTPUTS = Schema.object()
            .properties(Map.of(
                    "project", Schema.anyOf(Schema.number(), Schema.string()),
                    "accessToken", Schema.string().secret(),
                    "tokenType", Schema.string(),
                    "expiry", Schema.string()))
            .required("project", "accessToken", "tokenType")
            .build();

    private final LoginTokens tokens;
    private final GoogleTokens google;

    public GcpLogin(ProviderSettings settings, LoginTokens tokens, Clock clock) {
        super(INPUTS, OUTPUTS);
        this.tokens = tokens;
        this.google = new GoogleTokens(settings, clock);
    }

    @Override
    protected Value open(Inputs inputs, ExecContext context) throws ProviderException {
        String project = inputs.text("project");
        Optional<Inputs> oidc = inputs.object("oidc");
        Optional<Inputs> given = inputs.object("accessToken");
        if (oidc.isPresent() == given.isPresent()) {
            throw new ProviderException("gcp-login needs exactly one of oidc or accessToken");
        }
        GoogleTokens.AccessToken token = oidc.isPresent()
                ? federate(project, oidc.get(), context) : fromGiven(given.get());
        Map<String, Value> out = new TreeMap<>();
        // The project as written: the reference returns the number it was given.
        out.put("project", inputs.values().get("project").withSecret(false).withTrace(null));
        out.put("accessToken", Value.ofString(token.token()).makeSecret());
        out.put("tokenType", Value.ofString(token.type()));
        token.expiry().ifPresent(expiry -> out.put("expiry", Value.ofString(expiry.toString())));
        return Value.ofMap(out);
    }

    @Override
    public Optional<Instant> expiresAt(Value output) {
        Map<String, Value> fields = output.asMap();
        Value expiry = fields == null ? null : fields.get("expiry");
        if (expiry == null || !(expiry.value() instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private GoogleTokens.AccessToken federate(String project, Inputs oidc, ExecContext context) throws ProviderException {
        if (!project.chars().allMatch(Character::isDigit) || project.isEmpty()) {
            throw new ProviderException("project must be the numeric project number (e.g. 951040570662), not \""
                    + project + "\"");
        }
        String region = oidc.optionalString("region").filter(text -> !text.isBlank()).orElse(DEFAULT_REGION);
        String audience = GoogleTokens.poolProviderAudience(project, region, oidc.string("workloadPoolId"),
                oidc.string("providerId"));
        Duration lifetime = lifetime(oidc);
        String serviceAccount = oidc.string("serviceAccount");
        GoogleTokens.checkServiceAccount(serviceAccount);
        IdToken idToken = tokens.issue(context, Audience.GCP, oidc.strings("subjectAttributes"),
                LoginTokens.DEFAULT_LIFETIME);
        GoogleTokens.AccessToken federated = google.exchange(audience, idToken.token());
        return google.impersonate(federated.token(), serviceAccount, lifetime);
    }

    private GoogleTokens.AccessToken fromGiven(Inputs given) throws ProviderException {
        String token = given.string("accessToken");
        Optional<String> serviceAccount = given.optionalString("serviceAccount").filter(text -> !text.isBlank());
        if (serviceAccount.isEmpty()) {
            return new GoogleTokens.AccessToken(token, "Bearer", Optional.empty());
        }
        return google.impersonate(token, serviceAccount.get(), lifetime(given));
    }

    private static Duration lifetime(Inputs inputs) throws ProviderException {
        return inputs.duration("tokenLifetime", Duration.ofSeconds(1), MAX_TOKEN_LIFETIME).orElse(DEFAULT_TOKEN_LIFETIME);
    }
}
