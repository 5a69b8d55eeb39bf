package dev.openesc.server.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openesc.server.store.SigningKey;
import dev.openesc.server.store.SigningKeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server as an OpenID Connect issuer: its identifier, discovery document and key set. Everything is
 * read from the shared store, so every replica over one database publishes the same keys.
 */
public final class OidcIssuer {

    /** Where the issuer lives under the server's public URL. */
    public static final String PATH = "/oidc";
    public static final String DISCOVERY_PATH = PATH + "/.well-known/openid-configuration";
    public static final String JWKS_PATH = PATH + "/.well-known/jwks";

    /** The claims our tokens carry, as the discovery document announces them. */
    static final List<String> CLAIMS = List.of("iss", "aud", "sub", "iat", "nbf", "exp", "jti", "current_env",
            "root_env", "trigger_user");

    private final String issuer;
    private final SigningKeyStore keys;

    /** @param publicUrl the server's URL as relying parties reach it (the issuer is this plus {@code /oidc}) */
    public OidcIssuer(String publicUrl, SigningKeyStore keys) {
        this.issuer = stripTrailingSlashes(publicUrl) + PATH;
        this.keys = keys;
    }

    /** The {@code iss} of our tokens and the base of the well-known URLs. */
    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/.well-known/jwks";
    }

    /** The discovery document: only what a relying party needs to verify our ID tokens. */
    public Map<String, Object> discoveryDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwksUri());
        // Required by the specification although we have no interactive flow; relying parties check its shape.
        document.put("authorization_endpoint", issuer + "/authorize");
        document.put("response_types_supported", List.of("id_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(KeyGenerator.ALGORITHM));
        document.put("scopes_supported", List.of("openid"));
        document.put("claims_supported", CLAIMS);
        return document;
    }

    /**
     * The published public keys (never a private part): the one signing now first, then the others oldest
     * first. Ceph RGW 16.2 verifies a token against the first key of the set only (it ignores {@code kid}),
     * so the signing key must lead; see docs/oidc.md.
     */
    public JWKSet keySet() {
        Optional<String> signing = keys.current().map(SigningKey::kid);
        List<JWK> published = new ArrayList<>();
        for (SigningKey key : keys.published()) {
            JWK jwk = KeyGenerator.parsePublic(key.publicJwk()).toPublicJWK();
            if (signing.isPresent() && signing.get().equals(key.kid())) {
                published.add(0, jwk);
            } else {
                published.add(jwk);
            }
        }
        return new JWKSet(published);
    }

    /** The JWKS document as JSON-ready maps. */
    public Map<String, Object> jwks() {
        return keySet().toJSONObject(true);
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
