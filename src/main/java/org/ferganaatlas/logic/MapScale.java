package org.ferganaatlas.logic;

import org.ferganaatlas.model.GeoConventions;

/**
 * The scale bar's rule, shared by the map corner and the handouts: the longest round distance (1, 2 or 5 × 10^n
 * metres) whose bar fits in a given number of screen pixels at the map's centre latitude and zoom.
 */
public final class MapScale {
    private MapScale() {}

    /**
     * @param metres the distance the bar stands for
     * @param px     its length in screen pixels of the map at that zoom
     */
    public record Bar(double metres, double px) {
        /** Whether the distance is written in kilometres (1 km and more). */
        public boolean inKm() {
            return metres >= 1000;
        }
    }

    /** The bar for a map centred at {@code lat} at {@code zoom}, at most {@code maxPx} long; null for a map not yet placed. */
    public static Bar bar(double lat, double zoom, double maxPx) {
        if (Double.isNaN(lat) || Double.isNaN(zoom) || !(maxPx > 0)) {
            return null;
        }
        double mpp = GeoConventions.metresPerPixel(lat, zoom);
        double metres = niceDistance(mpp * maxPx);
        return new Bar(metres, metres / mpp);
    }

    /** The largest 1, 2 or 5 × 10^n not above {@code max}. */
    public static double niceDistance(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= max) {
                return m * p;
            }
        }
        return p;
    }
}
