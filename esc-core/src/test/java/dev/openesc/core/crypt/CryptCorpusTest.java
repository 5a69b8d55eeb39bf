package dev.openesc.core.crypt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the reference's crypt corpus ({@code eval/testdata/crypt/<name>.{plaintext,ciphertext}.yaml}) in both
 * directions with the rot128 test cipher: encrypting the plaintext file must give the ciphertext file exactly, and
 * decrypting the ciphertext file must give the plaintext file.
 */
class CryptCorpusTest {
    @Test
    void corpus() throws Exception {
        Path dir = Corpus.dir("esc/eval/testdata/crypt");
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".plaintext.yaml"))
                    .map(f -> f.substring(0, f.length() - ".plaintext.yaml".length())).sorted().toList();
        }
        assertThat(names).hasSize(4);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (String name : names) {
            byte[] plaintext = Files.readAllBytes(dir.resolve(name + ".plaintext.yaml"));
            byte[] ciphertext = Files.readAllBytes(dir.resolve(name + ".ciphertext.yaml"));

            SecretRewriter.Result encrypted = SecretRewriter.encryptSecrets(name, plaintext, Rot128.INSTANCE);
            String enc = text(encrypted);
            if (enc.equals(new String(ciphertext, StandardCharsets.UTF_8))) {
                passed++;
            } else {
                failures.add(name + " encrypt:\n--- expected\n" + new String(ciphertext, StandardCharsets.UTF_8)
                        + "--- actual\n" + enc);
            }
            SecretRewriter.Result decrypted = SecretRewriter.decryptSecrets(name, ciphertext, Rot128.INSTANCE);
            String dec = text(decrypted);
            if (dec.equals(new String(plaintext, StandardCharsets.UTF_8))) {
                passed++;
            } else {
                failures.add(name + " decrypt:\n--- expected\n" + new String(plaintext, StandardCharsets.UTF_8)
                        + "--- actual\n" + dec);
            }
        }
        System.out.println("CryptCorpusTest: " + passed + " passed, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private static String text(SecretRewriter.Result r) {
        return r.yaml() == null ? "<no output: " + r.diagnostics() + ">" : new String(r.yaml(), StandardCharsets.UTF_8);
    }
}
