package dev.openesc.server.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to open a {@link Database}.
 *
 * @param clock                    the time every store stamps on what it writes and compares expiries with
 * @param maxPoolSize              connections in the pool (SQLite serialises writers anyway, so a few suffice)
 * @param extraMigrationLocations  more Flyway locations after ours, for tests of the migration machinery
 * @param connectionTimeout        how long a request waits for a pooled connection before it fails with
 *                                 {@link StoreException.StoreUnavailable} (503): short, so that while the
 *                                 database is down requests fail fast; it also sheds load when every
 *                                 connection is busy for that long (on SQLite the pool waits at least
 *                                 10 s: a local file is never down)
 */
public record DatabaseOptions(Clock clock, int maxPoolSize, List<String> extraMigrationLocations,
                              Duration connectionTimeout) {

    /** The pool's wait by default; Hikari accepts nothing under 250 ms. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(2_500);
    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseOptions {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms");
        }
        extraMigrationLocations = List.copyOf(extraMigrationLocations);
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(Clock.systemUTC(), 8, List.of(), DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseOptions withClock(Clock newClock) {
        return new DatabaseOptions(newClock, maxPoolSize, extraMigrationLocations, connectionTimeout);
    }

    public DatabaseOptions withExtraMigrations(List<String> locations) {
        return new DatabaseOptions(clock, maxPoolSize, locations, connectionTimeout);
    }

    public DatabaseOptions withConnectionTimeout(Duration timeout) {
        return new DatabaseOptions(clock, maxPoolSize, extraMigrationLocations, timeout);
    }
}
