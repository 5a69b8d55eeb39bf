package dev.openesc.server.scale;

import dev.openesc.server.RunningServer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A replica in a process of its own, for tests that kill one with SIGKILL: starts a server on the
 * PostgreSQL URL it is given, prints {@value #PORT_LINE} and its port, and serves until it is killed, or
 * until its standard input ends: that is the test JVM gone, and no replica should outlive it.
 * Arguments: data folder, database URL.
 */
public final class ReplicaMain {

    static final String PORT_LINE = "replica listening on port ";

    private ReplicaMain() {
    }

    public static void main(String[] args) throws IOException {
        RunningServer server = Replicas.start(Path.of(args[0]), args[1]);
        System.out.println(PORT_LINE + server.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // the parent writes nothing; the read returns -1 when the parent process has exited
        }
        Runtime.getRuntime().halt(1);
    }
}
