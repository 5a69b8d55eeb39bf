package dev.openesc.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

    @Test
    void theCertificateHoldsTheKeyItsNameSerialAndValidityOnBothSidesOf2050() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant from = Instant.parse("2049-12-31T23:59:58Z");
        Instant until = Instant.parse("2050-01-01T00:00:01Z");

        X509Certificate certificate = SelfSignedCertificate.issue(keys, "OpenESC OIDC key k1",
                new BigInteger("123456789abcdef", 16), from, until);

        certificate.verify(keys.getPublic());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(until);
        assertThat(certificate.getSerialNumber()).isEqualTo(new BigInteger("123456789abcdef", 16));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=OpenESC OIDC key k1");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
    }
}
