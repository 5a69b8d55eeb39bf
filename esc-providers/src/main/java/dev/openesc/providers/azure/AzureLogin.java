package dev.openesc.providers.azure;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.oidc.Inputs;
import dev.openesc.providers.oidc.LoginProvider;
import dev.openesc.providers.oidc.LoginTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code fn::open::azure-login}: the ids of an Entra application and either a token for workload identity federation
 * ({@code oidc: true}) or its client secret. Like the reference, it does not call Entra: Azure's own tools make the
 * exchange with what it returns ({@code ARM_OIDC_TOKEN}, {@code ARM_CLIENT_ID}, ...), so the token is the credential.
 * The token's audience is {@code azure:<org>} (the bare org for the default project), the one a federated credential
 * of the application must name, unless the server sets one for every azure-login token; the subject as every login
 * provider's.
 */
public final class AzureLogin extends LoginProvider {

    public static final String NAME = "azure-login";

    private static final Schema INPUTS = Schema.object()
            .properties(Map.of(
                    "clientId", Schema.string().minLength(1).description("The client ID to use"),
                    "tenantId", Schema.string().minLength(1).description("The tenant ID to use"),
                    "subscriptionId", Schema.string().minLength(1).description("The subscription ID to use"),
                    "clientSecret", Schema.string().description("The client secret to use for authentication, if any."),
                    "oidc", Schema.bool().description("Whether to use OIDC to log in. Defaults to false."),
                    "subjectAttributes", Schema.array().items(Schema.string())
                            .description("Subject attributes to be included in the OIDC token.")))
            .required("clientId", "tenantId", "subscriptionId")
            .build();

    private static final Schema OUTPUTS = Schema.object()
            .properties(Map.of(
                    "clientId", Schema.string(),
                    "tenantId", Schema.string(),
                    "subscriptionId", Schema.string(),
                    "clientSecret", Schema.string().secret(),
                    "oidc", Schema.record(Map.of("token", Schema.string().secret()))))
            .required("clientId", "tenantId", "subscriptionId")
            .build();

    private final LoginTokens tokens;
    private final Optional<String> audience;

    /**
     * @param audience the {@code aud} of every token instead of {@code azure:<org>} (the server's
     *                 {@link dev.openesc.providers.ProviderSettings#azureAudience}); empty for the reference's
     */
    public AzureLogin(LoginTokens tokens, Optional<String> audience) {
        super(INPUTS, OUTPUTS);
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    protected Value open(Inputs inputs, ExecContext context) throws ProviderException {
        Map<String, Value> out = new TreeMap<>();
        out.put("clientId", Value.ofString(inputs.string("clientId")));
        out.put("tenantId", Value.ofString(inputs.string("tenantId")));
        out.put("subscriptionId", Value.ofString(inputs.string("subscriptionId")));
        boolean oidc = inputs.bool("oidc", false);
        Optional<String> clientSecret = inputs.optionalString("clientSecret");
        if (!oidc && clientSecret.isEmpty()) {
            throw new ProviderException("azure-login needs either oidc: true or a clientSecret");
        }
        clientSecret.ifPresent(secret -> out.put("clientSecret", Value.ofString(secret).makeSecret()));
        if (oidc) {
            List<String> attributes = inputs.strings("subjectAttributes");
            IdToken token = audience.isPresent()
                    ? tokens.issue(context, audience.get(), attributes, LoginTokens.DEFAULT_LIFETIME)
                    : tokens.issue(context, Audience.AZURE, attributes, LoginTokens.DEFAULT_LIFETIME);
            out.put("oidc", Value.ofMap(Map.of("token", Value.ofString(token.token()).makeSecret())));
        }
        return Value.ofMap(out);
    }
}
