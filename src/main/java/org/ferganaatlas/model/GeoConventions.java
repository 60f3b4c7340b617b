package org.ferganaatlas.model;

/**
 * The one place that states the project's coordinate conventions, with the conversions between them.
 *
 * <ul>
 *   <li><b>Gluon {@code MapPoint}</b> is {@code (latitude, longitude)}: {@code new MapPoint(lat, lon)}.</li>
 *   <li><b>JTS, WKB in the database, GeoJSON</b> are {@code x = longitude, y = latitude}.
 *       {@code new Coordinate(lon, lat)}; an {@code Envelope} is {@code (minLon, maxLon, minLat, maxLat)}.</li>
 *   <li><b>Bounding boxes</b> in method arguments are {@code west, south, east, north} (degrees).</li>
 *   <li><b>Web Mercator tiles</b> (as Gluon Maps and OpenStreetMap number them, {@code loadTile(zoom, x, y)}):
 *       at zoom {@code z} the world is {@code 2^z × 2^z} tiles of {@link #TILE_SIZE} pixels; tile x grows
 *       eastwards from 180° W, tile y grows <i>southwards</i> from 85.0511° N. "Tile coordinates" below are
 *       fractional tile numbers ({@code 3.5} = the middle of tile 3); "world pixels" are tile coordinates
 *       × 256; "world units" are the same scaled to 0..1 (zoom independent), which is how the renderer
 *       stores projected geometry.</li>
 * </ul>
 * Every method is named for what it converts from and to.
 */
public final class GeoConventions {
    private GeoConventions() {}

    /** Tile edge in pixels. */
    public static final int TILE_SIZE = 256;

    /** The latitude at which Web Mercator is cut off (the square world's top and bottom edge). */
    public static final double MAX_MERCATOR_LAT = 85.0511287798066;

    /** Longitude (degrees) to the x world unit, 0 at 180° W, 1 at 180° E. */
    public static double lonToWorldX(double lon) {
        return (lon + 180.0) / 360.0;
    }

    /** Latitude (degrees) to the y world unit, 0 at the north edge, 1 at the south edge (clamped). */
    public static double latToWorldY(double lat) {
        double clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    /** The x world unit back to longitude (degrees). */
    public static double worldXToLon(double x) {
        return x * 360.0 - 180.0;
    }

    /** The y world unit back to latitude (degrees). */
    public static double worldYToLat(double y) {
        double n = Math.PI * (1 - 2 * y);
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Number of tiles along one side of the world at a zoom level. */
    public static double tilesPerSide(int zoom) {
        return Math.scalb(1.0, zoom);
    }

    /** Longitude to the fractional tile x at {@code zoom}. */
    public static double lonToTileX(double lon, int zoom) {
        return lonToWorldX(lon) * tilesPerSide(zoom);
    }

    /** Latitude to the fractional tile y at {@code zoom} (grows southwards). */
    public static double latToTileY(double lat, int zoom) {
        return latToWorldY(lat) * tilesPerSide(zoom);
    }

    /** Fractional tile x at {@code zoom} to longitude; {@code tileXToLon(x, z)} is the west edge of tile x. */
    public static double tileXToLon(double tileX, int zoom) {
        return worldXToLon(tileX / tilesPerSide(zoom));
    }

    /** Fractional tile y at {@code zoom} to latitude; {@code tileYToLat(y, z)} is the north edge of tile y. */
    public static double tileYToLat(double tileY, int zoom) {
        return worldYToLat(tileY / tilesPerSide(zoom));
    }

    /** Longitude to the world pixel x at {@code zoom} (tile x × 256). */
    public static double lonToWorldPixelX(double lon, int zoom) {
        return lonToTileX(lon, zoom) * TILE_SIZE;
    }

    /** Latitude to the world pixel y at {@code zoom} (tile y × 256). */
    public static double latToWorldPixelY(double lat, int zoom) {
        return latToTileY(lat, zoom) * TILE_SIZE;
    }

    /** Ground metres per pixel at a latitude and zoom (WGS84 equatorial radius). */
    public static double metresPerPixel(double lat, int zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6378137.0 / (TILE_SIZE * tilesPerSide(zoom));
    }

    /** {@link #metresPerPixel(double, int)} at a fractional zoom (the map between whole levels). */
    public static double metresPerPixel(double lat, double zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6378137.0 / (TILE_SIZE * Math.pow(2, zoom));
    }
}
