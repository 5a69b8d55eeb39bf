package dev.openesc.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The server's own Logback configuration: request lines go through an asynchronous appender, which by Logback's
 * defaults drops INFO events when its queue is nearly full and loses what is queued when the process exits.
 */
class ServerLogConfigTest {

    private static final int LINES = 20_000; // more than twice the queue: a dropping appender loses some

    @Test
    void everyRequestLineIsWrittenWithItsFieldsByTheTimeLogbackStops() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what the SLF4J binding gives the default context
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getClassLoader().getResource("openesc-server-logback.xml"));
            Logger requests = context.getLogger("dev.openesc.server.http.requests");
            ExecutorService threads = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = 0; i < LINES / 4; i++) {
                        requests.atInfo().addKeyValue("path", "/p/" + thread + "/" + i).addKeyValue("status", 200)
                                .log("request");
                    }
                });
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            context.getLogger("dev.openesc.server.EscServer").info("server stopped");
            context.stop();
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.contains(" INFO  requests request ")).count()).isEqualTo(LINES);
        assertThat(text).contains("path=\"/p/3/" + (LINES / 4 - 1) + "\" status=\"200\"")
                .contains("INFO  EscServer server stopped");
    }
}
