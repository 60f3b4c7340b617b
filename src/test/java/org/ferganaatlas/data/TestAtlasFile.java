package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes small atlas databases with the real schema.sql DDL for tests:
 * UZB is the square lon 70..71, lat 40..41; KGZ the square lon 71..72, lat 40..41; the border between them
 * is the meridian 71° E; a lake square lon 71.4..71.6, lat 40.4..40.6 lies in KGZ; a river runs along 40.8° N
 * from 70.2 to 71.8 E. Features have lod 0 and lod 3 geometries (lod 3 of KGZ has an extra vertex, so tests can
 * tell them apart).
 */
public final class TestAtlasFile {
    private TestAtlasFile() {}

    public static final double BORDER_LON = 71.0;
    private static final GeometryFactory GF = new GeometryFactory();

    /** The DDL of the bundled database, from the builder's resources (a test resource root). */
    public static String schemaSql() throws IOException {
        try (InputStream in = TestAtlasFile.class.getResourceAsStream("/org/ferganaatlas/build/schema.sql")) {
            if (in == null) {
                throw new IOException("schema.sql not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates {@code dir/name} with the schema and the rows described above; schema_version as given. */
    public static Path write(Path dir, String name, String schemaVersion) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(schemaSql());
            }
            c.setAutoCommit(false);
            meta(c, "schema_version", schemaVersion);
            meta(c, "content_sha256", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
            meta(c, "attribution", "Test data © nobody");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO source(id, title, publisher, published, url, licence) VALUES (?,?,?,?,?,?)")) {
                src(ps, "ds-test", "Test dataset", "Tests", "2025", "https://example.org/ds", "CC0");
                src(ps, "p-1", "A paper", null, "2024-03-01", null, null);
            }
            feature(c, 1, "border:KGZ-UZB:1", "border", "Kyrgyzstan–Uzbekistan border", null, "KGZ-UZB", 0, 5,
                    GF.createLineString(new Coordinate[] {new Coordinate(71, 40), new Coordinate(71, 41)}), null);
            Geometry kgz = box(71, 40, 72, 41);
            Geometry kgz3 = GF.createPolygon(new Coordinate[] {new Coordinate(71, 40), new Coordinate(72, 40),
                new Coordinate(72, 41), new Coordinate(71.5, 41), new Coordinate(71, 41), new Coordinate(71, 40)});
            feature(c, 2, "country:KGZ", "country", "Kyrgyzstan", "KGZ", null, 0, 0, kgz, kgz3);
            feature(c, 3, "country:UZB", "country", "Uzbekistan", "UZB", null, 0, 0, box(70, 40, 71, 41), null);
            feature(c, 4, "crossing:kyzyl-bel", "crossing", "Kyzyl-Bel", "KGZ", "KGZ-TJK", 2, 9,
                    GF.createPoint(new Coordinate(71.2, 40.3)), null);
            feature(c, 5, "lake:test", "lake", "Test Lake", "KGZ", null, 3, 6, box(71.4, 40.4, 71.6, 40.6), null);
            feature(c, 6, "river:test", "river", "Test River", null, null, 1, 5,
                    GF.createLineString(new Coordinate[] {new Coordinate(70.2, 40.8), new Coordinate(71.8, 40.8)}), null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO name(feature_key, lang, name, is_primary, source_ids) VALUES (?,?,?,?,?)")) {
                name(ps, "crossing:kyzyl-bel", "en", "Kyzyl-Bel", 1);
                name(ps, "crossing:kyzyl-bel", "ru", "Кызыл-Бел", 1);
                name(ps, "crossing:kyzyl-bel", "alt", "Qizil-Bel", 0);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fact VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, "country:KGZ"); ps.setString(2, "area_km2"); ps.setString(3, "199951");
                ps.setString(4, null); ps.setString(5, "km2"); ps.setString(6, "2020"); ps.setString(7, "high");
                ps.setString(8, "ds-test;p-1"); ps.setString(9, null); ps.executeUpdate();
                ps.setString(1, "country:KGZ"); ps.setString(2, "population"); ps.setString(3, "7000000");
                ps.setString(4, "7200000"); ps.setString(5, null); ps.setString(6, "2024"); ps.setString(7, "medium");
                ps.setString(8, "p-1"); ps.setString(9, "sources differ"); ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO status(feature_key, attribute, value, from_date, to_date, confidence, source_ids, note) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, "crossing:kyzyl-bel"); ps.setString(2, "crossing_status"); ps.setString(3, "open");
                ps.setString(4, "2025-03-13"); ps.setString(5, null); ps.setString(6, "high"); ps.setString(7, "p-1");
                ps.setString(8, null); ps.executeUpdate();
                ps.setString(1, "crossing:kyzyl-bel"); ps.setString(2, "crossing_status"); ps.setString(3, "closed");
                ps.setString(4, "2021"); ps.setString(5, "2025-03-13"); ps.setString(6, "medium"); ps.setString(7, "p-1");
                ps.setString(8, "closed after the 2021 clashes"); ps.executeUpdate();
            }
            c.commit();
        }
        return file;
    }

    public static Geometry box(double west, double south, double east, double north) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(west, south), new Coordinate(east, south),
            new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }

    private static void meta(Connection c, String k, String v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES (?,?)")) {
            ps.setString(1, k);
            ps.setString(2, v);
            ps.executeUpdate();
        }
    }

    private static void src(PreparedStatement ps, String... v) throws SQLException {
        for (int i = 0; i < v.length; i++) {
            ps.setString(i + 1, v[i]);
        }
        ps.executeUpdate();
    }

    private static void name(PreparedStatement ps, String key, String lang, String name, int primary) throws SQLException {
        ps.setString(1, key);
        ps.setString(2, lang);
        ps.setString(3, name);
        ps.setInt(4, primary);
        ps.setString(5, "ds-test");
        ps.executeUpdate();
    }

    private static void feature(Connection c, long id, String key, String kind, String name, String country,
                                String countries, int rank, int minZoom, Geometry lod0, Geometry lod3) throws SQLException {
        insertFeature(c, id, key, kind, name, country, countries, rank, minZoom,
                kind.equals("crossing") ? 50.0 : null, "high", null, "ds-test; p-1",
                "{\"length_km\": 12.5, \"who_may_cross\": \"citizens\", \"admin\": {\"a\": [1, 2]}, \"open\": true}",
                lod0, lod3 != null ? lod3 : lod0);
    }

    /**
     * Inserts one feature: its {@code feature} row (centre at the centroid of {@code lod0}), its geometry at
     * lod 0 and, unless {@code lod3} is null, at lod 3, and its R*Tree box (of {@code lod0}).
     */
    public static void insertFeature(Connection c, long id, String key, String kind, String name, String country,
                                     String countries, int rank, int minZoom, Double accuracyM, String confidence,
                                     String derivation, String sourceIds, String props, Geometry lod0, Geometry lod3)
            throws SQLException {
        Coordinate centre = lod0.getCentroid().getCoordinate();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, key);
            ps.setString(3, kind);
            ps.setString(4, name);
            ps.setString(5, country);
            ps.setString(6, countries);
            ps.setInt(7, rank);
            ps.setInt(8, minZoom);
            ps.setDouble(9, centre.y);
            ps.setDouble(10, centre.x);
            ps.setObject(11, accuracyM);
            ps.setString(12, confidence);
            ps.setString(13, derivation);
            ps.setString(14, sourceIds);
            ps.setString(15, props);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO geometry VALUES (?,?,?)")) {
            WKBWriter w = new WKBWriter();
            ps.setLong(1, id);
            ps.setInt(2, 0);
            ps.setBytes(3, w.write(lod0));
            ps.executeUpdate();
            if (lod3 != null) {
                ps.setLong(1, id);
                ps.setInt(2, 3);
                ps.setBytes(3, w.write(lod3));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_rtree VALUES (?,?,?,?,?)")) {
            var env = lod0.getEnvelopeInternal();
            ps.setLong(1, id);
            ps.setDouble(2, env.getMinX());
            ps.setDouble(3, env.getMaxX());
            ps.setDouble(4, env.getMinY());
            ps.setDouble(5, env.getMaxY());
            ps.executeUpdate();
        }
    }
}
