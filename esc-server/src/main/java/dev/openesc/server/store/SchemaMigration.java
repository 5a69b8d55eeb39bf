package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the schema of this code. Every CLI command opens the database, and Flyway's scan,
 * validation and locking cost more than the rest of a short command, so a database whose history already ends
 * at {@link #newest} is recognised by one query and Flyway is not loaded at all. Anything else (no history, an
 * older version, a failed row) goes through Flyway, which keeps its guarantees: the pending migrations commit
 * together or not at all, and concurrent first starts on PostgreSQL serialise on its lock.
 *
 * <p>The fast path does not re-check migration checksums; Flyway still does whenever it runs.
 *
 * @param locations  Flyway locations, ours first
 * @param newest     the newest version among them, or empty when unknown (then Flyway always runs)
 */
record SchemaMigration(List<String> locations, Optional<Version> newest) {

    /** The newest migration in {@code db/migration}; a test keeps the two in step. */
    static final Version CURRENT = Version.parse("3");

    static final String HISTORY_TABLE = "flyway_schema_history";

    SchemaMigration {
        locations = List.copyOf(locations);
    }

    /** Our migrations, plus the extra locations of the options (whose newest version we cannot know cheaply). */
    static SchemaMigration of(DatabaseOptions options) {
        List<String> all = new ArrayList<>();
        all.add(Database.MIGRATIONS);
        all.addAll(options.extraMigrationLocations());
        return new SchemaMigration(all,
                options.extraMigrationLocations().isEmpty() ? Optional.of(CURRENT) : Optional.empty());
    }

    /** Migrates if needed; true when Flyway ran, false when the schema was already current. */
    boolean apply(DataSource dataSource, Dialect dialect) {
        if (newest.isPresent()) {
            Optional<Version> applied = appliedVersion(dataSource);
            if (applied.isPresent()) {
                int order = applied.get().compareTo(newest.get());
                if (order == 0) {
                    return false;
                }
                if (order > 0) {
                    throw new StoreException.StoreUnavailable("the database schema is at version " + applied.get()
                            + ", newer than this version of OpenESC knows (" + newest.get()
                            + "); use a newer OpenESC with this database", null);
                }
            }
        }
        runFlyway(dataSource, dialect);
        return true;
    }

    /**
     * The latest version the history records as applied, or empty when Flyway must decide: no history table
     * yet, or a failed row that Flyway should report.
     */
    private static Optional<Version> appliedVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, success FROM " + HISTORY_TABLE + " WHERE version IS NOT NULL")) {
            Version latest = null;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return Optional.empty();
                }
                Version version = Version.parse(rows.getString(1));
                if (latest == null || version.compareTo(latest) > 0) {
                    latest = version;
                }
            }
            return Optional.ofNullable(latest);
        } catch (SQLException | IllegalArgumentException e) {
            // Most often the table does not exist yet (a fresh database); Flyway handles every other case.
            return Optional.empty();
        }
    }

    private void runFlyway(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(locations.toArray(String[]::new))
                    .placeholders(dialect.migrationPlaceholders())
                    // Each migration is one transaction on both databases (both have transactional DDL).
                    .mixed(false)
                    // All pending migrations commit together or not at all.
                    .group(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException.StoreUnavailable("database migration failed: " + e.getMessage(), e);
        }
    }

    /** A Flyway version such as 1 or 2.1, compared part by part as numbers. */
    record Version(List<Long> parts) implements Comparable<Version> {

        Version {
            parts = List.copyOf(parts);
        }

        /** Parts separated by dots or underscores, as Flyway writes them (a loop: every command parses two). */
        static Version parse(String text) {
            List<Long> parts = new ArrayList<>();
            int start = 0;
            try {
                for (int i = 0; i <= text.length(); i++) {
                    if (i == text.length() || text.charAt(i) == '.' || text.charAt(i) == '_') {
                        parts.add(Long.parseLong(text.substring(start, i)));
                        start = i + 1;
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a schema version: " + text, e);
            }
            return new Version(parts);
        }

        @Override
        public int compareTo(Version other) {
            for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
                long mine = i < parts.size() ? parts.get(i) : 0;
                long theirs = i < other.parts.size() ? other.parts.get(i) : 0;
                if (mine != theirs) {
                    return Long.compare(mine, theirs);
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return String.join(".", parts.stream().map(String::valueOf).toList());
        }
    }
}
