package dev.openesc.server.scale;

import java.time.Duration;

/** Waiting, within a bound, for a condition that other threads or processes make true. */
final class Eventually {

    /** A condition whose check may do I/O. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    /** Polls every 50 ms until {@code condition} holds; fails the test with {@code what} after {@code bound}. */
    static void await(String what, Duration bound, Condition condition) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
