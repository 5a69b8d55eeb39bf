package dev.openesc.providers.oidc;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.IdToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code fn::open::oidc}: a signed token for an audience the environment names, returned as a secret string for the
 * environment's own tools to exchange. Inputs as the reference takes them: {@code audience} (1 to 512 bytes),
 * {@code duration} (1m to 1h, default 1h) and {@code identityToken: {version: v2}}; nothing else, so neither
 * {@code subjectAttributes}. The token comes from the same issuer as the login providers' ones, with the plain subject.
 */
public final class OidcProvider extends LoginProvider {

    public static final String NAME = "oidc";

    private static final int MAX_AUDIENCE_BYTES = 512;
    private static final Duration MIN_DURATION = Duration.ofMinutes(1);
    private static final Duration MAX_DURATION = Duration.ofHours(1);

    private static final Schema INPUTS = Schema.object()
            .properties(Map.of(
                    "audience", Schema.string().minLength(1).description("The token's aud claim."),
                    "duration", Schema.string().description("The token's lifetime, from 1m to 1h; 1h by default."),
                    "identityToken", Schema.object()
                            .properties(Map.of("version", Schema.string().enumValues("v2")
                                    .description("The token format; only v2 is accepted.")))
                            .required("version")
                            .additionalProperties(Schema.never())))
            .required("audience")
            .additionalProperties(Schema.never())
            .build();

    private static final Schema OUTPUTS = Schema.string().secret().description("The signed token.").build();

    private final LoginTokens tokens;

    public OidcProvider(LoginTokens tokens) {
        super(INPUTS, OUTPUTS);
        this.tokens = tokens;
    }

    @Override
    protected Value open(Inputs inputs, ExecContext context) throws ProviderException {
        String audience = inputs.string("audience");
        if (audience.isBlank() || audience.getBytes(StandardCharsets.UTF_8).length > MAX_AUDIENCE_BYTES) {
            throw new ProviderException("audience must be 1 to " + MAX_AUDIENCE_BYTES + " bytes and not blank");
        }
        Optional<Inputs> identityToken = inputs.object("identityToken");
        if (identityToken.isPresent() && !"v2".equals(identityToken.get().string("version"))) {
            throw new ProviderException("identityToken.version must be v2");
        }
        Duration lifetime = inputs.duration("duration", MIN_DURATION, MAX_DURATION).orElse(MAX_DURATION);
        IdToken token = tokens.issue(context, audience, List.of(), lifetime);
        return Value.ofString(token.token()).makeSecret();
    }
}
