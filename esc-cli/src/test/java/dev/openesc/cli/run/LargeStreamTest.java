package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A large stream without secrets passes through the redacting pipes unchanged and at close to copying speed.
 *
 * <p>Streams 1 GiB (about 8 s here, most of it the child making and digesting random data);
 * {@code -Desc.run.largeStreamMiB=N} changes the size. The same stream also runs with no secrets at all, a plain
 * copy, and both timings are printed to compare.
 */
@Timeout(600)
class LargeStreamTest {

    private static final long MIB = 1024 * 1024;

    /** Digests and counts what it is given, keeping nothing. */
    static final class DigestingSink extends OutputStream {
        final MessageDigest digest;
        long count;

        DigestingSink() throws NoSuchAlgorithmException {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
            count += length;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    @Test
    void randomDataPassesThroughIntactWithManySecretsToLookFor() throws Exception {
        long size = Long.getLong("esc.run.largeStreamMiB", 1024) * MIB;
        Random random = new Random(1);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            secrets.add(token(random, 40)); // API tokens
        }
        for (int i = 0; i < 20; i++) {
            secrets.add(token(random, 3000)); // private keys
        }
        double plain = streamThrough(size, List.of());
        double redacted = streamThrough(size, secrets);
        System.out.printf("LargeStreamTest: %d MiB, plain copy %.1f s (%.0f MiB/s), redacting %.1f s (%.0f MiB/s)%n",
                size / MIB, plain, size / MIB / plain, redacted, size / MIB / redacted);
    }

    /** Runs a child that writes {@code size} random bytes and their checksum; returns the seconds it took. */
    private static double streamThrough(long size, List<String> secrets) throws Exception {
        RunSpec.Builder spec = RunSpec.of("sh", "-c",
                // The child sends the data to us and its checksum to stderr: tee duplicates it, sha256sum digests.
                "exec 3>&1; head -c " + size + " /dev/urandom | tee /dev/fd/3 | sha256sum >&2")
                .secrets(secrets);
        DigestingSink out = new DigestingSink();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        long start = System.nanoTime();
        int status = new CommandRunner().run(spec.stdout(out).stderr(err).build());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(status).isZero();
        assertThat(out.count).isEqualTo(size);
        assertThat(err.toString(UTF_8)).isEqualTo(out.hex() + "  -\n");
        return seconds;
    }

    @Test
    void redactorAloneThroughput() throws IOException {
        Random random = new Random(2);
        List<byte[]> secrets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            secrets.add(token(random, 40).getBytes(UTF_8));
        }
        SecretRedactor redactor = SecretRedactor.ofBytes(secrets);
        byte[] chunk = new byte[64 * 1024];
        random.nextBytes(chunk);
        OutputStream sink = OutputStream.nullOutputStream();
        RedactingOutputStream redacting = redactor.wrap(sink);
        long total = 512 * MIB;
        long start = System.nanoTime();
        for (long done = 0; done < total; done += chunk.length) {
            redacting.write(chunk);
        }
        redacting.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("LargeStreamTest: redactor alone, %d MiB of random bytes in %.2f s (%.0f MiB/s)%n",
                total / MIB, seconds, total / MIB / seconds);
    }

    private static String token(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
