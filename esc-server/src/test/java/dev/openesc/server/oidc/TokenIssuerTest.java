package dev.openesc.server.oidc;

import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @StoreTest
    void aTokenCarriesExactlyTheClaimsOfThePlainSubjectAndVerifies(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        String kid = world.rotation().rotate().orElseThrow();

        IdToken token = world.tokens().issue(OidcWorld.awsRequest());

        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(kid);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        JWTClaimsSet claims = TokenVerifier.verify(token.token(), world.issuer().keySet(),
                "https://esc.example.test/oidc", "aws:acme", fixture.clock());
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "nbf", "exp",
                "jti", "current_env", "root_env", "trigger_user");
        assertThat(claims.getIssuer()).isEqualTo("https://esc.example.test/oidc");
        assertThat(claims.getAudience()).containsExactly("aws:acme");
        assertThat(claims.getSubject()).isEqualTo("pulumi:environments:org:acme:env:app/dev");
        assertThat(claims.getStringClaim("current_env")).isEqualTo("shared/aws");
        assertThat(claims.getStringClaim("root_env")).isEqualTo("app/dev");
        assertThat(claims.getStringClaim("trigger_user")).isEqualTo("alice");
        Instant issued = claims.getIssueTime().toInstant();
        assertThat(issued).isEqualTo(Instant.ofEpochSecond(fixture.clock().instant().getEpochSecond()));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issued);
        assertThat(Duration.between(issued, claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(1));
        assertThat(token.expires()).isEqualTo(claims.getExpirationTime().toInstant());
        assertThat(claims.getJWTID()).isNotBlank()
                .isNotEqualTo(SignedJWT.parse(world.tokens().issue(OidcWorld.awsRequest()).token())
                        .getJWTClaimsSet().getJWTID());
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @StoreTest
    void aTokenIsRefusedForAnotherAudienceAndOnceExpired(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        world.rotation().rotate();
        IdToken token = world.tokens().issue(OidcWorld.awsRequest());

        assertThatThrownBy(() -> TokenVerifier.verify(token.token(), world.issuer().keySet(),
                world.issuer().issuer(), "azure:acme", fixture.clock())).hasMessageContaining("aud claim rejected");
        assertThatThrownBy(() -> TokenVerifier.verify(token.token(), world.issuer().keySet(),
                "https://other.example.test/oidc", "aws:acme", fixture.clock())).hasMessageContaining("iss");
        fixture.clock().advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> TokenVerifier.verify(token.token(), world.issuer().keySet(),
                world.issuer().issuer(), "aws:acme", fixture.clock())).hasMessageContaining("Expired");
    }

    @StoreTest
    void subjectAttributesBuildTheSubjectInTheListedOrder(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        world.rotation().rotate();
        TokenRequest request = new TokenRequest("acme", "app/dev", "shared/aws", "alice", "aws:acme",
                List.of(SubjectAttribute.named("currentEnvironment.name"), SubjectAttribute.named("pulumi.user.login"),
                        SubjectAttribute.named("rootEnvironment.name")), Duration.ofMinutes(15));

        IdToken token = world.tokens().issue(request);

        JWTClaimsSet claims = TokenVerifier.verify(token.token(), world.issuer().keySet(), world.issuer().issuer(),
                "aws:acme", fixture.clock());
        assertThat(claims.getSubject()).isEqualTo("pulumi:environments:pulumi.organization.login:acme"
                + ":currentEnvironment.name:shared/aws:pulumi.user.login:alice:rootEnvironment.name:app/dev");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        TokenRequest orgOnly = new TokenRequest("acme", "app/dev", "app/dev", "alice", "acme",
                List.of(SubjectAttribute.ORGANIZATION_LOGIN), Duration.ofMinutes(5));
        assertThat(orgOnly.subject()).isEqualTo("pulumi:environments:pulumi.organization.login:acme");
    }

    @Test
    void audiencesFollowTheCloudAndTheLegacyProject() {
        assertThat(Audience.AWS.of("acme", "app")).isEqualTo("aws:acme");
        assertThat(Audience.AZURE.of("acme", "app")).isEqualTo("azure:acme");
        assertThat(Audience.GCP.of("acme", "app")).isEqualTo("gcp:acme");
        assertThat(Audience.VAULT.of("acme", "app")).isEqualTo("acme");
        assertThat(Audience.AWS.of("acme", "default")).isEqualTo("acme");
        assertThat(new TokenRequest("acme", "dev", "dev", "bob", "acme", List.of(), Duration.ofHours(1)).rootProject())
                .isEqualTo("default");
    }

    @Test
    void anUnknownSubjectAttributeIsAUserError() {
        assertThatThrownBy(() -> SubjectAttribute.named("pulumi.user.email")).isInstanceOf(IdentityTokenException.class)
                .hasMessageContaining("pulumi.user.email").hasMessageContaining("currentEnvironment.name");
    }

    @StoreTest
    void tokensLiveAtMostAnHourAndNeedAKey(StoreFixture fixture) {
        OidcWorld world = OidcWorld.on(fixture);
        TokenRequest request = OidcWorld.awsRequest();
        assertThatThrownBy(() -> world.tokens().issue(request)).isInstanceOf(IdentityTokenException.class)
                .hasMessageContaining("no signing key");
        world.rotation().rotate();
        TokenRequest tooLong = new TokenRequest("acme", "app/dev", "app/dev", "alice", "aws:acme", List.of(),
                Duration.ofMinutes(61));
        assertThatThrownBy(() -> world.tokens().issue(tooLong)).isInstanceOf(IdentityTokenException.class)
                .hasMessageContaining("at most one hour");
    }

    @StoreTest
    void aTamperedTokenFailsVerification(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        world.rotation().rotate();
        String token = world.tokens().issue(OidcWorld.awsRequest()).token();
        String[] parts = token.split("\\.");

        Map<String, Object> claims = JWSObject.parse(token).getPayload().toJSONObject();
        claims.put("sub", "pulumi:environments:org:acme:env:app/prod");
        String otherSubject = parts[0] + "." + new Payload(claims).toBase64URL() + "." + parts[2];
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[signature.length / 2] ^= 1;
        String otherSignature = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);

        for (String tampered : List.of(otherSubject, otherSignature)) {
            assertThatThrownBy(() -> TokenVerifier.verify(tampered, world.issuer().keySet(), world.issuer().issuer(),
                    "aws:acme", fixture.clock())).hasMessageContaining("Invalid signature");
        }
        assertThat(TokenVerifier.verify(token, world.issuer().keySet(), world.issuer().issuer(), "aws:acme",
                fixture.clock()).getSubject()).endsWith("app/dev");
    }
}
