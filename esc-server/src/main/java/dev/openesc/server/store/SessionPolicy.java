package dev.openesc.server.store;

import java.time.Duration;

/** How long an opened environment stays readable: a default and a configurable ceiling. */
public record SessionPolicy(Duration defaultDuration, Duration maxDuration) {

    public SessionPolicy {
        if (defaultDuration.isNegative() || defaultDuration.isZero() || maxDuration.compareTo(defaultDuration) < 0) {
            throw new IllegalArgumentException("need 0 < default <= max, got " + defaultDuration + " and " + maxDuration);
        }
    }

    /** One hour by default, as the reference; at most one day unless configured otherwise. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofHours(1), Duration.ofDays(1));
    }

    /** Whether a requested duration may be granted; the service answers 400 for one that may not. */
    public boolean permits(Duration requested) {
        return !requested.isNegative() && !requested.isZero() && requested.compareTo(maxDuration) <= 0;
    }
}
