package dev.openesc.cli.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hides secret values in a command's output.
 *
 * <p>Secrets are matched as byte strings (text secrets as their UTF-8 bytes). Secrets shorter than
 * {@link #MIN_SECRET_LENGTH} bytes are not hidden: they carry too little information to be worth hiding, and
 * hiding them would mangle ordinary output (an empty secret would match between every two bytes).
 *
 * <p>A redactor is immutable and may be shared by any number of streams and threads; the matching automaton is
 * built once, so thousands of secrets cost no more per byte of output than one.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String REPLACEMENT = "[secret]";

    /** Secrets shorter than this many bytes are left visible. */
    public static final int MIN_SECRET_LENGTH = 3;

    static final byte[] REPLACEMENT_BYTES = REPLACEMENT.getBytes(StandardCharsets.US_ASCII);

    private static final SecretRedactor NONE = new SecretRedactor(List.of());

    private final SecretAutomaton automaton;
    private final int secretCount;

    private SecretRedactor(List<byte[]> secrets) {
        this(secrets, SecretAutomaton.DENSE_TABLE_BUDGET);
    }

    private SecretRedactor(List<byte[]> secrets, int denseBudget) {
        this.automaton = SecretAutomaton.of(secrets, denseBudget);
        this.secretCount = secrets.size();
    }

    /** A redactor that hides nothing. */
    public static SecretRedactor none() {
        return NONE;
    }

    /** A redactor for the given byte strings; those shorter than {@link #MIN_SECRET_LENGTH} are dropped. */
    public static SecretRedactor ofBytes(Collection<byte[]> secrets) {
        List<byte[]> kept = worthHiding(secrets);
        return kept.isEmpty() ? NONE : new SecretRedactor(kept);
    }

    /** As {@link #ofBytes}, with a given bound on the automaton's full-row table; for tests of the sparse path. */
    static SecretRedactor ofBytes(Collection<byte[]> secrets, int denseBudget) {
        return new SecretRedactor(worthHiding(secrets), denseBudget);
    }

    private static List<byte[]> worthHiding(Collection<byte[]> secrets) {
        List<byte[]> kept = new ArrayList<>();
        for (byte[] secret : secrets) {
            if (secret.length >= MIN_SECRET_LENGTH) {
                kept.add(secret.clone());
            }
        }
        return kept;
    }

    /** A redactor for the UTF-8 encodings of the given strings. */
    public static SecretRedactor ofStrings(Collection<String> secrets) {
        List<byte[]> bytes = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            bytes.add(secret.getBytes(StandardCharsets.UTF_8));
        }
        return ofBytes(bytes);
    }

    /** True when there is nothing to hide. */
    public boolean isEmpty() {
        return secretCount == 0;
    }

    /** A stream that writes to {@code out} with every secret hidden; see {@link RedactingOutputStream}. */
    public RedactingOutputStream wrap(OutputStream out) {
        return new RedactingOutputStream(out, automaton);
    }

    /** {@code out} itself when there is nothing to hide, else {@link #wrap wrapped}. */
    OutputStream wrapUnlessEmpty(OutputStream out) {
        return isEmpty() ? out : wrap(out);
    }

    /** The given bytes with every secret hidden. */
    public byte[] redact(byte[] bytes) {
        ByteArrayOutputStream result = new ByteArrayOutputStream(bytes.length);
        try (RedactingOutputStream redacting = wrap(result)) {
            redacting.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return result.toByteArray();
    }

    /** The given text with every secret hidden. */
    public String redact(String text) {
        return new String(redact(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
