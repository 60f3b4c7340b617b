package org.ferganaatlas.gui.map;

import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.model.GeoConventions;

/**
 * Pure viewport arithmetic (Web Mercator, fractional zoom): what a map of a given size shows, the zoom that
 * fits a box, and the limits that keep the valley in view. No JavaFX, so it is tested without a screen.
 */
public final class Viewport {
    private Viewport() {}

    /** Smallest and largest zoom the atlas allows: the whole region stays recognisable, villages stay sharp. */
    public static final double MIN_ZOOM = 6, MAX_ZOOM = 15;

    /** The Fergana Valley and its rim, Khujand to Osh and Jalal-Abad: what the home view shows in full (west, south, east, north). */
    public static final double VALLEY_WEST = 69.4, VALLEY_SOUTH = 39.75, VALLEY_EAST = 73.55, VALLEY_NORTH = 41.55;

    /** The centre may not leave the region the database covers. */
    public static final double PAN_WEST = AtlasSchema.WEST, PAN_SOUTH = AtlasSchema.SOUTH,
            PAN_EAST = AtlasSchema.EAST, PAN_NORTH = AtlasSchema.NORTH;

    /** World size in pixels at a fractional zoom. */
    public static double worldSize(double zoom) {
        return GeoConventions.TILE_SIZE * Math.pow(2, zoom);
    }

    public static double lonToPx(double lon, double zoom) {
        return GeoConventions.lonToWorldX(lon) * worldSize(zoom);
    }

    public static double latToPx(double lat, double zoom) {
        return GeoConventions.latToWorldY(lat) * worldSize(zoom);
    }

    public static double pxToLon(double x, double zoom) {
        return GeoConventions.worldXToLon(x / worldSize(zoom));
    }

    public static double pxToLat(double y, double zoom) {
        return GeoConventions.worldYToLat(y / worldSize(zoom));
    }

    /** The largest zoom (in quarter steps) at which the box fits into a width × height map with a margin in pixels. */
    public static double fitZoom(double west, double south, double east, double north, double width, double height, double margin) {
        double dx = GeoConventions.lonToWorldX(east) - GeoConventions.lonToWorldX(west);
        double dy = GeoConventions.latToWorldY(south) - GeoConventions.latToWorldY(north);
        double w = Math.max(50, width - 2 * margin), h = Math.max(50, height - 2 * margin);
        double z = Math.min(log2(w / (dx * GeoConventions.TILE_SIZE)), log2(h / (dy * GeoConventions.TILE_SIZE)));
        return clampZoom(Math.floor(z * 4) / 4);
    }

    /**
     * The smallest zoom at which the region the database covers fills a {@code width x height} map: below it the map
     * would show the data's edge (a rectangle of valley on plain grey, names spilling out of it).
     */
    public static double coverZoom(double width, double height) {
        double dx = GeoConventions.lonToWorldX(PAN_EAST) - GeoConventions.lonToWorldX(PAN_WEST);
        double dy = GeoConventions.latToWorldY(PAN_SOUTH) - GeoConventions.latToWorldY(PAN_NORTH);
        return Math.max(log2(width / (dx * GeoConventions.TILE_SIZE)), log2(height / (dy * GeoConventions.TILE_SIZE)));
    }

    /** A view centre (world pixels at {@code zoom}) moved so a view {@code size} wide stays inside [lo, hi]. */
    static double keepInside(double centre, double size, double lo, double hi) {
        if (hi - lo <= size) {
            return (lo + hi) / 2;
        }
        return Math.max(lo + size / 2, Math.min(hi - size / 2, centre));
    }

    public static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    public static double clampLat(double lat) {
        return Math.max(PAN_SOUTH, Math.min(PAN_NORTH, lat));
    }

    public static double clampLon(double lon) {
        return Math.max(PAN_WEST, Math.min(PAN_EAST, lon));
    }

    /** Ground metres per pixel at a latitude and fractional zoom. */
    public static double metresPerPixel(double lat, double zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6378137.0 / worldSize(zoom);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
