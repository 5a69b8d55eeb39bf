package dev.openesc.core.crypt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.CaseTally;
import dev.openesc.core.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the reference's crypt corpus ({@code eval/testdata/crypt/<name>.{plaintext,ciphertext}.yaml}) in both
 * directions with the rot128 test cipher: encrypting the plaintext file must give the ciphertext file exactly, and
 * decrypting the ciphertext file must give the plaintext file.
 */
class CryptCorpusTest {
    private static final String CORPUS_DIR = "esc/eval/testdata/crypt";
    private static final String PLAINTEXT = ".plaintext.yaml";

    @Test
    void corpus() throws Exception {
        List<Path> plaintexts = Corpus.list(CORPUS_DIR, p -> p.getFileName().toString().endsWith(PLAINTEXT));
        assertThat(plaintexts).hasSize(4);
        CaseTally tally = new CaseTally("CryptCorpusTest");
        for (Path file : plaintexts) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - PLAINTEXT.length());
            byte[] plaintext = Files.readAllBytes(file);
            byte[] ciphertext = Files.readAllBytes(file.resolveSibling(name + ".ciphertext.yaml"));
            tally.record(name + " encrypt", difference(ciphertext,
                    SecretRewriter.encryptSecrets(name, plaintext, Rot128.INSTANCE)));
            tally.record(name + " decrypt", difference(plaintext,
                    SecretRewriter.decryptSecrets(name, ciphertext, Rot128.INSTANCE)));
        }
        tally.assertAllPassed();
    }

    /** Null when the rewrite gave exactly {@code expected}, otherwise both texts. */
    private static String difference(byte[] expected, SecretRewriter.Result r) {
        String want = new String(expected, StandardCharsets.UTF_8);
        String got = r.yaml() == null ? "<no output: " + r.diagnostics() + ">" : new String(r.yaml(), StandardCharsets.UTF_8);
        return want.equals(got) ? null : "\n--- expected\n" + want + "--- actual\n" + got;
    }
}
