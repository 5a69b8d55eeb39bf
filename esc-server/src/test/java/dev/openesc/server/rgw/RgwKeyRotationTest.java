package dev.openesc.server.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation under traffic, judged by RGW's STS: the issuer's clock is moved so that a rotation's
 * moments (successor published, successor signing, predecessor retired) fall around the real time RGW
 * checks tokens by.
 */
class RgwKeyRotationTest {

    private static final String AUDIENCE = "aws:acme";
    private static final String SUBJECT = "pulumi:environments:org:acme:env:app/dev";
    /** A key signs four days, its successor is published a day ahead, tokens live at most an hour. */
    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(4), Duration.ofDays(1),
            Duration.ofHours(1), 2048);

    @Test
    void tokensSignedBeforeAndAfterARotationAreAcceptedAndTheRetiredKeyLeavesTheJwks(@TempDir Path dataDir) {
        Rgw rgw = Rgw.shared();
        Instant now = Instant.now();
        // The successor is due two pre-publication periods before the first key stops signing, and signs one
        // period after it is published: arrange for it to take over ten minutes ago.
        Instant takeover = now.minus(Duration.ofMinutes(10));
        MutableClock clock = new MutableClock(takeover.minus(Duration.ofDays(3)));
        try (LocalIssuer issuer = LocalIssuer.start(dataDir, clock, POLICY)) {
            String first = issuer.oidc().rotation().rotate().orElseThrow();
            clock.set(takeover.minus(Duration.ofDays(1)));
            String second = issuer.oidc().rotation().rotate().orElseThrow();
            rgw.registerOidcProvider(issuer.url(), List.of(AUDIENCE), issuer.thumbprints());
            String role = rgw.createS3Role(Rgw.uniqueName("rotation"), new TrustPolicy(issuer.url(), AUDIENCE, SUBJECT));

            // Both keys published, the first still signing: RGW accepts its token.
            clock.set(takeover.minus(Duration.ofMinutes(10)));
            IdToken before = issue(issuer);
            assertThat(before.kid()).isEqualTo(first);
            assertThat(issuer.publishedKids()).containsExactly(first, second);
            assertThat(rgw.assumeRoleWithWebIdentity(role, before.token())).isInstanceOf(StsAnswer.Granted.class);

            // The successor signs; the first key stays published for its tokens, after the signing key.
            clock.set(takeover);
            assertThat(issuer.oidc().rotation().rotate()).isEmpty();
            IdToken after = issue(issuer);
            assertThat(after.kid()).isEqualTo(second);
            assertThat(issuer.publishedKids()).containsExactly(second, first);
            assertThat(rgw.assumeRoleWithWebIdentity(role, after.token())).isInstanceOf(StsAnswer.Granted.class);
            // RGW 16.2 checks a token against the first key of the set only, whatever its kid: a token of the
            // previous key is refused once its successor signs (docs/oidc.md). Providers present a token the
            // moment it is signed, so this costs nothing but a login racing the takeover.
            assertThat(rgw.assumeRoleWithWebIdentity(role, before.token())).isInstanceOf(StsAnswer.Refused.class);

            // The first key's last token has expired: rotation retires it and it leaves the JWKS.
            clock.set(takeover.plus(POLICY.maxTokenLifetime()).plus(Duration.ofMinutes(5)));
            assertThat(issuer.oidc().rotation().rotate()).isEmpty();
            assertThat(issuer.publishedKids()).containsExactly(second);
            assertThat(rgw.assumeRoleWithWebIdentity(role, after.token())).isInstanceOf(StsAnswer.Granted.class);
            assertThat(rgw.assumeRoleWithWebIdentity(role, before.token())).isInstanceOfSatisfying(
                    StsAnswer.Refused.class, refused -> assertThat(refused.logged()).contains("Signature validation failed"));
        }
    }

    private static IdToken issue(LocalIssuer issuer) {
        return issuer.oidc().tokens().issue(new TokenRequest("acme", "app/dev", "app/dev", "alice", AUDIENCE,
                List.of(), Duration.ofHours(1)));
    }
}
