package dev.openesc.cli.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An output stream that replaces every occurrence of a secret with {@link SecretRedactor#REPLACEMENT} on its way
 * to the underlying stream.
 *
 * <p>Output is passed on as soon as it cannot be the start of a secret: the stream holds back only the longest
 * tail of what it has seen that is a proper prefix of some secret, and lets it go as soon as the following bytes
 * rule the secret out, or on {@link #finish()} / {@link #close()}. A prompt without a trailing newline therefore
 * reaches the terminal at once, while a secret written in two halves is still caught.
 *
 * <p>Where secrets overlap, the one that ends first is hidden (the longest one when several end at the same byte),
 * and the search resumes after it, as the reference does.
 *
 * <p>{@link #flush()} flushes the underlying stream but keeps the held-back tail: releasing it early could leak
 * half of a secret. Not thread-safe; one writer per stream.
 */
public final class RedactingOutputStream extends FilterOutputStream {

    private final SecretAutomaton automaton;
    private final byte[] held;
    private final int[] reached = new int[1];
    private final byte[] single = new byte[1];
    private int heldLength;
    private int state = SecretAutomaton.ROOT;
    private boolean closed;

    RedactingOutputStream(OutputStream out, SecretAutomaton automaton) {
        super(out);
        this.automaton = automaton;
        this.held = new byte[Math.max(0, automaton.longestSecret())];
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (automaton.longestSecret() == 0) {
            out.write(bytes, offset, length);
            return;
        }
        int end = offset + length;
        int pending = offset; // bytes[offset..pending) are already written or replaced
        int position = offset;
        while (position < end) {
            position = automaton.scan(state, bytes, position, end, reached);
            state = reached[0];
            int secretLength = automaton.matchLength(state);
            if (secretLength == 0) {
                break;
            }
            int secretStart = position - secretLength;
            if (secretStart >= pending) {
                emitHeld(heldLength);
                emit(bytes, pending, secretStart - pending);
            } else {
                emitHeld(heldLength - (pending - secretStart));
            }
            heldLength = 0;
            out.write(SecretRedactor.REPLACEMENT_BYTES);
            state = SecretAutomaton.ROOT;
            pending = position;
        }
        holdBack(bytes, pending, end);
    }

    /** Writes out everything but the tail that may still grow into a secret, and keeps that tail. */
    private void holdBack(byte[] bytes, int pending, int end) throws IOException {
        int keep = automaton.depth(state);
        int fresh = end - pending;
        if (keep <= fresh) {
            emitHeld(heldLength);
            emit(bytes, pending, fresh - keep);
            System.arraycopy(bytes, end - keep, held, 0, keep);
        } else {
            int release = heldLength + fresh - keep;
            emitHeld(release);
            System.arraycopy(held, release, held, 0, heldLength - release);
            System.arraycopy(bytes, pending, held, heldLength - release, fresh);
        }
        heldLength = keep;
    }

    private void emitHeld(int count) throws IOException {
        emit(held, 0, count);
    }

    private void emit(byte[] bytes, int from, int count) throws IOException {
        if (count > 0) {
            out.write(bytes, from, count);
        }
    }

    /** Flushes the underlying stream; the held-back tail stays held (see the class comment). */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends the stream of output: the held-back tail (which cannot be a whole secret) is written out and the
     * underlying stream flushed, but not closed. Later writes start afresh.
     */
    public void finish() throws IOException {
        emitHeld(heldLength);
        heldLength = 0;
        state = SecretAutomaton.ROOT;
        out.flush();
    }

    /** {@link #finish() Finishes} and closes the underlying stream. Closing twice has no further effect. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            finish();
        } finally {
            closed = true;
            out.close();
        }
    }
}
