package dev.openesc.server;

/**
 * A started server: where it listens, and how to stop it. {@link #close()} stops accepting connections,
 * lets requests in flight finish, then closes the database.
 *
 * @param port      the port it listens on (the one picked when asked for port 0)
 * @param publicUrl the URL clients reach it at
 * @param dataDir   its data folder, as a string so this record needs no file system types
 */
public record RunningServer(int port, String publicUrl, String dataDir, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly", e);
        }
    }
}
