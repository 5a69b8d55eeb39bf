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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ceph RGW's STS, a real AWS STS implementation, judging tokens of our issuer (served under
 * {@code /oidc}, a path in the issuer URL) on AssumeRoleWithWebIdentity.
 */
class RgwStsTest {

    private static final String AUDIENCE = "aws:acme";
    /** Registered with RGW too, so that a role's trust policy (not the provider) is what refuses it. */
    private static final String OTHER_AUDIENCE = "aws:globex";
    private static final String SUBJECT = "pulumi:environments:org:acme:env:app/dev";

    @TempDir
    static Path dataDir;
    private static Rgw rgw;
    private static MutableClock clock;
    private static LocalIssuer issuer;
    private static String role;
    private static String bucket;

    @BeforeAll
    static void trustTheIssuer() {
        rgw = Rgw.shared();
        // The first key begins three hours ago, so that a token can be issued already expired.
        clock = new MutableClock(Instant.now().minus(Duration.ofHours(3)));
        issuer = LocalIssuer.start(dataDir, clock, RotationPolicy.defaults());
        issuer.oidc().rotation().rotate().orElseThrow();
        rgw.registerOidcProvider(issuer.url(), List.of(AUDIENCE, OTHER_AUDIENCE), issuer.thumbprints());
        role = rgw.createS3Role(Rgw.uniqueName("app-dev"), new TrustPolicy(issuer.url(), AUDIENCE, SUBJECT));
        bucket = Rgw.uniqueName("acme-bucket");
        rgw.createBucket(bucket, "hello.txt", "hello from RGW");
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @BeforeEach
    void now() {
        clock.set(Instant.now());
    }

    private static IdToken token(String audience, String environment, Duration lifetime) {
        return issuer.oidc().tokens().issue(new TokenRequest("acme", environment, environment, "alice", audience,
                List.of(), lifetime));
    }

    /** RGW refuses every bad token alike (403 AccessDenied); its log says which check failed. */
    private static StsAnswer.Refused refused(StsAnswer answer) {
        assertThat(answer).isInstanceOf(StsAnswer.Refused.class);
        StsAnswer.Refused refused = (StsAnswer.Refused) answer;
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("AccessDenied");
        return refused;
    }

    @Test
    void aValidTokenGetsCredentialsThatListTheBucket() {
        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, token(AUDIENCE, "app/dev", Duration.ofHours(1)).token());

        assertThat(answer).isInstanceOf(StsAnswer.Granted.class);
        AwsCli.Result listing = rgw.listAs((StsAnswer.Granted) answer, bucket);
        assertThat(listing.succeeded()).as(listing.stderr()).isTrue();
        assertThat(listing.stdout()).contains("hello.txt");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token(AUDIENCE, "app/dev", Duration.ofHours(1)).token();
        int signature = token.lastIndexOf('.') + 1;
        int at = signature + 10;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + flipped + token.substring(at + 1);

        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, tampered);

        assertThat(refused(answer).logged()).contains("Signature validation failed");
    }

    @Test
    void anExpiredTokenIsRefused() {
        clock.set(Instant.now().minus(Duration.ofHours(2)));
        IdToken expired = token(AUDIENCE, "app/dev", Duration.ofMinutes(10));
        assertThat(expired.expires()).isBefore(Instant.now());

        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, expired.token());

        assertThat(refused(answer).logged()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenForAnAudienceTheProviderDoesNotListIsRefused() {
        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, token("aws:initech", "app/dev", Duration.ofHours(1)).token());

        assertThat(refused(answer).logged()).contains("Client id in token doesn't match");
    }

    @Test
    void aTokenForAnotherAudienceThanTheRoleTrustsIsRefused() {
        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, token(OTHER_AUDIENCE, "app/dev", Duration.ofHours(1)).token());

        // The token itself passes (signature, issuer, audience registered): the role's trust policy refuses it.
        assertThat(refused(answer).logged()).doesNotContain("Signature validation failed", "Client id in token");
    }

    @Test
    void aTokenForAnotherSubjectThanTheRoleTrustsIsRefused() {
        StsAnswer answer = rgw.assumeRoleWithWebIdentity(role, token(AUDIENCE, "app/prod", Duration.ofHours(1)).token());

        // The token itself passes (signature, issuer, audience registered): the role's trust policy refuses it.
        assertThat(refused(answer).logged()).doesNotContain("Signature validation failed", "Client id in token");
    }
}
