package dev.openesc.server.oidc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 v3 certificate of a signing key, for the JWK's {@code x5c}. Some relying parties
 * (Ceph RGW among them) take the public key from the certificate rather than from {@code n}/{@code e}.
 * The certificate carries no trust of its own; it is only a container for the key, so a minimal DER
 * writer is enough and spares a dependency on a full ASN.1 library.
 */
final class SelfSignedCertificate {

    private static final byte[] SHA256_WITH_RSA = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /** Issues a certificate for {@code keys} named {@code commonName}, valid from {@code from} to {@code until}. */
    static X509Certificate issue(KeyPair keys, String commonName, BigInteger serial, Instant from, Instant until) {
        byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA), tlv(0x05, new byte[0]));
        byte[] name = sequence(tlv(0x31, sequence(tlv(0x06, COMMON_NAME),
                tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] version = tlv(0xa0, integer(BigInteger.TWO));
        byte[] validity = sequence(time(from), time(until));
        byte[] toBeSigned = sequence(version, integer(serial), algorithm, name, validity, name,
                keys.getPublic().getEncoded());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(toBeSigned);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = sequence(toBeSigned, algorithm, tlv(0x03, bitString));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the signing key's certificate", e);
        }
    }

    /** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050 on. */
    private static byte[] time(Instant instant) {
        boolean before2050 = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
        String text = (before2050 ? UTC_TIME : GENERALIZED_TIME).format(instant);
        return tlv(before2050 ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
