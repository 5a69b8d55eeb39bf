package dev.openesc.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A SQLite connection that keeps its prepared statements, by SQL text, for the next request that borrows it.
 * The driver compiles every {@code prepareStatement} anew (parse, plan, column names) and the repositories'
 * statements are the same few strings over and over: compiling was about a third of SQLite's time in a GET
 * of a definition. A kept statement is reset when its user closes it (Hikari closes what a borrower left open
 * when the connection comes back), so it holds no snapshot or lock between uses; closing the connection
 * finalizes them all. PostgreSQL prepares on the server and needs none of this.
 *
 * <p>Only this connection's borrower uses it (the pool lends a connection to one thread at a time), so the
 * map needs no lock. A statement asked for while its cached twin is still open (a query run from inside the
 * rows of the same query) is a fresh, unkept one.
 */
final class ReusingSqliteConnection extends JDBC4Connection {

    /** Distinct statements kept per connection; the repositories have about a hundred, most of them rare. */
    static final int CAPACITY = 128;

    private final Map<String, ReusableStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReusableStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().evict();
            return true;
        }
    };

    /** The lender whose connection this is, when {@link OneSqliteConnection} lends it; null in a pool. */
    private OneSqliteConnection lender;
    /** Lent to a borrower right now: its close() hands the connection back instead of closing it. */
    private boolean onLoan;

    private ReusingSqliteConnection(String url, String fileName, Properties properties) throws SQLException {
        super(url, fileName, properties);
    }

    /** Makes this the connection {@code owner} lends: from now on a borrower's close() hands it back. */
    void lentBy(OneSqliteConnection owner) {
        this.lender = owner;
    }

    /** Called by the lender as it lends the connection to a borrower. */
    void lend() {
        onLoan = true;
    }

    @Override
    public void close() throws SQLException {
        if (lender == null) {
            super.close();
        } else if (onLoan) {
            // The borrower is done (a second close() from it finds nothing to do).
            onLoan = false;
            lender.giveBack(this);
        }
    }

    /** Closes the connection itself, lent or not (the lender's own close). */
    void closeForGood() throws SQLException {
        lender = null;
        super.close();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        ReusableStatement kept = statements.get(sql);
        if (kept != null && kept.lend()) {
            return kept;
        }
        ReusableStatement statement = new ReusableStatement(this, sql);
        if (kept == null || !kept.reusable()) {
            statements.put(sql, statement);
            statement.lend();
        }
        return statement;
    }

    /** How many statements this connection keeps: for tests. */
    int keptStatements() {
        return statements.size();
    }

    /** The pool's source of connections: SQLiteDataSource's own, with this class in place of the driver's. */
    static final class Source extends SQLiteDataSource {

        private static final String PREFIX = "jdbc:sqlite:";

        Source(SQLiteConfig config, String url) {
            super(config);
            setUrl(url);
        }

        @Override
        public SQLiteConnection getConnection(String username, String password) throws SQLException {
            String url = getUrl().trim();
            if (!url.startsWith(PREFIX)) {
                throw new SQLException("not a SQLite URL: " + url);
            }
            Properties properties = getConfig().toProperties();
            return new ReusingSqliteConnection(url, url.substring(PREFIX.length()), properties);
        }
    }
}
