package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private static SecretRedactor redactor(String... secrets) {
        return SecretRedactor.ofStrings(List.of(secrets));
    }

    /**
     * The meaning of redaction, written the slow and obvious way: scan end positions left to right; at the first
     * end where a secret (starting after the last replacement) ends, replace the longest such secret.
     */
    static byte[] modelRedact(List<byte[]> secrets, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int resume = 0;
        for (int end = 1; end <= input.length; end++) {
            int best = 0;
            for (byte[] secret : secrets) {
                int start = end - secret.length;
                if (secret.length >= 3 && secret.length > best && start >= resume
                        && Arrays.equals(input, start, end, secret, 0, secret.length)) {
                    best = secret.length;
                }
            }
            if (best > 0) {
                out.write(input, resume, end - best - resume);
                out.writeBytes("[secret]".getBytes(UTF_8));
                resume = end;
            }
        }
        out.write(input, resume, input.length - resume);
        return out.toByteArray();
    }

    /** Streams {@code input} through {@code redactor} in chunks cut at random points. */
    static byte[] streamInChunks(SecretRedactor redactor, byte[] input, Random random, int maxChunk)
            throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (RedactingOutputStream out = redactor.wrap(sink)) {
            int at = 0;
            while (at < input.length) {
                int n = Math.min(input.length - at, 1 + random.nextInt(maxChunk));
                if (n == 1 && random.nextBoolean()) {
                    out.write(input[at]);
                } else {
                    out.write(input, at, n);
                }
                at += n;
            }
        }
        return sink.toByteArray();
    }

    @Test
    void hidesAWholeSecret() {
        assertThat(redactor("hunter2").redact("secret: hunter2, plain: plaintext\n"))
                .isEqualTo("secret: [secret], plain: plaintext\n");
    }

    @Test
    void hidesEveryOccurrence() {
        assertThat(redactor("hunter2").redact("hunter2hunter2 hunter2")).isEqualTo("[secret][secret] [secret]");
    }

    @Test
    void overlappingSecretsHideTheOneThatEndsFirst() {
        assertThat(redactor("abcd", "cdef").redact("xabcdefx")).isEqualTo("x[secret]efx");
        assertThat(redactor("cdef", "abcd").redact("xabcdefx")).isEqualTo("x[secret]efx");
    }

    @Test
    void aSecretThatIsAPrefixOfAnotherEndsFirst() {
        assertThat(redactor("abc", "abcdef").redact("abcdef")).isEqualTo("[secret]def");
        assertThat(redactor("abcdef", "abc").redact("abcxyz abcdef")).isEqualTo("[secret]xyz [secret]def");
    }

    @Test
    void secretsEndingTogetherHideTheLongest() {
        assertThat(redactor("bcd", "abcd").redact("xabcdx")).isEqualTo("x[secret]x");
        assertThat(redactor("abcd", "bcd").redact("xbcdx")).isEqualTo("x[secret]x");
    }

    @Test
    void aFailedLongPrefixStillFindsAShorterSecretInside() {
        // "abcab" is a prefix of the first secret; the second starts inside it.
        assertThat(redactor("abcabd", "cabx").redact("abcabx")).isEqualTo("ab[secret]");
        assertThat(redactor("aaab").redact("aaaaaab")).isEqualTo("aaa[secret]");
    }

    @Test
    void secretsShorterThanThreeBytesStayVisible() {
        SecretRedactor redactor = redactor("ab", "x", "");
        assertThat(redactor.isEmpty()).isTrue();
        assertThat(redactor.redact("ab x abab")).isEqualTo("ab x abab");
        assertThat(redactor("ab", "abc").redact("ab abc")).isEqualTo("ab [secret]");
    }

    @Test
    void duplicateSecretsAreHarmless() {
        assertThat(redactor("hunter2", "hunter2", "hunter2").redact("a hunter2 b")).isEqualTo("a [secret] b");
    }

    @Test
    void theReplacementItselfCanBeASecret() {
        // "secret" ends first, one byte before "[secret]" would.
        assertThat(redactor("[secret]", "secret").redact("[secret] secret")).isEqualTo("[[secret]] [secret]");
        assertThat(redactor("[secret]").redact("[secret]")).isEqualTo("[secret]");
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(redactor("secret").redact(new byte[0])).isEmpty();
        assertThat(SecretRedactor.none().redact(new byte[0])).isEmpty();
    }

    @Test
    void utf8SecretsMatchAsBytes() {
        assertThat(redactor("pässwörd", "日本語の秘密").redact("a pässwörd, b 日本語の秘密 c"))
                .isEqualTo("a [secret], b [secret] c");
    }

    @Test
    void binaryDataAndBinarySecrets() {
        byte[] secret = {0, (byte) 0xff, 10, 0, (byte) 0x80};
        byte[] input = {1, 0, (byte) 0xff, 10, 0, (byte) 0x80, 2, 0, (byte) 0xff, 10};
        byte[] expected = new byte[] {1, '[', 's', 'e', 'c', 'r', 'e', 't', ']', 2, 0, (byte) 0xff, 10};
        assertThat(SecretRedactor.ofBytes(List.of(secret)).redact(input)).isEqualTo(expected);
    }

    @Test
    void secretSplitAtEveryPossibleBoundary() throws IOException {
        SecretRedactor redactor = redactor("correct horse", "horse battery");
        byte[] input = "say correct horse battery staple\n".getBytes(UTF_8);
        for (int cut = 0; cut <= input.length; cut++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (RedactingOutputStream out = redactor.wrap(sink)) {
                out.write(input, 0, cut);
                out.write(input, cut, input.length - cut);
            }
            assertThat(sink.toString(UTF_8)).as("cut at %d", cut).isEqualTo("say [secret] battery staple\n");
        }
    }

    @Test
    void secretWrittenOneByteAtATime() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (RedactingOutputStream out = redactor("hunter2").wrap(sink)) {
            for (byte b : "pw=hunter2!".getBytes(UTF_8)) {
                out.write(b);
            }
        }
        assertThat(sink.toString(UTF_8)).isEqualTo("pw=[secret]!");
    }

    @Test
    void holdsBackOnlyWhatMayStillBecomeASecret() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = redactor("hunter2").wrap(sink);

        out.write("Password: ".getBytes(UTF_8));
        assertThat(sink.toString(UTF_8)).isEqualTo("Password: ");

        out.write("xhun".getBytes(UTF_8));
        out.flush(); // a flush must not leak the half of a secret
        assertThat(sink.toString(UTF_8)).isEqualTo("Password: x");

        out.write("ted".getBytes(UTF_8)); // "hunt" then 'e': no longer a prefix
        assertThat(sink.toString(UTF_8)).isEqualTo("Password: xhunted");

        out.write("hunter".getBytes(UTF_8));
        out.finish(); // the stream ends: an incomplete prefix is just text
        assertThat(sink.toString(UTF_8)).isEqualTo("Password: xhuntedhunter");
    }

    @Test
    void aSecretInsideAVeryLongLine() {
        String filler = "x".repeat(1_000_000);
        String line = filler + "hunter2" + filler + "\n";
        assertThat(redactor("hunter2").redact(line)).isEqualTo(filler + "[secret]" + filler + "\n");
    }

    @Test
    void closeIsIdempotentAndClosesTheTarget() throws IOException {
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RedactingOutputStream out = redactor("hunter2").wrap(sink);
        out.write("hunt".getBytes(UTF_8));
        out.close();
        out.close();
        assertThat(closed[0]).isTrue();
        assertThat(sink.toString(UTF_8)).isEqualTo("hunt");
    }

    @Test
    void randomTextAgainstTheModel() throws IOException {
        Random random = new Random(20261125);
        for (int round = 0; round < 400; round++) {
            // A tiny alphabet makes overlaps, shared prefixes and near misses frequent.
            List<byte[]> secrets = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                secrets.add(randomBytes(random, 1 + random.nextInt(7), 3));
            }
            byte[] input = randomBytes(random, random.nextInt(400), 3);
            byte[] expected = modelRedact(secrets, input);
            SecretRedactor dense = SecretRedactor.ofBytes(secrets);
            SecretRedactor sparse = SecretRedactor.ofBytes(secrets, 1);
            assertThat(dense.redact(input)).as("round %d", round).isEqualTo(expected);
            assertThat(streamInChunks(dense, input, random, 9)).as("round %d chunked", round).isEqualTo(expected);
            assertThat(streamInChunks(sparse, input, random, 9)).as("round %d sparse", round).isEqualTo(expected);
        }
    }

    @Test
    void randomBinaryAgainstTheModel() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            List<byte[]> secrets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                secrets.add(randomBytes(random, 3 + random.nextInt(30), 256));
            }
            // Plant whole and partial secrets in random binary data.
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            for (int i = 0; i < 40; i++) {
                input.writeBytes(randomBytes(random, random.nextInt(50), 256));
                byte[] secret = secrets.get(random.nextInt(secrets.size()));
                input.write(secret, 0, random.nextBoolean() ? secret.length : random.nextInt(secret.length));
            }
            byte[] bytes = input.toByteArray();
            byte[] expected = modelRedact(secrets, bytes);
            assertThat(streamInChunks(SecretRedactor.ofBytes(secrets), bytes, random, 64)).isEqualTo(expected);
            assertThat(streamInChunks(SecretRedactor.ofBytes(secrets, 300), bytes, random, 64)).isEqualTo(expected);
        }
    }

    @Test
    void manyLongSecretsBeyondTheDenseTable() throws IOException {
        Random random = new Random(99);
        List<byte[]> secrets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            secrets.add(randomBytes(random, 3000 + random.nextInt(2000), 64)); // like PEM keys
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            input.writeBytes(randomBytes(random, random.nextInt(3000), 64));
            byte[] secret = secrets.get(random.nextInt(secrets.size()));
            input.write(secret, 0, random.nextInt(4) == 0 ? random.nextInt(secret.length) : secret.length);
        }
        byte[] bytes = input.toByteArray();
        SecretRedactor redactor = SecretRedactor.ofBytes(secrets);
        assertThat(streamInChunks(redactor, bytes, random, 8192)).isEqualTo(modelRedact(secrets, bytes));
    }

    /** The size of the pump's reads (StreamPump), and a larger one: the writes the redactor sees in a real run. */
    private static final int[] LARGE_WRITES = {64 * 1024, 256 * 1024};

    @Test
    void secretsInLargeWritesAgainstTheModel() throws IOException {
        // The scan skips whole windows (as long as the shortest secret) at the root; filler made of the secrets' own
        // bytes defeats the skip often, random filler rarely, and a 3-byte secret makes the window small.
        Random random = new Random(4);
        for (int round = 0; round < 12; round++) {
            List<byte[]> secrets = new ArrayList<>();
            int shortest = round % 3 == 0 ? 3 : 5 + random.nextInt(20);
            secrets.add(randomBytes(random, shortest, 256));
            for (int i = 0; i < 6; i++) {
                secrets.add(randomBytes(random, shortest + random.nextInt(30), 256));
            }
            ByteArrayOutputStream allSecrets = new ByteArrayOutputStream();
            secrets.forEach(allSecrets::writeBytes);
            byte[] secretBytes = allSecrets.toByteArray();
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            while (input.size() < 300_000) {
                int length = random.nextInt(2000);
                if (random.nextBoolean()) {
                    input.writeBytes(randomBytes(random, length, 256));
                } else {
                    for (int i = 0; i < length; i++) {
                        input.write(secretBytes[random.nextInt(secretBytes.length)]);
                    }
                }
                byte[] secret = secrets.get(random.nextInt(secrets.size()));
                input.write(secret, 0, random.nextInt(3) == 0 ? random.nextInt(secret.length) : secret.length);
            }
            byte[] bytes = input.toByteArray();
            byte[] expected = modelRedact(secrets, bytes);
            SecretRedactor redactor = SecretRedactor.ofBytes(secrets);
            for (int size : LARGE_WRITES) {
                assertThat(streamInFixedWrites(redactor, bytes, size)).as("round %d, writes of %d", round, size)
                        .isEqualTo(expected);
            }
            assertThat(streamInChunks(redactor, bytes, random, 100_000)).as("round %d, random writes", round)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aSecretAcrossTheBoundaryOfLargeWrites() throws IOException {
        byte[] secret = "s3cret-value-1".getBytes(UTF_8);
        SecretRedactor redactor =
                SecretRedactor.ofBytes(List.of(secret, "value-number-1-s3cret-value-1".getBytes(UTF_8)));
        Random random = new Random(11);
        for (int size : LARGE_WRITES) {
            for (int cut = 1; cut < secret.length; cut++) {
                byte[] before = noSecretBytes(random, size - cut);
                byte[] after = noSecretBytes(random, size);
                ByteArrayOutputStream input = new ByteArrayOutputStream();
                input.writeBytes(before);
                input.writeBytes(secret);
                input.writeBytes(after);
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                expected.writeBytes(before);
                expected.writeBytes("[secret]".getBytes(UTF_8));
                expected.writeBytes(after);
                assertThat(streamInFixedWrites(redactor, input.toByteArray(), size))
                        .as("writes of %d, secret cut after %d bytes", size, cut)
                        .isEqualTo(expected.toByteArray());
            }
        }
    }

    @Test
    void aSecretAtTheVeryEndOfTheStream() throws IOException {
        byte[] secret = "s3cret-value-1".getBytes(UTF_8);
        SecretRedactor redactor = SecretRedactor.ofBytes(List.of(secret));
        byte[] filler = noSecretBytes(new Random(5), 256 * 1024 - 3);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(filler);
        input.writeBytes(secret);
        for (int size : LARGE_WRITES) {
            byte[] output = streamInFixedWrites(redactor, input.toByteArray(), size);
            assertThat(Arrays.copyOfRange(output, 0, filler.length)).isEqualTo(filler);
            assertThat(new String(output, filler.length, output.length - filler.length, UTF_8))
                    .as("writes of %d", size).isEqualTo("[secret]");
        }
    }

    @Test
    void aPromptAfterLargeOutputIsPassedOnWithoutWaitingForMore() throws IOException {
        SecretRedactor redactor = redactor("s3cret-value-1", "value-number-1-s3cret-value-1");
        byte[] filler = noSecretBytes(new Random(6), 256 * 1024);
        byte[] prompt = "\nPassword: ".getBytes(UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = redactor.wrap(sink);
        out.write(filler);
        out.write(prompt);
        out.flush();
        // No newline, no finish: everything is there already, as nothing of it can begin a secret.
        assertThat(sink.size()).isEqualTo(filler.length + prompt.length);
        assertThat(new String(sink.toByteArray(), filler.length, prompt.length, UTF_8)).isEqualTo("\nPassword: ");
    }

    /** Streams {@code input} through {@code redactor} in writes of {@code size} bytes (the last one shorter). */
    private static byte[] streamInFixedWrites(SecretRedactor redactor, byte[] input, int size) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (RedactingOutputStream out = redactor.wrap(sink)) {
            for (int at = 0; at < input.length; at += size) {
                out.write(input, at, Math.min(size, input.length - at));
            }
        }
        return sink.toByteArray();
    }

    /** Random bytes without 's' and 'v', the first bytes of the secrets these tests use: no secret can start. */
    private static byte[] noSecretBytes(Random random, int length) {
        byte[] bytes = randomBytes(random, length, 256);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 's' || bytes[i] == 'v') {
                bytes[i] = 'x';
            }
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random, int length, int alphabet) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (alphabet == 256 ? random.nextInt(256) : 'a' + random.nextInt(alphabet));
        }
        return bytes;
    }
}
