package dev.openesc.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store's database: a connection pool on a SQLite file or a PostgreSQL server, migrated to the
 * current schema when opened. Repositories borrow connections through {@link #read} and
 * {@link #transaction}, which also turn {@link SQLException}s into {@link StoreException}s.
 */
public final class Database implements AutoCloseable {

    /** Work against one connection; may throw SQL errors, which the caller translates. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    static final String MIGRATIONS = "classpath:db/migration";

    /** How long a connection's liveness check may take at most; Hikari needs it below the connection timeout. */
    static final long VALIDATION_TIMEOUT_MS = 1_000;
    /**
     * The least a request waits for a SQLite connection. A local file is never down: a wait there is a
     * queue of writers, which a quick 503 would only turn into retries. The short configured wait is for
     * a database server that has gone away.
     */
    static final long SQLITE_MIN_CONNECTION_TIMEOUT_MS = 10_000;
    /** PostgreSQL driver limits (seconds): opening a socket, logging in, and any one statement's reply. */
    static final int PG_CONNECT_TIMEOUT_S = 2;
    static final int PG_SOCKET_TIMEOUT_S = 30;

    private final DatabaseUrl url;
    private final DataSource pool;
    private final Clock clock;
    private final boolean migratedAtOpen;
    /**
     * SQLite lets one writer in at a time and makes the others poll with sleeps that grow up to 100 ms
     * (its busy handler): under concurrent writes most of the time went into those sleeps. Writers of this
     * process queue here instead, in order, and take the file's lock only when it is theirs; the busy
     * timeout is left for writers of other processes. Null on PostgreSQL, whose row locks need no help.
     */
    private final ReentrantLock sqliteWriter;

    private Database(DatabaseUrl url, DataSource pool, Clock clock, boolean migratedAtOpen) {
        this.url = url;
        this.pool = pool;
        this.clock = clock;
        this.migratedAtOpen = migratedAtOpen;
        this.sqliteWriter = url.dialect() == Dialect.SQLITE ? new ReentrantLock(true) : null;
    }

    public static Database open(String url) {
        return open(DatabaseUrl.parse(url), DatabaseOptions.defaults());
    }

    public static Database open(String url, DatabaseOptions options) {
        return open(DatabaseUrl.parse(url), options);
    }

    /** Opens the pool and migrates the schema; a failed migration leaves the schema as it was. */
    public static Database open(DatabaseUrl url, DatabaseOptions options) {
        return open(url, options, SchemaMigration.of(options));
    }

    static Database open(DatabaseUrl url, DatabaseOptions options, SchemaMigration migration) {
        HikariDataSource pool = createPool(url, options);
        try {
            boolean migrated = migration.apply(pool, url.dialect());
            return new Database(url, pool, options.clock(), migrated);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens a SQLite database for a process that lives a moment (a CLI command) without a pool, which costs less
     * than starting a pool, its housekeeping thread and its first liveness checks: one connection, open until
     * {@link #close()}, is lent to one borrower at a time, and a borrower who comes while it is lent gets a
     * connection of its own, opened on the spot ({@link OneSqliteConnection}). The kept connection also keeps
     * SQLite from checkpointing and removing the write-ahead log each time the last borrower closes. Any other
     * database is opened with its pool, as {@link #open(String, DatabaseOptions)} does.
     */
    public static Database openUnpooled(String url, DatabaseOptions options) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        if (parsed.dialect() != Dialect.SQLITE) {
            return open(parsed, options);
        }
        prepareSqliteFile(parsed.sqlitePath());
        OneSqliteConnection connections;
        try {
            connections = new OneSqliteConnection(sqliteDataSource(parsed));
        } catch (SQLException e) {
            throw new StoreException.StoreUnavailable("cannot connect to " + parsed, e);
        }
        try {
            boolean migrated = SchemaMigration.of(options).apply(connections, parsed.dialect());
            return new Database(parsed, connections, options.clock(), migrated);
        } catch (RuntimeException e) {
            closeQuietly(connections);
            throw e;
        }
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Whether opening ran Flyway (false when the schema was already current): for tests of the fast path. */
    boolean migratedAtOpen() {
        return migratedAtOpen;
    }

    public Clock clock() {
        return clock;
    }

    /** The current time at the precision the database keeps (milliseconds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** For tools and tests that need raw access (schema inspection); repositories use read/transaction. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs work on a connection in auto-commit mode: each statement sees the latest committed state. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * The first row of one query, mapped, in auto-commit mode: {@link #read} of {@link Sql#first} without a lambda
     * of the caller's. Each lambda is linked by a bootstrap of its own the first time it runs, and every CLI
     * command's start makes a handful of such reads (docs/decisions.md 25).
     */
    <T> Optional<T> first(String sql, Sql.RowMapper<T> mapper, Object... params) {
        try (Connection connection = pool.getConnection()) {
            return Sql.first(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** All rows of one query, mapped, in auto-commit mode, as {@link #first}. */
    <T> List<T> list(String sql, Sql.RowMapper<T> mapper, Object... params) {
        try (Connection connection = pool.getConnection()) {
            return Sql.list(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * One writing statement on its own, in auto-commit mode (the statement is its own transaction), under the writer
     * lock as {@link #transaction}: without a lambda of the caller's, for the one write on {@code esc run}'s path,
     * the open's audit entry (docs/decisions.md 25).
     */
    int update(String sql, Object... params) {
        if (sqliteWriter != null) {
            sqliteWriter.lock();
        }
        try (Connection connection = pool.getConnection()) {
            return Sql.update(connection, sql, params);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (sqliteWriter != null) {
                sqliteWriter.unlock();
            }
        }
    }

    /**
     * Runs work in one transaction: commits if it returns, rolls everything back if it throws (a
     * {@link StoreException} it throws is passed on unchanged). On SQLite the transaction takes the
     * write lock at its start, so two writers queue instead of failing halfway.
     */
    public <T> T transaction(SqlWork<T> work) {
        if (sqliteWriter == null) {
            return inTransaction(work);
        }
        sqliteWriter.lock();
        try {
            return inTransaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        // The pool, or the kept connection of an unpooled database. Told apart here rather than by a closing lambda
        // kept from the opening: the CLI opens a database at every start (docs/decisions.md 25).
        if (pool instanceof OneSqliteConnection connections) {
            closeQuietly(connections);
        } else if (pool instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + url + "]";
    }

    /** Maps a driver error to the store's own: unique violations are conflicts, the rest unavailability. */
    public static StoreException translate(SQLException e) {
        if (isUniqueViolation(e)) {
            return new StoreException.Conflict("already exists", e);
        }
        String state = e.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
            return new StoreException.Conflict("concurrent update", e);
        }
        return new StoreException.StoreUnavailable("database error: " + e.getMessage(), e);
    }

    static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return "23505".equals(e.getSQLState());
    }

    private static void closeQuietly(OneSqliteConnection connections) {
        try {
            connections.close();
        } catch (SQLException ignored) {
            // Closing a local file's connection at the end: nothing is left to save or report.
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static HikariDataSource createPool(DatabaseUrl url, DatabaseOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("openesc-" + url.dialect().name().toLowerCase(java.util.Locale.ROOT));
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setMinimumIdle(1);
        // While the database is down every request waits this long for a connection, holding a server
        // thread: a short wait fails requests fast (503) instead of piling them up.
        long timeout = url.dialect() == Dialect.SQLITE
                ? Math.max(SQLITE_MIN_CONNECTION_TIMEOUT_MS, options.connectionTimeout().toMillis())
                : options.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(VALIDATION_TIMEOUT_MS, timeout / 2)));
        if (url.dialect() == Dialect.SQLITE) {
            prepareSqliteFile(url.sqlitePath());
            config.setDataSource(sqliteDataSource(url));
        } else {
            config.setJdbcUrl(url.jdbcUrl());
            // Bounds for a database that is down or unreachable (a dead host answers nothing, so without
            // these a request would wait for the operating system's TCP timeouts). Parameters in the URL win.
            config.addDataSourceProperty("connectTimeout", String.valueOf(PG_CONNECT_TIMEOUT_S));
            config.addDataSourceProperty("loginTimeout", String.valueOf(PG_CONNECT_TIMEOUT_S));
            config.addDataSourceProperty("socketTimeout", String.valueOf(PG_SOCKET_TIMEOUT_S));
            if (url.user() != null) {
                config.setUsername(url.user());
            }
            if (url.password() != null) {
                config.setPassword(url.password());
            }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException.StoreUnavailable("cannot connect to " + url, e);
        }
    }

    private static ReusingSqliteConnection.Source sqliteDataSource(DatabaseUrl url) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers go on while one writer writes; IMMEDIATE makes a transaction take the write
        // lock when it begins, so racing writers wait (busy timeout) rather than deadlock on upgrade.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(15_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Nothing here reads generated keys; the driver would otherwise match every statement it runs against a
        // regular expression and, after each INSERT, run `SELECT last_insert_rowid()` (the open's audit entry on every
        // local `esc run`, docs/benchmarks.md, CLI start-up, round 26).
        config.setGetGeneratedKeys(false);
        return new ReusingSqliteConnection.Source(config, url.jdbcUrl());
    }

    /**
     * Creates the SQLite file's folder and, when the file is new, the file itself, readable by its owner only: it
     * holds the organizations' wrapped data keys. SQLite gives the -wal and -shm files it makes beside it the
     * database file's mode, so they are private too.
     */
    private static void prepareSqliteFile(Path file) {
        if (file == null || file.toAbsolutePath().getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another process between the check and the creation: its mode is its maker's
        } catch (IOException e) {
            throw new StoreException.StoreUnavailable("cannot create " + file, e);
        }
    }
}
