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
        // A console slower than the request threads, so the queue is still full when Logback stops
        System.setErr(new PrintStream(new SlowStream(captured), true, StandardCharsets.UTF_8));
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
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        assertThat(text.lines().filter(l -> l.contains(" INFO  requests request ")).count()).isEqualTo(LINES);
        assertThat(text).contains("path=\"/p/3/" + (LINES / 4 - 1) + "\" status=\"200\"")
                .contains("INFO  EscServer server stopped");
    }

    /** Pauses a millisecond every 200 writes. */
    private static final class SlowStream extends java.io.OutputStream {
        private final ByteArrayOutputStream out;
        private int writes;

        SlowStream(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (out) {
                out.write(b, off, len);
            }
            if (++writes % 200 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
