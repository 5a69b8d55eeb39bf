package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The little JDBC the repositories need: bind positional parameters, run, map rows. Instants are
 * stored as epoch milliseconds in BIGINT columns, which both databases compare and index alike.
 */
final class Sql {

    /** A null whose column type must be told to PostgreSQL. */
    record TypedNull(int sqlType) {
    }

    static final TypedNull NULL_BIGINT = new TypedNull(Types.BIGINT);
    static final TypedNull NULL_TEXT = new TypedNull(Types.VARCHAR);

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = list(connection, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection connection, String sql, Object... params) throws SQLException {
        return first(connection, sql, row -> row.getLong(1), params).orElse(0L);
    }

    /** An instant as a bindable parameter: its epoch milliseconds, or a typed null. */
    static Object time(Instant instant) {
        return instant == null ? NULL_BIGINT : (Object) instant.toEpochMilli();
    }

    static Object text(String text) {
        return text == null ? NULL_TEXT : text;
    }

    static Object number(Long number) {
        return number == null ? NULL_BIGINT : (Object) number;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            int index = i + 1;
            if (param instanceof TypedNull typedNull) {
                statement.setNull(index, typedNull.sqlType());
            } else if (param instanceof String s) {
                statement.setString(index, s);
            } else if (param instanceof Long l) {
                statement.setLong(index, l);
            } else if (param instanceof Integer n) {
                statement.setInt(index, n);
            } else if (param instanceof Boolean b) {
                statement.setBoolean(index, b);
            } else if (param instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (param instanceof Instant instant) {
                statement.setLong(index, instant.toEpochMilli());
            } else {
                throw new IllegalArgumentException("unsupported SQL parameter type: "
                        + (param == null ? "null (use a TypedNull)" : param.getClass().getName()));
            }
        }
    }
}
