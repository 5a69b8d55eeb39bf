package dev.openesc.server.store;

/** Direct looks at tables, for tests that check what a failed or finished write left behind. */
final class StoreAssertions {

    private StoreAssertions() {
    }

    static long rows(Database db, String table) {
        return db.read(connection -> Sql.count(connection, "SELECT COUNT(*) FROM " + table));
    }
}
