package dev.openesc.server.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Makes new RS256 signing keys: an RSA pair, a random kid, and the public JWK with its certificate. */
final class KeyGenerator {

    static final String ALGORITHM = "RS256";

    /** A new key before it is stored: its PKCS#8 private key and its public JWK. */
    record NewKey(String kid, byte[] privateKey, RSAKey publicJwk) {
    }

    private final int bits;
    private final SecureRandom random = new SecureRandom();

    KeyGenerator(int bits) {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("RSA signing keys are 2048, 3072 or 4096 bits");
        }
        this.bits = bits;
    }

    /** A key whose certificate covers {@code from} to {@code until} (its whole publication). */
    NewKey generate(Instant from, Instant until) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String kid = HexFormat.of().formatHex(id);
        X509Certificate certificate = SelfSignedCertificate.issue(pair, "OpenESC OIDC key " + kid,
                new BigInteger(1, id), from, until);
        try {
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                    .build();
            return new NewKey(kid, pair.getPrivate().getEncoded(), jwk);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signing key's certificate", e);
        }
    }

    /** Parses a stored public JWK. */
    static RSAKey parsePublic(String json) {
        try {
            return RSAKey.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a stored signing key's JWK is not valid", e);
        }
    }
}
