package org.ferganaatlas.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** Writes rows deterministically and computes the content hash of a finished database. */
final class AtlasDb {
    private AtlasDb() {}

    /** Tables in the order they are hashed; the search table is the FTS5 index's visible columns. */
    static final String[] TABLES = {"metadata", "source", "feature", "geometry", "feature_rtree", "name", "fact", "status",
        "treaty", "treaty_step", "provision", "provision_feature", "event", "event_feature", "territory_period", "translation", "search"};

    static void createSchema(Connection c) throws IOException, SQLException {
        String ddl;
        try (InputStream in = AtlasDb.class.getResourceAsStream("/org/ferganaatlas/build/schema.sql")) {
            if (in == null) throw new IOException("schema.sql not on the class path");
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ddl = ddl.replaceAll("(?m)--.*$", "");
        try (Statement s = c.createStatement()) {
            for (String stmt : ddl.split(";")) {
                if (!stmt.isBlank()) s.executeUpdate(stmt);
            }
        }
    }

    /** Inserts rows sorted by all their columns in order (so by primary key first). */
    static void insert(Connection c, String table, int columns, List<Object[]> rows) throws SQLException {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(ROWS);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES(");
        for (int i = 0; i < columns; i++) sql.append(i == 0 ? "?" : ",?");
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (Object[] r : sorted) {
                if (r.length != columns) throw new IllegalArgumentException(table + ": row has " + r.length + " values");
                for (int i = 0; i < columns; i++) ps.setObject(i + 1, r[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static final Comparator<Object[]> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int d = compare(a[i], b[i]);
            if (d != 0) return d;
        }
        return Integer.compare(a.length, b.length);
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x == y) return 0;
        if (x == null) return -1;
        if (y == null) return 1;
        if (x instanceof Number && y instanceof Number) return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
        if (x instanceof byte[] || y instanceof byte[]) return java.util.Arrays.compare(bytes(x), bytes(y));
        return x.toString().compareTo(y.toString());
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] ? (byte[]) o : o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 over a canonical dump of every table (rows ordered by all columns), except metadata.content_sha256. */
    static String contentHash(Connection c) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = c.createStatement()) {
            for (String t : TABLES) {
                md.update(("table " + t + "\n").getBytes(StandardCharsets.UTF_8));
                String cols = t.equals("search") ? "ref, kind, name, names, body, fold" : "*";
                int n;
                try (ResultSet probe = s.executeQuery("SELECT " + cols + " FROM " + t + " LIMIT 0")) {
                    n = probe.getMetaData().getColumnCount();
                }
                StringBuilder order = new StringBuilder();
                for (int i = 1; i <= n; i++) order.append(i == 1 ? "" : ",").append(i);
                String where = t.equals("metadata") ? " WHERE key <> 'content_sha256'" : "";
                try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + t + where + " ORDER BY " + order)) {
                    ResultSetMetaData md2 = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md2.getColumnCount(); i++) {
                            Object o = rs.getObject(i);
                            if (o == null) {
                                md.update((byte) 'N');
                            } else if (o instanceof byte[]) {
                                byte[] b = (byte[]) o;
                                md.update((byte) 'B');
                                md.update(len(b.length));
                                md.update(b);
                            } else if (o instanceof Double || o instanceof Float) {
                                md.update((byte) 'F');
                                md.update(len(Double.doubleToLongBits(((Number) o).doubleValue())));
                            } else if (o instanceof Number) {
                                md.update((byte) 'I');
                                md.update(len(((Number) o).longValue()));
                            } else {
                                byte[] b = o.toString().getBytes(StandardCharsets.UTF_8);
                                md.update((byte) 'S');
                                md.update(len(b.length));
                                md.update(b);
                            }
                        }
                        md.update((byte) '\n');
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] len(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }
}
