package dev.openesc.cli.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one stream to another, passing each chunk on as soon as it is read, so that the reader on the other side
 * sees output without delay: on a thread of its own, or on the caller's ({@link #copyOutput}).
 *
 * <p>What happens at the end is chosen here, by plain branches rather than a callback handed in: {@code esc run}
 * starts its pumps at every run, and each lambda or method reference is linked the first time it runs (docs/decisions.md
 * 25).
 */
final class StreamPump implements Runnable {

    private static final int CHUNK = 64 * 1024;

    private final InputStream from;
    private final OutputStream to;
    private final boolean feedsChild;
    private final Thread thread;

    private StreamPump(String name, InputStream from, OutputStream to, boolean feedsChild) {
        this.from = from;
        this.to = to;
        this.feedsChild = feedsChild;
        this.thread = new Thread(this, name);
        // A pump that reads esc's own standard input may wait forever after the child is gone; it must not keep
        // the JVM alive.
        thread.setDaemon(true);
    }

    /**
     * Starts copying the child's output {@code from} to {@code to} on a thread of its own; see
     * {@link #copyOutput}.
     */
    static StreamPump output(String name, InputStream from, OutputStream to) {
        StreamPump pump = new StreamPump(name, from, to, false);
        pump.thread.start();
        return pump;
    }

    /** Starts copying {@code from} into the child's standard input {@code to}, closing it at the end. */
    static StreamPump input(String name, InputStream from, OutputStream to) {
        StreamPump pump = new StreamPump(name, from, to, true);
        pump.thread.start();
        return pump;
    }

    /**
     * Copies the child's output {@code from} to {@code to} on this thread, until the child closes it. At the end a
     * {@link RedactingOutputStream} is finished (its held-back tail let go), any other target flushed. If {@code to}
     * fails, the child's pipe is closed so that the child sees a broken pipe, as it would writing into a closed
     * shell pipeline.
     */
    static void copyOutput(InputStream from, OutputStream to) {
        copy(from, to, false);
    }

    @Override
    public void run() {
        copy(from, to, feedsChild);
    }

    private static void copy(InputStream from, OutputStream to, boolean feedsChild) {
        byte[] buffer = new byte[CHUNK];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
            if (feedsChild) {
                to.close();
            } else if (to instanceof RedactingOutputStream redacting) {
                redacting.finish();
            } else {
                to.flush();
            }
        } catch (IOException | RuntimeException e) {
            // The other side is gone: a child that exited without reading all of its input, or an output that was
            // closed (esc piped into `head`). Stop, and close the child's end so that it sees a broken pipe
            // instead of blocking on a pipe nobody reads.
            closeQuietly(feedsChild ? to : from);
        }
    }

    /** Waits until the source is exhausted and everything has been passed on. */
    void awaitEnd() throws InterruptedException {
        thread.join();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Already closed or broken; nothing to do.
        }
    }
}
