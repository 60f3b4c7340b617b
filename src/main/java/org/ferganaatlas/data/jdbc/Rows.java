package org.ferganaatlas.data.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * The mapping helpers every repository needs, in one place: nullable numbers (JDBC reads SQL NULL as 0),
 * binding arguments, and {@code IN (?,?,…)} lists.
 */
public final class Rows {
    private Rows() {}

    /** The column as an Integer, or null for SQL NULL. */
    public static Integer intOrNull(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /** The column as a Long, or null for SQL NULL. */
    public static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    /** The column as a Double, or null for SQL NULL. */
    public static Double doubleOrNull(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    /** Binds {@code args} to the statement's parameters 1..n (null binds SQL NULL). */
    public static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** {@code (?,?,…)} with n placeholders, for an IN list. */
    public static String placeholders(int n) {
        StringJoiner in = new StringJoiner(",", "(", ")");
        for (int i = 0; i < n; i++) {
            in.add("?");
        }
        return in.toString();
    }
}
