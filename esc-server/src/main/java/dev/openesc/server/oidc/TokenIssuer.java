package dev.openesc.server.oidc;

import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.IdentityTokenException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openesc.server.store.SigningKey;
import dev.openesc.server.store.SigningKeyStore;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs the ID tokens login providers present to clouds, with the current key of the shared store. */
public final class TokenIssuer implements IdentityTokens {

    /** A signer made ready for one key, kept while that key stays current: decrypting and parsing cost more than signing. */
    private record ReadySigner(String kid, RSASSASigner signer) {
    }

    private final OidcIssuer issuer;
    private final SigningKeyStore keys;
    private final Clock clock;
    private volatile ReadySigner ready;

    public TokenIssuer(OidcIssuer issuer, SigningKeyStore keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    /** Issues a token for {@code request}; IdentityTokenException if the lifetime is out of bounds or no key signs yet. */
    @Override
    public IdToken issue(TokenRequest request) {
        Duration lifetime = request.lifetime();
        if (lifetime.isNegative() || lifetime.isZero()
                || lifetime.compareTo(RotationPolicy.TOKEN_LIFETIME_LIMIT) > 0) {
            throw new IdentityTokenException("a token lives more than zero and at most one hour");
        }
        SigningKey key = keys.current().orElseThrow(() -> new IdentityTokenException("the OIDC issuer has no signing key yet"));
        // JWT times are whole seconds; truncate first so that exp - iat is exactly the lifetime.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(lifetime);
        if (expires.isAfter(key.retireAfter())) {
            // Only when rotation is late: a token must not outlive its key's place in the JWKS.
            expires = Instant.ofEpochSecond(key.retireAfter().getEpochSecond());
        }
        String subject = request.subject();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.issuer())
                .audience(request.audience())
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("current_env", request.currentEnvironment())
                .claim("root_env", request.rootEnvironment())
                .claim("trigger_user", request.triggerUser())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signerFor(key));
        } catch (JOSEException e) {
            throw new IdentityTokenException("cannot sign the token", e);
        }
        return new IdToken(jwt.serialize(), key.kid(), subject, request.audience(), expires);
    }

    private RSASSASigner signerFor(SigningKey key) {
        ReadySigner current = ready;
        if (current != null && current.kid().equals(key.kid())) {
            return current.signer();
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key.privateKey()));
            RSASSASigner signer = new RSASSASigner(privateKey);
            ready = new ReadySigner(key.kid(), signer);
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IdentityTokenException("the signing key cannot be read", e);
        }
    }
}
