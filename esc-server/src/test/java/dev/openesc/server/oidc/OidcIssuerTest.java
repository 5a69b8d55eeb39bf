package dev.openesc.server.oidc;

import dev.openesc.providers.identity.IdToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.X509CertUtils;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

class OidcIssuerTest {

    @StoreTest
    void theDiscoveryDocumentNamesTheIssuerUnderThePublicUrl(StoreFixture fixture) {
        OidcWorld world = OidcWorld.on(fixture);

        Map<String, Object> document = world.issuer().discoveryDocument();

        assertThat(world.issuer().issuer()).isEqualTo("https://esc.example.test/oidc");
        assertThat(document).containsEntry("issuer", "https://esc.example.test/oidc")
                .containsEntry("jwks_uri", "https://esc.example.test/oidc/.well-known/jwks")
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("response_types_supported", List.of("id_token"))
                .containsEntry("subject_types_supported", List.of("public"));
        assertThat(document.get("claims_supported")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).contains("sub", "aud", "current_env", "root_env",
                "trigger_user");
    }

    @StoreTest
    void theJwksPublishesEachKeyWithItsKidAndACertificateOfThatKey(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        assertThat(world.issuer().keySet().getKeys()).isEmpty();
        String kid = world.rotation().rotate().orElseThrow();

        JWKSet published = JWKSet.parse(world.issuer().jwks());

        assertThat(published.getKeys()).hasSize(1);
        RSAKey jwk = published.getKeys().get(0).toRSAKey();
        assertThat(jwk.getKeyID()).isEqualTo(kid);
        assertThat(jwk.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(world.issuer().jwks().toString()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(jwk.toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(jwk.getX509CertChain()).hasSize(1);
        X509Certificate certificate = X509CertUtils.parse(jwk.getX509CertChain().get(0).decode());
        assertThat(certificate).isNotNull();
        RSAPublicKey certified = (RSAPublicKey) certificate.getPublicKey();
        assertThat(certified.getModulus()).isEqualTo(jwk.getModulus().decodeToBigInteger());
        assertThat(certified.getPublicExponent()).isEqualTo(jwk.getPublicExponent().decodeToBigInteger());
        certificate.verify(certified); // self-signed by the very key
        certificate.checkValidity(java.util.Date.from(fixture.clock().instant()));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getVersion()).isEqualTo(3);
    }

    @StoreTest
    void twoReplicasOverOneDatabasePublishTheSameKeysAndVerifyEachOthersTokens(StoreFixture fixture)
            throws Exception {
        OidcWorld first = OidcWorld.on(fixture);
        OidcWorld second = OidcWorld.replica(fixture);
        first.rotation().rotate().orElseThrow();
        assertThat(second.rotation().rotate()).isEmpty();

        assertThat(second.issuer().jwks()).isEqualTo(first.issuer().jwks());
        IdToken fromFirst = first.tokens().issue(OidcWorld.awsRequest());
        IdToken fromSecond = second.tokens().issue(OidcWorld.awsRequest());
        assertThat(fromSecond.kid()).isEqualTo(fromFirst.kid());
        assertThat(TokenVerifier.verify(fromFirst.token(), second.issuer().keySet(), second.issuer().issuer(),
                "aws:acme", fixture.clock()).getSubject()).isEqualTo("pulumi:environments:org:acme:env:app/dev");
        assertThat(TokenVerifier.verify(fromSecond.token(), first.issuer().keySet(), first.issuer().issuer(),
                "aws:acme", fixture.clock()).getSubject()).isEqualTo("pulumi:environments:org:acme:env:app/dev");
    }

    @StoreTest
    void aTokenIsRejectedByAnIssuerWithOtherKeys(StoreFixture fixture) throws Exception {
        OidcWorld world = OidcWorld.on(fixture);
        world.rotation().rotate();
        IdToken token = world.tokens().issue(OidcWorld.awsRequest());
        JWK stranger = new KeyGenerator(2048).generate(fixture.clock().instant(), fixture.clock().instant()
                .plusSeconds(3600)).publicJwk().toRSAKey();
        RSAKey sameKidOtherKey = new RSAKey.Builder(stranger.toRSAKey()).keyID(token.kid()).build();

        assertThatThrownBy(() -> TokenVerifier.verify(token.token(), new JWKSet(sameKidOtherKey),
                world.issuer().issuer(), "aws:acme", fixture.clock())).hasMessageContaining("Signed JWT rejected");
    }
}
