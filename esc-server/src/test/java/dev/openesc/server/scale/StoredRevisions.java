package dev.openesc.server.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the database holds after a test, read with plain JDBC rather than through a server: the markers
 * (see {@link ApiClient#update}) of an environment's revisions, oldest first, and how many revisions it has.
 */
final class StoredRevisions {

    private static final String MARKER = "marker: ";

    /** One stored revision; marker is null for revision 1 (the empty definition of a new environment). */
    record Stored(long number, String marker) {
    }

    private StoredRevisions() {
    }

    static List<Stored> of(String jdbcUrl, String env) throws SQLException {
        List<Stored> revisions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT r.number, r.definition FROM revisions r JOIN environments e ON e.id = r.env_id"
                             + " WHERE e.org_name = ? AND e.project = ? AND e.name = ? ORDER BY r.number")) {
            query.setString(1, ApiClient.ORG);
            query.setString(2, ApiClient.PROJECT);
            query.setString(3, env);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    revisions.add(new Stored(rows.getLong(1), marker(rows.getBytes(2))));
                }
            }
        }
        return revisions;
    }

    /** The markers of the stored updates (every revision after the first), oldest first. */
    static List<String> markers(String jdbcUrl, String env) throws SQLException {
        return of(jdbcUrl, env).stream().map(Stored::marker).filter(java.util.Objects::nonNull).toList();
    }

    private static String marker(byte[] definition) {
        String text = new String(definition, StandardCharsets.UTF_8);
        int at = text.indexOf(MARKER);
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('\n', at);
        return text.substring(at + MARKER.length(), end < 0 ? text.length() : end).strip();
    }
}
