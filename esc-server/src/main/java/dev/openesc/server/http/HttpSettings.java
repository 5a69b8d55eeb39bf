package dev.openesc.server.http;

import java.time.Duration;

/**
 * How the REST layer listens and protects itself.
 *
 * @param host          the address to bind ({@code 127.0.0.1} by default: nothing is exposed unless asked)
 * @param port          the port; 0 picks a free one (tests)
 * @param maxBodyBytes  the largest request body accepted; larger ones answer 413
 * @param stopTimeout   how long a stop waits for requests in flight to finish
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration stopTimeout) {

    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", 8080, DEFAULT_MAX_BODY, Duration.ofSeconds(20));
    }

    public HttpSettings withAddress(String newHost, int newPort) {
        return new HttpSettings(newHost, newPort, maxBodyBytes, stopTimeout);
    }

    public HttpSettings withMaxBodyBytes(long limit) {
        return new HttpSettings(host, port, limit, stopTimeout);
    }

    public HttpSettings withStopTimeout(Duration timeout) {
        return new HttpSettings(host, port, maxBodyBytes, timeout);
    }
}
