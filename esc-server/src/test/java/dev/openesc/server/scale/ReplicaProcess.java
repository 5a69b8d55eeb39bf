package dev.openesc.server.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A {@link ReplicaMain} in a child JVM on the test's class path, its output in a file of the test's
 * folder. {@link #kill()} is SIGKILL (kill -9): no shutdown hook, no graceful stop, leases kept.
 */
final class ReplicaProcess implements AutoCloseable {

    private static final Duration START_BOUND = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private ReplicaProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ReplicaProcess start(Path dataDir, String databaseUrl, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A small heap and the quick compiler: the child only serves a test's load on a shared machine.
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ReplicaMain.class.getName(), dataDir.toString(),
                databaseUrl))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int[] port = new int[1];
            Eventually.await("the replica prints its port (see " + log + ")", START_BOUND, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the replica exited with " + process.exitValue() + ": "
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                port[0] = portIn(log);
                return port[0] > 0;
            });
            return new ReplicaProcess(process, port[0]);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int portIn(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        // Decoded leniently: the child may be half way through writing a line.
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()) {
            int at = line.indexOf(ReplicaMain.PORT_LINE);
            if (at >= 0) {
                return Integer.parseInt(line.substring(at + ReplicaMain.PORT_LINE.length()).strip());
            }
        }
        return 0;
    }
}
