package dev.openesc.server.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One structured log line and one timer sample per request. What is logged is chosen, never dumped: the
 * method, the path (control characters escaped, so a crafted path cannot forge lines), the route it
 * matched, the status, the time taken and the authenticated login. Never a header (the token is one),
 * never a body (a secret may be one), never the query string.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.openesc.server.http.requests");
    private static final int MAX_PATH = 300;

    /** A timer series; routes are templates, so there are as many as routes, methods and statuses in use. */
    private record TimerKey(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    /** The registry's timers by their tags: building the tags and finding the timer was 3 % of a small GET. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    RequestLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        timers.computeIfAbsent(new TimerKey(ctx.method().name(), route, status), this::timer)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        if (isOperational(route) && status < 400) {
            return; // health probes and scrapes every few seconds would drown the log
        }
        Object login = ctx.attribute(TokenAuthentication.LOGIN_ATTRIBUTE);
        LOG.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", printable(ctx.path()))
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("ms", tenths(millis))
                .addKeyValue("user", login == null ? "-" : login)
                .addKeyValue("remote", ctx.req().getRemoteAddr())
                .log("request");
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests served, by route and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private static boolean isOperational(String route) {
        return route.equals("/healthz") || route.equals("/readyz") || route.equals("/metrics");
    }

    /** The route template the request matched, so metrics do not get one series per environment. */
    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException none) {
            return "unmatched";
        }
    }

    /**
     * Milliseconds with one decimal, as {@code %.1f} writes them; {@code String.format} was half the cost of a
     * log line (a formatter and locale symbols per call), about 15 % of the CPU of a small GET.
     */
    static String tenths(float millis) {
        long tenths = Math.round(Math.max(0, millis) * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() < MAX_PATH && isPlain(text)) {
            return text; // nearly every path: nothing to escape, nothing to cut
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_PATH) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_PATH; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_PATH) {
            out.append("...");
        }
        return out.toString();
    }
}
