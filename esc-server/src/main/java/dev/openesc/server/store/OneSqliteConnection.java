package dev.openesc.server.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of {@link Database#openUnpooled}, a command's short life on a SQLite file: one connection, opened
 * with the database and closed with it, lent to one borrower at a time. A command reads through several
 * repositories one after the other, and a connection opened for each of them cost its file open, its settings (four
 * pragmas, each a statement through the driver) and its statements compiled again, every time. A borrower who comes
 * while the connection is lent (another thread, or a read from inside another) gets a connection of its own, closed
 * when it is done. The kept connection also keeps SQLite's write-ahead log until the database is closed.
 *
 * <p>A borrower gets the connection as the last one left it: in auto-commit mode (a transaction's end restores it,
 * and {@link #giveBack} rolls back and restores it if not), with no statement open (the repositories close theirs;
 * a kept statement is reset when closed).
 */
final class OneSqliteConnection implements DataSource {
    private final ReusingSqliteConnection.Source source;
    private final ReusingSqliteConnection kept;
    private final AtomicBoolean lent = new AtomicBoolean();

    OneSqliteConnection(ReusingSqliteConnection.Source source) throws SQLException {
        this.source = source;
        this.kept = (ReusingSqliteConnection) source.getConnection();
        kept.lentBy(this);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (lent.compareAndSet(false, true)) {
            kept.lend();
            return kept;
        }
        return source.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** The borrower closed the kept connection: it can be lent again, in auto-commit mode. */
    void giveBack(ReusingSqliteConnection connection) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // In a state nobody should inherit: closed, and never lent again (borrowers get their own).
            connection.closeForGood();
            throw e;
        }
        lent.set(false);
    }

    /** Closes the kept connection, at the database's close. */
    void close() throws SQLException {
        kept.closeForGood();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // a local file has no login
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
