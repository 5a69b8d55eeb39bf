package dev.openesc.core.crypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CiphertextEnvelopeTest {
    @Test
    void sealsLikeTheReference() throws Exception {
        byte[] ciphertext = Rot128.INSTANCE.encrypt("hunter2".getBytes(StandardCharsets.UTF_8));
        String sealed = CiphertextEnvelope.seal(ciphertext);
        assertThat(sealed).isEqualTo("ZXNjeAAAAAHo9e705fKyKo30VQ==");
        assertThat(new String(Rot128.INSTANCE.decrypt(CiphertextEnvelope.open(sealed)), StandardCharsets.UTF_8))
                .isEqualTo("hunter2");
    }

    @Test
    void envelopesFromTheCliSecretStory() throws Exception {
        String[][] cases = {
            {"YMHdog6VkUqbVS5dAErxWeMy83r4HeBeNRdEuUFwK3M=",
                "ZXNjeAAAAAHZzcjk7+e21uvV8eLW07XkwcXy+Nflzfm4s/K0yOXC5c7S5MX11cb3y7PNve6n0kM="},
            {"1234", "ZXNjeAAAAAGxsrO0gN+X5A=="},
            {"123.4", "ZXNjeAAAAAGxsrOutAnEmzU="},
            {"false", "ZXNjeAAAAAHm4ezz5S7WA1Q="},
        };
        for (String[] c : cases) {
            assertThat(CiphertextEnvelope.seal(Rot128.INSTANCE.encrypt(c[0].getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(c[1]);
        }
    }

    @Test
    void rot128IsItsOwnInverse() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(Rot128.INSTANCE.decrypt(Rot128.INSTANCE.encrypt(all))).isEqualTo(all);
        assertThat(Rot128.INSTANCE.encrypt(new byte[] {0, (byte) 0x7F, (byte) 0x80}))
                .containsExactly((byte) 0x80, (byte) 0xFF, 0);
    }

    @Test
    void rejectsBadEnvelopesWithTheReferenceWords() {
        assertThatThrownBy(() -> CiphertextEnvelope.open("hunter23"))
                .isInstanceOf(CryptException.class).hasMessage("invalid ciphertext: EOF");
        String wrongMagic = Base64.getEncoder().encodeToString("nope0000aaaa1234".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CiphertextEnvelope.open(wrongMagic)).hasMessage("invalid ciphertext: invalid header");
        byte[] good = Base64.getDecoder().decode(CiphertextEnvelope.seal(new byte[] {1, 2, 3, 4}));
        good[9] ^= 1;
        assertThatThrownBy(() -> CiphertextEnvelope.open(Base64.getEncoder().encodeToString(good)))
                .hasMessage("invalid ciphertext: invalid checksum");
        assertThatThrownBy(() -> CiphertextEnvelope.open("ab$d"))
                .hasMessage("invalid ciphertext: illegal base64 data at input byte 2");
    }

    @Test
    void decryptionErrorsNeverShowPlaintext() throws Exception {
        Decrypter failing = c -> {
            throw new CryptException("decryption failed");
        };
        String doc = "values:\n  s:\n    fn::secret:\n      ciphertext: " + CiphertextEnvelope.seal(new byte[] {9, 9, 9, 9})
                + "\n";
        assertThatThrownBy(() -> SecretRewriter.decryptSecrets("env", doc.getBytes(StandardCharsets.UTF_8), failing))
                .hasMessage("decryption failed");
    }

    @Test
    void secretsOutsideValuesStayEncrypted() throws Exception {
        String sealed = CiphertextEnvelope.seal(Rot128.INSTANCE.encrypt("password".getBytes(StandardCharsets.UTF_8)));
        String doc = "other:\n  fn::secret:\n    ciphertext: " + sealed + "\nvalues:\n  x:\n    fn::secret:\n"
                + "      ciphertext: " + sealed + "\n";
        SecretRewriter.Result r = SecretRewriter.decryptSecrets("env", doc.getBytes(StandardCharsets.UTF_8),
                Rot128.INSTANCE);
        assertThat(new String(r.yaml(), StandardCharsets.UTF_8)).isEqualTo(
                "other:\n  fn::secret:\n    ciphertext: " + sealed + "\nvalues:\n  x:\n    fn::secret: password\n");
    }

    @Test
    void undecodableDocumentsComeBackAsDiagnostics() throws Exception {
        SecretRewriter.Result r = SecretRewriter.encryptSecrets("env", "values: [".getBytes(StandardCharsets.UTF_8),
                Rot128.INSTANCE);
        assertThat(r.yaml()).isNull();
        assertThat(r.diagnostics().hasErrors()).isTrue();
    }

    @Test
    void plaintextThatLooksLikeANumberStaysAString() throws Exception {
        String doc = "values:\n  pin:\n    fn::secret: '1234'\n";
        SecretRewriter.Result enc = SecretRewriter.encryptSecrets("env", doc.getBytes(StandardCharsets.UTF_8),
                Rot128.INSTANCE);
        SecretRewriter.Result dec = SecretRewriter.decryptSecrets("env", enc.yaml(), Rot128.INSTANCE);
        assertThat(new String(dec.yaml(), StandardCharsets.UTF_8)).isEqualTo("values:\n  pin:\n    fn::secret: '1234'\n");
    }
}
