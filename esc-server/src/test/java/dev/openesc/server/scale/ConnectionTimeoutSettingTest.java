package dev.openesc.server.scale;

import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ESC_DATABASE_CONNECTION_TIMEOUT}: seconds, at least 0.25; anything else stops the start with a clear message. */
class ConnectionTimeoutSettingTest {

    @Test
    void aValidWaitIsAcceptedAndAMalformedOrTooShortOneRefused(@TempDir Path data) {
        try (RunningServer server = start(data, "0.5")) {
            assertThat(server.port()).isPositive();
        }
        for (String wrong : new String[] {"soon", "0.1", "1.0001"}) {
            assertThatThrownBy(() -> start(data, wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EscServer.CONNECTION_TIMEOUT_VARIABLE).hasMessageContaining(wrong);
        }
    }

    private static RunningServer start(Path data, String seconds) {
        return EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0)
                        .withEnvironment(Map.of(EscServer.CONNECTION_TIMEOUT_VARIABLE, seconds)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
