package org.ferganaatlas.gui.l10n;

import org.ferganaatlas.logic.Measurement;

/**
 * The measure tool's figures in words. Numbers go to the bundle as numbers (its patterns say how many decimals), so
 * each language formats them, and plural rules can apply, in one place.
 */
public final class MeasureText {
    private MeasureText() {}

    /** "12.4 km", "850 m", or for a closed path "57.3 km² · 5,730 ha", or the hint before the second point. */
    public static String readout(Measurement m) {
        if (m.isEmpty()) {
            return "";
        }
        if (m.closed()) {
            double km2 = m.areaKm2();
            return Messages.format(km2 < 10 ? "measure.area.small" : "measure.area", km2, Math.round(km2 * 100));
        }
        if (m.points().size() == 1) {
            return Messages.get("measure.firstPoint");
        }
        double km = m.lengthKm();
        return km < 1 ? Messages.format("measure.distanceM", Math.round(km * 1000))
                : Messages.format(km < 10 ? "measure.distance.short" : "measure.distance", km);
    }

    /** The status bar's line: distance, or area with its perimeter, or how to start. */
    public static String status(Measurement m) {
        if (m.points().size() < 2) {
            return Messages.get("measure.status.start");
        }
        String main = readout(m);
        return m.closed() ? Messages.format("measure.status.area", main, m.lengthKm())
                : Messages.format("measure.status.distance", main);
    }
}
