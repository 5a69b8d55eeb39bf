package dev.openesc.server.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Verifies a token as a relying party would, with nimbus: signature against a JWKS, issuer, audience and
 * time, the time taken from the test's clock.
 */
final class TokenVerifier {

    private TokenVerifier() {
    }

    static JWTClaimsSet verify(String token, JWKSet keys, String issuer, String audience, Clock clock)
            throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet required = new JWTClaimsSet.Builder().issuer(issuer).build();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, required,
                Set.of("sub", "iat", "nbf", "exp", "jti")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
        return processor.process(token, null);
    }
}
