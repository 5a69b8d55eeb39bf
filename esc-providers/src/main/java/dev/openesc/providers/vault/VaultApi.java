package dev.openesc.providers.vault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.providers.web.CloudHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two Vault calls a login needs, as Vault's HTTP API documents them: JWT auth ({@code POST
 * /v1/auth/<mount>/login}) and a child token ({@code POST /v1/auth/token/create}). Both answer
 * {@code {"auth": {"client_token": ...}}}; errors are {@code {"errors": [...]}}.
 */
final class VaultApi {

    /** A mount path: segments of letters, digits, dots, dashes and underscores; nothing that leaves the auth tree. */
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final CloudHttp http;

    VaultApi(Duration timeout) {
        this.http = new CloudHttp("Vault", timeout, VaultApi::errors);
    }

    /** Logs in with a JWT to the auth method at {@code mount}, as {@code role}; returns the client token. */
    String jwtLogin(URI address, Optional<String> namespace, String mount, String role, String jwt)
            throws ProviderException {
        if (!MOUNT.matcher(mount).matches() || mount.contains("..")) {
            throw new ProviderException("jwt.mount must be the path of an auth method, such as jwt");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jwt", jwt);
        body.put("role", role);
        return clientToken(http.postJson(address.resolve("/v1/auth/" + mount + "/login"), headers(namespace, null), body));
    }

    /** Creates a child of {@code parent}: what the token form returns instead of the long-lived parent. */
    String createChildToken(URI address, Optional<String> namespace, String parent, String displayName,
                            List<String> policies, Map<String, String> metadata, Optional<String> maxTtl)
            throws ProviderException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("display_name", displayName);
        if (!policies.isEmpty()) {
            body.put("policies", policies);
        }
        if (!metadata.isEmpty()) {
            body.put("meta", metadata);
        }
        maxTtl.ifPresent(ttl -> body.put("explicit_max_ttl", ttl));
        return clientToken(http.postJson(address.resolve("/v1/auth/token/create"), headers(namespace, parent), body));
    }

    private static Map<String, String> headers(Optional<String> namespace, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        // Vault's own clients mark API requests so that Vault refuses them from a browser's form post.
        headers.put("X-Vault-Request", "true");
        namespace.filter(text -> !text.isBlank()).ifPresent(text -> headers.put("X-Vault-Namespace", text));
        if (token != null) {
            headers.put("X-Vault-Token", token);
        }
        return headers;
    }

    private static String clientToken(JsonNode answer) throws ProviderException {
        String token = answer.path("auth").path("client_token").asText("");
        if (token.isEmpty()) {
            throw new ProviderException("Vault: the answer holds no auth.client_token");
        }
        return token;
    }

    private static Optional<String> errors(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        errors.forEach(error -> texts.add(error.asText()));
        return Optional.of(String.join("; ", texts));
    }
}
