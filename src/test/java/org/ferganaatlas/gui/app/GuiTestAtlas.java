package org.ferganaatlas.gui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.ferganaatlas.data.TestAtlasFile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small atlas database for the window tests: the data layer's {@link TestAtlasFile} (a KGZ/UZB border,
 * the Kyzyl-Bel crossing with its closed/open history, a lake, a river) plus what the overlays draw: a
 * KGZ-TJK border, an enclave, the junction point and stele, an affected village and four towns.
 */
public final class GuiTestAtlas {
    private static final GeometryFactory GF = new GeometryFactory();

    private GuiTestAtlas() {}

    public static Path create() throws Exception {
        Path dir = Files.createTempDirectory("atlas-gui-test");
        Path file = TestAtlasFile.write(dir, "atlas.sqlite", String.valueOf(org.ferganaatlas.data.AtlasSchema.SCHEMA_VERSION));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            long id = 100;
            add(c, id++, "border:KGZ-TJK:1", "border", "Kyrgyzstan–Tajikistan border", null, "KGZ-TJK", 0, 5,
                    line(70.5, 40.0, 71.5, 40.4, 72.0, 40.2), "{\"treaty\":\"treaty:kg-tj-2025\"}");
            add(c, id++, "enclave:sokh", "enclave", "Sokh", "UZB", null, 0, 7,
                    TestAtlasFile.box(71.0, 39.9, 71.2, 40.05), "{}");
            add(c, id++, "junction:kg-tj-uz", "junction", "Junction point", null, "KGZ-TJK-UZB", 0, 6,
                    GF.createPoint(new Coordinate(70.9, 40.2)), "{}");
            add(c, id++, "monument:friendship-stele", "monument", "Friendship stele", "KGZ", null, 1, 10,
                    GF.createPoint(new Coordinate(70.905, 40.205)), "{}");
            add(c, id++, "village:dostuk", "village", "Dostuk", "KGZ", null, 2, 8,
                    GF.createPoint(new Coordinate(71.15, 40.55)), "{}");
            add(c, id++, "town:1527534", "town", "Osh", "KGZ", null, 0, 5, GF.createPoint(new Coordinate(72.80, 40.53)), "{}");
            add(c, id++, "town:1514879", "town", "Khujand", "TJK", null, 0, 5, GF.createPoint(new Coordinate(69.62, 40.28)), "{}");
            add(c, id++, "town:1221194", "town", "Isfara", "TJK", null, 1, 6, GF.createPoint(new Coordinate(70.63, 40.12)), "{}");
            add(c, id++, "town:1528121", "town", "Batken", "KGZ", null, 1, 6, GF.createPoint(new Coordinate(70.82, 40.06)), "{}");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO status(feature_key, attribute, value, from_date, to_date, confidence, source_ids, note) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, "village:dostuk");
                ps.setString(2, "residents");
                ps.setString(3, "resettled");
                ps.setString(4, "2023-05");
                ps.setString(5, null);
                ps.setString(6, "medium");
                ps.setString(7, "p-1");
                ps.setString(8, null);
                ps.executeUpdate();
            }
            c.commit();
        }
        return file;
    }

    private static Geometry line(double... lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        return GF.createLineString(cs);
    }

    private static void add(Connection c, long id, String key, String kind, String name, String country, String countries,
                            int rank, int minZoom, Geometry g, String props) throws Exception {
        TestAtlasFile.insertFeature(c, id, key, kind, name, country, countries, rank, minZoom, 500.0, "medium",
                kind.equals("junction") ? "tripoint:KGZ-TJK-UZB" : null, "p-1", props, g, null);
    }
}
