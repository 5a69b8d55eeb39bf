package dev.openesc.server.store;

import java.time.Instant;

/**
 * An OIDC signing key. It is published (in the JWKS) from creation until {@code retireAfter}, and
 * signs only from {@code notBefore} on, so relying parties have seen it before any token it signed.
 *
 * @param privateKey the private key's encoding (PKCS#8), decrypted; encrypted at rest
 * @param publicJwk  the public JWK as JSON text (with its x5c certificate)
 */
public record SigningKey(String kid, String algorithm, byte[] privateKey, String publicJwk, Instant created,
                         Instant notBefore, Instant retireAfter) {

    public boolean signsAt(Instant now) {
        return !now.isBefore(notBefore) && now.isBefore(retireAfter);
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + ", " + algorithm + ", notBefore=" + notBefore + ", retireAfter=" + retireAfter + "]";
    }
}
