package dev.openesc.cli.run;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The first run of what {@link CommandRunner} starts its child with, done by the start-up warm-up thread of
 * {@code esc run} once it has nothing else to do, while the main thread opens the environment: the JDK's process
 * handles (their class initialisation makes the reaper's thread pool, linking lambdas of the JDK's own), its
 * {@link CompletableFuture} and {@code ForkJoinPool}, which every child's exit completes through, and the redactor's
 * classes. Nothing here starts a thread or a process or changes anything the run then sees: the main thread finds
 * these classes initialised instead of initialising them between the open and the child's start
 * (docs/benchmarks.md, CLI start-up, round 26).
 */
public final class ChildLaunchWarmup {

    private ChildLaunchWarmup() {}

    /** Initialises and first runs the classes above; cheap, and harmless if the run then never starts a child. */
    public static void prepare() {
        ProcessHandle.current();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        exit.handle(Ignored.INSTANCE);
        exit.complete(0);
        SecretRedactor.none();
    }

    /** The shape of the completion a child's exit runs; a named class, not a lambda (docs/decisions.md 25). */
    private static final class Ignored implements BiFunction<Integer, Throwable, Integer> {
        static final Ignored INSTANCE = new Ignored();

        @Override
        public Integer apply(Integer status, Throwable failure) {
            return status;
        }
    }
}
