package dev.openesc.server;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Stops Logback, when it is the logging backend, once the server has stopped: the request log's asynchronous
 * appender (openesc-server-logback.xml) writes out the lines still queued, which its daemon thread would
 * otherwise lose at exit. Only {@link EscServer#main} calls it: a process that embeds the server owns its
 * logging.
 */
final class LoggingShutdown {

    private LoggingShutdown() {
    }

    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
