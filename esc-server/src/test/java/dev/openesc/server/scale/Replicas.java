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

    static ServerConfig config(Path dataDir, String databaseUrl) {
        return ServerConfig.at(dataDir).withListen("127.0.0.1", 0).withDatabaseUrl(databaseUrl)
                .withEnvironment(Map.of(LocalMasterKey.ENV_KEY, StoreFixture.TEST_MASTER_KEY));
    }

    static RunningServer start(Path dataDir, String databaseUrl) {
        return EscServer.start(config(dataDir, databaseUrl),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
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
