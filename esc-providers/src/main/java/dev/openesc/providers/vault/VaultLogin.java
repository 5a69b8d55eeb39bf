package dev.openesc.providers.vault;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.oidc.Inputs;
import dev.openesc.providers.oidc.LoginProvider;
import dev.openesc.providers.oidc.LoginTokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code fn::open::vault-login}: a Vault token. With {@code jwt}, our token (audience: the bare organization, which
 * a Vault role binds) logs in to the JWT auth method at {@code mount} ({@code jwt} by default) as {@code role}. With
 * {@code token}, a child of the given token is created, so the environment hands out a token it can revoke. The
 * server's {@code vaultAddress} setting, when set, is where the calls go (a private route); the output keeps the
 * address the environment names, for the tools that use it.
 */
public final class VaultLogin extends LoginProvider {

    public static final String NAME = "vault-login";

    private static final String DEFAULT_MOUNT = "jwt";
    private static final String DEFAULT_DISPLAY_NAME = "pulumi";

    private static final Schema INPUTS = Schema.object()
            .properties(Map.of(
                    "address", Schema.string().minLength(1)
                            .description("The URL of the Vault server: a scheme and host, no path."),
                    "namespace", Schema.string().description("The namespace to log in to (Vault Enterprise)."),
                    "jwt", Schema.object()
                            .properties(Map.of(
                                    "role", Schema.string().minLength(1),
                                    "mount", Schema.string(),
                                    "subjectAttributes", Schema.array().items(Schema.string())))
                            .required("role"),
                    "token", Schema.object()
                            .properties(Map.of(
                                    "token", Schema.string().minLength(1),
                                    "displayName", Schema.string(),
                                    "maxTtl", Schema.string(),
                                    "metadata", Schema.object().additionalProperties(Schema.string()),
                                    "policies", Schema.array().items(Schema.string())))
                            .required("token")))
            .required("address")
            .build();

    private static final Schema OUTPUTS = Schema.object()
            .properties(Map.of(
                    "address", Schema.string(),
                    "namespace", Schema.string(),
                    "token", Schema.string().secret()))
            .required("address", "token")
            .build();

    private final Optional<URI> addressOverride;
    private final LoginTokens tokens;
    private final VaultApi vault;

    public VaultLogin(ProviderSettings settings, LoginTokens tokens) {
        super(INPUTS, OUTPUTS);
        this.addressOverride = settings.vaultAddress();
        this.tokens = tokens;
        this.vault = new VaultApi(settings.requestTimeout());
    }

    @Override
    protected Value open(Inputs inputs, ExecContext context) throws ProviderException {
        String address = inputs.string("address");
        URI target = addressOverride.orElse(parseAddress(address));
        Optional<String> namespace = inputs.optionalString("namespace").filter(text -> !text.isBlank());
        Optional<Inputs> jwt = inputs.object("jwt");
        Optional<Inputs> parent = inputs.object("token");
        if (jwt.isPresent() == parent.isPresent()) {
            throw new ProviderException("vault-login needs exactly one of jwt or token");
        }
        String token;
        if (jwt.isPresent()) {
            Inputs login = jwt.get();
            IdToken idToken = tokens.issue(context, Audience.VAULT, login.strings("subjectAttributes"),
                    LoginTokens.DEFAULT_LIFETIME);
            String mount = login.optionalString("mount").filter(text -> !text.isBlank()).orElse(DEFAULT_MOUNT);
            token = vault.jwtLogin(target, namespace, stripSlashes(mount), login.string("role"), idToken.token());
        } else {
            Inputs given = parent.get();
            token = vault.createChildToken(target, namespace, given.string("token"),
                    given.optionalString("displayName").filter(text -> !text.isBlank()).orElse(DEFAULT_DISPLAY_NAME),
                    given.strings("policies"), given.stringMap("metadata"),
                    given.optionalString("maxTtl").filter(text -> !text.isBlank()));
        }
        Map<String, Value> out = new TreeMap<>();
        out.put("address", Value.ofString(address));
        namespace.ifPresent(text -> out.put("namespace", Value.ofString(text)));
        out.put("token", Value.ofString(token).makeSecret());
        return Value.ofMap(out);
    }

    /** The address as the reference takes it: a scheme and a host (and port), no path beyond a trailing slash. */
    private static URI parseAddress(String address) throws ProviderException {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new ProviderException("address must be a URL such as https://vault.example.com:8200");
        }
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!web || uri.getHost() == null || !(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ProviderException("address must contain a scheme and hostname, but no path"
                    + " (such as https://vault.example.com:8200)");
        }
        return uri;
    }

    private static String stripSlashes(String mount) {
        String trimmed = mount;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
