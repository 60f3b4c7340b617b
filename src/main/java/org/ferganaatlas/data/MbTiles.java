package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferganaatlas.model.GeoConventions;

/**
 * A user's MBTiles file (https://github.com/mapbox/mbtiles-spec, 1.x) opened read-only as an alternative basemap:
 * SQLite with a {@code metadata(name, value)} table and {@code tiles(zoom_level, tile_column, tile_row, tile_data)}.
 *
 * <p><b>Rows.</b> MBTiles numbers rows the TMS way, from the south: {@code tile_row = 2^z − 1 − y}, where the map's
 * (Web Mercator, XYZ) row {@code y} counts from the north. {@link #tile} takes the map's row and flips it
 * ({@link #tmsRow}); nothing else does.
 *
 * <p><b>Checks.</b> {@link #open} refuses, with a {@link Problem} the window words, a file that is not SQLite or lacks
 * the two tables, one whose tiles are vector tiles ({@code format=pbf}, or gzip/protobuf bytes where a picture was
 * expected), and one with no tile over the Fergana Valley ({@link AtlasSchema} region). The file is opened
 * {@code mode=ro}: the atlas never writes to it. Reads are synchronized on one connection; call them off the FX thread.
 */
public final class MbTiles implements AutoCloseable {
    /** Why a file cannot be a basemap; {@link #key()} names {@code basemap.error.<key>}. */
    public enum Problem {
        UNREADABLE("unreadable"), NOT_MBTILES("notMbtiles"), VECTOR("vector"), NO_VALLEY_TILES("noValleyTiles");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The file cannot be used as a basemap. */
    public static final class MbTilesException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final transient Path file;

        MbTilesException(Problem problem, Path file, String detail, Throwable cause) {
            super(file + ": " + detail, cause);
            this.problem = problem;
            this.file = file;
        }

        public Problem problem() {
            return problem;
        }

        public Path file() {
            return file;
        }
    }

    private final Path file;
    private final Connection connection;
    private final Map<String, String> metadata;
    private final int minZoom, maxZoom;

    private MbTiles(Path file, Connection connection, Map<String, String> metadata, int minZoom, int maxZoom) {
        this.file = file;
        this.connection = connection;
        this.metadata = metadata;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
    }

    /** Opens and checks {@code file} (blocks: a few queries). */
    public static MbTiles open(Path file) throws MbTilesException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
            throw new MbTilesException(Problem.UNREADABLE, abs, "not a readable file", null);
        }
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(abs)) {
            if (!java.util.Arrays.equals(in.readNBytes(magic.length), magic)) {
                throw new MbTilesException(Problem.NOT_MBTILES, abs, "not an SQLite file", null);
            }
        } catch (IOException e) {
            throw new MbTilesException(Problem.UNREADABLE, abs, String.valueOf(e.getMessage()), e);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs.toUri().toASCIIString() + "?mode=ro");
        } catch (SQLException e) {
            throw new MbTilesException(Problem.UNREADABLE, abs, String.valueOf(e.getMessage()), e);
        }
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, value FROM metadata"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        meta.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                    }
                }
            }
            String format = meta.getOrDefault("format", "").toLowerCase(Locale.ROOT).strip();
            if (format.equals("pbf") || format.equals("mvt")) {
                throw new MbTilesException(Problem.VECTOR, abs, "vector tiles (format " + format + ")", null);
            }
            List<Integer> zooms = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT zoom_level FROM tiles ORDER BY zoom_level");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    zooms.add(rs.getInt(1));
                }
            }
            byte[] sample = null;
            for (int z : zooms) {
                sample = firstInRegion(c, z);
                if (sample != null) {
                    break;
                }
            }
            if (sample == null) {
                throw new MbTilesException(Problem.NO_VALLEY_TILES, abs, "no tile over the Fergana Valley at zooms " + zooms, null);
            }
            if (!isPicture(sample)) {
                // no format in the metadata, or a wrong one: the bytes say what the tiles are
                throw new MbTilesException(isVectorTile(sample) ? Problem.VECTOR : Problem.NOT_MBTILES, abs,
                        "the tiles are not PNG or JPEG pictures", null);
            }
            return new MbTiles(abs, c, meta, zooms.get(0), zooms.get(zooms.size() - 1));
        } catch (SQLException e) {
            close(c);
            // no such table, not a database ...: not an MBTiles file
            throw new MbTilesException(Problem.NOT_MBTILES, abs, String.valueOf(e.getMessage()), e);
        } catch (MbTilesException | RuntimeException e) {
            close(c);
            throw e;
        }
    }

    /** The TMS row MBTiles stores for the map's (XYZ, from the north) row {@code y} at {@code zoom}. */
    public static long tmsRow(int zoom, long y) {
        return (1L << zoom) - 1 - y;
    }

    /** Some tile of zoom {@code z} over the region, or null. */
    private static byte[] firstInRegion(Connection c, int z) throws SQLException {
        long x0 = (long) Math.floor(GeoConventions.lonToTileX(AtlasSchema.WEST, z));
        long x1 = (long) Math.floor(GeoConventions.lonToTileX(AtlasSchema.EAST, z));
        long y0 = (long) Math.floor(GeoConventions.latToTileY(AtlasSchema.NORTH, z)); // XYZ: north is the smaller row
        long y1 = (long) Math.floor(GeoConventions.latToTileY(AtlasSchema.SOUTH, z));
        try (PreparedStatement ps = c.prepareStatement("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column"
                + " BETWEEN ? AND ? AND tile_row BETWEEN ? AND ? LIMIT 1")) {
            ps.setInt(1, z);
            ps.setLong(2, x0);
            ps.setLong(3, x1);
            ps.setLong(4, tmsRow(z, y1)); // TMS: the south edge has the smaller row
            ps.setLong(5, tmsRow(z, y0));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static boolean isPicture(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        return png || jpeg;
    }

    /** Gzip (how vector tiles are usually stored) or a bare protobuf layer field. */
    private static boolean isVectorTile(byte[] b) {
        return b.length > 2 && ((b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b || b[0] == 0x1a);
    }

    /** The picture of the map's tile (zoom, column, XYZ row), or null where the file has none. */
    public synchronized byte[] tile(int zoom, long x, long y) {
        if (zoom < minZoom || zoom > maxZoom || x < 0 || y < 0 || x >= 1L << zoom || y >= 1L << zoom) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT tile_data FROM tiles WHERE zoom_level = ?"
                + " AND tile_column = ? AND tile_row = ?")) {
            ps.setInt(1, zoom);
            ps.setLong(2, x);
            ps.setLong(3, tmsRow(zoom, y));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            return null; // a tile that cannot be read is a missing tile; the atlas map shows through
        }
    }

    public Path file() {
        return file;
    }

    /** The file's {@code name}, else its file name. */
    public String name() {
        String n = metadata.get("name");
        return n == null || n.isBlank() ? file.getFileName().toString() : n.strip();
    }

    /** The {@code attribution} metadata as plain text (HTML tags removed), or empty. */
    public String attribution() {
        String a = metadata.getOrDefault("attribution", "");
        return a.replaceAll("<[^>]*>", "").replace("&copy;", "©").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    public int minZoom() {
        return minZoom;
    }

    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public synchronized void close() {
        close(connection);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
