package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.EscException;
import dev.openesc.server.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The one place where failures become HTTP answers. Every 4xx and 5xx body is
 * {@code {"code", "message"}} (+ {@code diagnostics}); messages come from typed exceptions whose texts
 * are written to be shown. An unexpected exception answers 500 with a reference and nothing of its own
 * text, and is logged without its messages (which could quote data) but with its stack.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(EscException.class, ErrorMapper::service);
        routes.exception(HttpFailure.class, (e, ctx) -> send(ctx, e.status(), e.getMessage()));
        routes.exception(StoreException.StoreUnavailable.class, ErrorMapper::storeUnavailable);
        routes.exception(HttpResponseException.class, ErrorMapper::framework);
        routes.exception(Exception.class, ErrorMapper::unexpected);
    }

    static int status(EscException e) {
        if (e instanceof EscException.NotFound) {
            return 404;
        } else if (e instanceof EscException.Conflict) {
            return 409;
        } else if (e instanceof EscException.InvalidRequest || e instanceof EscException.EvaluationFailed) {
            return 400;
        } else if (e instanceof EscException.Unauthorized) {
            return 401;
        } else if (e instanceof EscException.Forbidden) {
            return 403;
        } else if (e instanceof EscException.TooLarge) {
            return 413;
        } else {
            return 503; // Unavailable
        }
    }

    private static void service(EscException e, Context ctx) {
        int status = status(e);
        if (e instanceof EscException.EvaluationFailed failed) {
            // Only the diagnostics, never the partially evaluated environment: it can hold the plaintext of
            // secrets the request carried, and an error body is no place for one. (A failed check is still
            // the check's shape: every field of an environment is optional.)
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("code", status);
            body.put("message", e.getMessage());
            body.set("diagnostics", Json.MAPPER.valueToTree(DiagnosticJson.of(failed.diagnostics())));
            Json.send(ctx, status, body);
            return;
        }
        if (e instanceof EscException.Unavailable) {
            logUnavailable(e);
        }
        send(ctx, status, e.getMessage());
    }

    /**
     * The store failed outside a service call (the OIDC documents read the signing keys directly): the
     * same 503 a service call answers while the database is down, not a 500.
     */
    private static void storeUnavailable(StoreException.StoreUnavailable e, Context ctx) {
        logUnavailable(e);
        send(ctx, 503, "the database is unavailable");
    }

    /**
     * One line per refused request, naming the root cause's type: while the database is down every request
     * fails alike, and a stack trace each would flood the log. The stack is there at debug level.
     */
    private static void logUnavailable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.atWarn().addKeyValue("cause", root.getClass().getName()).log("backend unavailable");
        LOG.debug("backend unavailable", Redacted.of(e));
    }

    private static void framework(HttpResponseException e, Context ctx) {
        String message = switch (e.getStatus()) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large";
            default -> e.getMessage() == null || e.getMessage().isEmpty() ? "request failed" : e.getMessage();
        };
        send(ctx, e.getStatus(), message);
    }

    /** A {@link Error} (out of memory, a missing class) also answers the JSON 500, from the servlet response. */
    static void fatal(jakarta.servlet.http.HttpServletResponse response, Error e) {
        String reference = UUID.randomUUID().toString();
        LOG.atError().addKeyValue("reference", reference).setCause(Redacted.of(e)).log("fatal failure");
        try {
            response.setStatus(500);
            response.setContentType("application/json");
            response.getOutputStream().write(Json.bytes(new ErrorBody(500, "internal error (reference " + reference + ")",
                    null)));
        } catch (java.io.IOException | RuntimeException ignored) {
            // the connection is gone or the response committed; the log line has the reference
        }
    }

    private static void unexpected(Exception e, Context ctx) {
        String reference = UUID.randomUUID().toString();
        LOG.atError().addKeyValue("reference", reference).setCause(Redacted.of(e)).log("unexpected failure");
        send(ctx, 500, "internal error (reference " + reference + ")");
    }

    static void send(Context ctx, int status, String message) {
        Json.send(ctx, status, new ErrorBody(status, message, null));
    }
}
