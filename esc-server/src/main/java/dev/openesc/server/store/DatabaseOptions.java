package dev.openesc.server.store;

import java.time.Clock;
import java.util.List;

/**
 * How to open a {@link Database}.
 *
 * @param clock                    the time every store stamps on what it writes and compares expiries with
 * @param maxPoolSize              connections in the pool (SQLite serialises writers anyway, so a few suffice)
 * @param extraMigrationLocations  more Flyway locations after ours, for tests of the migration machinery
 */
public record DatabaseOptions(Clock clock, int maxPoolSize, List<String> extraMigrationLocations) {

    public DatabaseOptions {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        extraMigrationLocations = List.copyOf(extraMigrationLocations);
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(Clock.systemUTC(), 8, List.of());
    }

    public DatabaseOptions withClock(Clock newClock) {
        return new DatabaseOptions(newClock, maxPoolSize, extraMigrationLocations);
    }

    public DatabaseOptions withExtraMigrations(List<String> locations) {
        return new DatabaseOptions(clock, maxPoolSize, locations);
    }
}
