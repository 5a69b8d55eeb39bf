package dev.openesc.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * A statement of {@link ReusingSqliteConnection}'s cache: {@link #close()} hands it back (result set closed,
 * statement reset, parameters forgotten) instead of finalizing it, unless the cache has let it go.
 */
final class ReusableStatement extends JDBC4PreparedStatement {

    private boolean lent;
    private boolean evicted;
    /**
     * The result's column names, which the driver reads from SQLite again at every execution (closing a result
     * forgets them). A compiled statement's columns do not change; the store selects no {@code *}.
     */
    private String[] columnNames;

    ReusableStatement(SQLiteConnection connection, String sql) throws SQLException {
        super(connection, sql);
    }

    /** Marks it in use; false if it already is (or is finalized), and a fresh statement must serve instead. */
    boolean lend() {
        if (lent || !reusable()) {
            return false;
        }
        lent = true;
        return true;
    }

    /** Whether it can still serve: not dropped by the cache, not finalized. */
    boolean reusable() {
        return !evicted && !pointer.isClosed();
    }

    /** The cache dropped it: finalize it now, or when its user closes it. */
    void evict() {
        evicted = true;
        if (!lent) {
            closeQuietly();
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        if (rs.colsMeta == null) {
            rs.colsMeta = columnNames;
        }
        ResultSet result = super.getResultSet();
        columnNames = rs.colsMeta;
        return result;
    }

    /**
     * {@code DB::reset} as sqlite-jdbc's callback. A class rather than the method reference: a command's first
     * query passes here, and each lambda is linked by a bootstrap of its own the first time it runs
     * (docs/decisions.md 25).
     */
    private static final SafeStmtPtr.SafePtrIntFunction<SQLException> RESET = new Reset();

    private static final class Reset implements SafeStmtPtr.SafePtrIntFunction<SQLException> {
        @Override
        public int run(DB db, long statement) throws SQLException {
            return db.reset(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!lent || evicted || pointer.isClosed() || conn.isClosed()) {
            lent = false;
            super.close();
            return;
        }
        lent = false;
        try {
            rs.close();
            pointer.safeRunInt(RESET);
            if (batch != null) {
                Arrays.fill(batch, null); // no definition or token hash stays reachable from the cache
            }
        } catch (SQLException | RuntimeException e) {
            evicted = true; // a statement that cannot be reset is not reused
            super.close();
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            super.close();
        } catch (SQLException ignored) {
            // the connection is going away with it; nothing is left to release
        }
    }
}
