package dev.openesc.server.scale;

import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.testing.StoreFixture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starting replicas of one deployment: one PostgreSQL, one master key (as ESC_MASTER_KEY), port 0 each. */
final class Replicas {

    private Replicas() {
    }

    /**
     * The connection wait (seconds) of replicas in tests of races and dead replicas rather than of database
     * outages: on a loaded machine a pool can stall past the default 2.5 s, and the 503 that follows is
     * load shedding, not a fault of what those tests check.
     */
    private static final String PATIENT_CONNECTION_WAIT = "20";

    /** A replica with the server's default connection wait, as deployed. */
    static RunningServer startAsDeployed(Path dataDir, String databaseUrl) {
        return start(dataDir, databaseUrl, Map.of(LocalMasterKey.ENV_KEY, StoreFixture.TEST_MASTER_KEY));
    }

    /** A replica that waits up to {@value #PATIENT_CONNECTION_WAIT} s for a database connection. */
    static RunningServer start(Path dataDir, String databaseUrl) {
        return start(dataDir, databaseUrl, Map.of(LocalMasterKey.ENV_KEY, StoreFixture.TEST_MASTER_KEY,
                EscServer.CONNECTION_TIMEOUT_VARIABLE, PATIENT_CONNECTION_WAIT));
    }

    private static RunningServer start(Path dataDir, String databaseUrl, Map<String, String> environment) {
        ServerConfig config = ServerConfig.at(dataDir).withListen("127.0.0.1", 0).withDatabaseUrl(databaseUrl)
                .withEnvironment(environment);
        return EscServer.start(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The admin token the replica that found the database empty wrote into its data folder. */
    static String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
