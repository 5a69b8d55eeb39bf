package dev.openesc.server.testing;

import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.crypto.OrgKeyring;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.Dialect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One test's store: a fresh, empty database (a new SQLite file or a new PostgreSQL database) and a
 * clock the test controls. Everything opened through it is closed when the test ends.
 */
public final class StoreFixture implements AutoCloseable {

    /** A fixed, random-looking master key for tests, so that keyrings of one test agree. */
    public static final byte[] TEST_MASTER_KEY_BYTES = testKey();
    public static final String TEST_MASTER_KEY = Base64.getEncoder().encodeToString(TEST_MASTER_KEY_BYTES);

    private final Dialect dialect;
    private final String url;
    private final Path sqliteFile;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private final List<Database> opened = new ArrayList<>();
    private Database database;
    private OrgKeyring keyring;

    StoreFixture(Dialect dialect, String url, Path sqliteFile) {
        this.dialect = dialect;
        this.url = url;
        this.sqliteFile = sqliteFile;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /** The SQLite database file, or null on PostgreSQL. */
    public Path sqliteFile() {
        return sqliteFile;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The test's database, opened (and migrated) on first use. */
    public synchronized Database db() {
        if (database == null) {
            database = open(DatabaseOptions.defaults().withClock(clock));
        }
        return database;
    }

    /** Another pool on the same database, as a second replica would have. */
    public synchronized Database open(DatabaseOptions options) {
        Database db = Database.open(url, options);
        opened.add(db);
        return db;
    }

    public synchronized OrgKeyring keyring() {
        if (keyring == null) {
            keyring = new OrgKeyring(db(), LocalMasterKey.fromBase64(TEST_MASTER_KEY));
        }
        return keyring;
    }

    @Override
    public synchronized void close() throws java.io.IOException {
        for (Database db : opened) {
            db.close();
        }
        opened.clear();
        if (sqliteFile != null) {
            try (var files = java.nio.file.Files.walk(sqliteFile.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static byte[] testKey() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest("openesc test master key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }
}
