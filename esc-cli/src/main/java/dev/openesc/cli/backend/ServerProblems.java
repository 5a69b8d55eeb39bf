package dev.openesc.cli.backend;

import dev.openesc.api.EscException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * The words for a server that cannot be used: one line that names the URL and says what to do, never the Java
 * exception behind it (that goes to the stack trace {@code ESC_DEBUG=1} prints).
 */
final class ServerProblems {
    private ServerProblems() {}

    /** The server did not answer (refused, unknown host, timeout, TLS) or answered with a server error. */
    static BackendException unreachable(String url, EscException.Unavailable e) {
        String why = transportReason(e);
        String message = why != null ? "cannot reach " + url + " (" + why + ")"
                : "the server at " + url + " failed: " + e.getMessage();
        return new BackendException(BackendException.Kind.UNAVAILABLE, message, e);
    }

    /** A 401 on a login that worked before: the token expired or was revoked. */
    static BackendException loginExpired(String url, Exception e) {
        return new BackendException(BackendException.Kind.UNAUTHORIZED,
                "your login has expired or was revoked; run esc login " + url, e);
    }

    /** Why the request never got an answer, in a few words; null when the server answered (a 5xx). */
    private static String transportReason(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // HttpClient reports an unresolvable host as a ConnectException caused by UnresolvedAddressException.
                return t.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof java.io.IOException && t.getCause() == null) {
                return "connection failed";
            }
        }
        return null;
    }
}
