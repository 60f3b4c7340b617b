package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.imageio.ImageIO;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MBTiles files made here with sqlite-jdbc and a few PNG tiles: the TMS row flip, the metadata, and each refusal. */
public class MbTilesTest {
    @TempDir
    Path dir;

    /** Khujand's tile at zoom 8 (XYZ: row from the north). */
    public static final int Z = 8;
    public static final long X = (long) GeoConventions.lonToTileX(69.62, Z), Y = (long) GeoConventions.latToTileY(40.28, Z);

    public static byte[] png(Color c) throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An MBTiles file with the given format and tiles {z, x, TMS row} -> bytes. */
    public static Path make(Path f, String format, String attribution, Object[]... tiles) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE metadata (name TEXT, value TEXT)");
            st.executeUpdate("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            st.executeUpdate("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                for (String[] kv : new String[][] {{"name", "Valley imagery 2024"}, {"format", format},
                        {"attribution", attribution}, {"minzoom", "8"}, {"maxzoom", "9"}}) {
                    ps.setString(1, kv[0]);
                    ps.setString(2, kv[1]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (Object[] t : tiles) {
                    ps.setInt(1, (Integer) t[0]);
                    ps.setLong(2, (Long) t[1]);
                    ps.setLong(3, (Long) t[2]);
                    ps.setBytes(4, (byte[]) t[3]);
                    ps.executeUpdate();
                }
            }
        }
        return f;
    }

    public static Path valleyImagery(Path f) throws Exception {
        byte[] red = png(Color.RED), blue = png(Color.BLUE);
        // stored the TMS way: row 2^z - 1 - y
        return make(f, "png", "<a href=\"https://example.org\">&copy; Example Imagery</a> 2024",
                new Object[] {Z, X, MbTiles.tmsRow(Z, Y), red},
                new Object[] {Z, X, MbTiles.tmsRow(Z, Y + 1), blue});
    }

    @Test
    void tilesAreFoundByTheMapsRowThroughTheTmsFlip() throws Exception {
        Path f = valleyImagery(dir.resolve("valley.mbtiles"));
        try (MbTiles m = MbTiles.open(f)) {
            assertEquals((1L << Z) - 1 - Y, MbTiles.tmsRow(Z, Y));
            assertArrayEquals(png(Color.RED), m.tile(Z, X, Y), "the map's row y is the file's row 2^z-1-y");
            assertArrayEquals(png(Color.BLUE), m.tile(Z, X, Y + 1), "one row south on the map");
            assertNull(m.tile(Z, X + 1, Y), "no tile: nothing (the atlas map shows)");
            assertNull(m.tile(12, X, Y), "outside its zooms");
            assertEquals("Valley imagery 2024", m.name());
            assertEquals("© Example Imagery 2024", m.attribution(), "HTML removed for the status bar");
            assertEquals(8, m.minZoom());
        }
        byte[] before = Files.readAllBytes(f);
        assertArrayEquals(before, Files.readAllBytes(f), "opened read-only, the file is unchanged");
    }

    @Test
    void filesThatCannotBeABasemapAreRefusedWithTheirReason() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mbtiles"), "these are my notes");
        assertEquals(MbTiles.Problem.NOT_MBTILES, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(text)).problem());

        Path otherDb = dir.resolve("other.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherDb); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE people (name TEXT)");
        }
        assertEquals(MbTiles.Problem.NOT_MBTILES, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(otherDb)).problem());

        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
        Path vector = make(dir.resolve("vector.mbtiles"), "pbf", "", new Object[] {Z, X, MbTiles.tmsRow(Z, Y), gzip});
        assertEquals(MbTiles.Problem.VECTOR, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(vector)).problem());
        Path unlabelled = make(dir.resolve("unlabelled.mbtiles"), "", "", new Object[] {Z, X, MbTiles.tmsRow(Z, Y), gzip});
        assertEquals(MbTiles.Problem.VECTOR, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(unlabelled)).problem(),
                "the bytes tell, without a format");

        // Paris only: tiles, but none over the valley
        long px = (long) GeoConventions.lonToTileX(2.35, Z), py = (long) GeoConventions.latToTileY(48.85, Z);
        Path paris = make(dir.resolve("paris.mbtiles"), "png", "", new Object[] {Z, px, MbTiles.tmsRow(Z, py), png(Color.GREEN)});
        assertEquals(MbTiles.Problem.NO_VALLEY_TILES, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(paris)).problem());
        // the valley's tile stored with the XYZ row (a file that forgot the flip) is not over the valley either
        Path unflipped = make(dir.resolve("xyz.mbtiles"), "png", "", new Object[] {Z, X, Y, png(Color.GREEN)});
        assertEquals(MbTiles.Problem.NO_VALLEY_TILES, assertThrows(MbTiles.MbTilesException.class, () -> MbTiles.open(unflipped)).problem());

        assertEquals(MbTiles.Problem.UNREADABLE, assertThrows(MbTiles.MbTilesException.class,
                () -> MbTiles.open(dir.resolve("missing.mbtiles"))).problem());
    }
}
