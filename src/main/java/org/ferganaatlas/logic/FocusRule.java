package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKey;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.GeoConventions;

/**
 * What to show when the user asks to see something on the map: which of the features a record names, and how close
 * the map may go. One rule for search, the treaties, the timeline and tours, so the same thing always gets the same view.
 */
public final class FocusRule {
    private FocusRule() {}

    /**
     * The keys worth showing: the most specific ones named. Places (villages, facilities, enclaves, segments) win over
     * whole border lines, which win over whole countries (a provision about a village also names its border pair and
     * the two countries); keys the atlas cannot place ({@code locatable} false) are dropped.
     */
    public static List<String> mostSpecific(Collection<String> keys, Predicate<String> locatable) {
        List<String> places = new ArrayList<>(), lines = new ArrayList<>(), countries = new ArrayList<>();
        for (String k : keys) {
            if (!locatable.test(k)) {
                continue;
            }
            FeatureKey key = FeatureKey.parse(k).orElse(null);
            if (key != null && key.kind() == FeatureKind.COUNTRY) {
                countries.add(k);
            } else if (key != null && key.isBorderPair()) {
                lines.add(k);
            } else {
                places.add(k);
            }
        }
        return !places.isEmpty() ? places : !lines.isEmpty() ? lines : countries;
    }

    /**
     * The closest zoom for showing these features: the least close of their kinds' focus zooms (a town and a crossing
     * together are shown as a town would be), but never further out than where the map starts drawing one of them.
     */
    public static double maxZoom(Collection<Feature> features) {
        double zoom = Double.POSITIVE_INFINITY;
        int drawnFrom = 0;
        for (Feature f : features) {
            zoom = Math.min(zoom, FeatureKind.of(f.kind()).map(FeatureKind::focusZoom).orElse(DEFAULT_ZOOM));
            drawnFrom = Math.max(drawnFrom, f.minZoom());
        }
        if (zoom == Double.POSITIVE_INFINITY) {
            zoom = DEFAULT_ZOOM;
        }
        zoom = Math.max(zoom, features.size() == 1 ? drawnFrom : 0);
        for (Feature f : features) {
            zoom = Math.min(zoom, supportedZoom(f));
        }
        return zoom;
    }

    /** How many pixels an uncertainty circle's diameter may fill at most when the map shows that place. */
    public static final double UNCERTAINTY_VIEW_PX = 300;

    /**
     * The closest zoom a position supports: a point known only to within {@code accuracyM} metres is never shown so
     * close that its uncertainty circle is wider than {@link #UNCERTAINTY_VIEW_PX} (8 km at 40° N: zoom 11.1).
     * Unlimited for points without a stated accuracy.
     */
    public static double supportedZoom(Feature f) {
        if (f.accuracyM() == null || f.accuracyM() <= 0 || !f.hasLocation()) {
            return Double.POSITIVE_INFINITY;
        }
        double wanted = 2 * f.accuracyM() / UNCERTAINTY_VIEW_PX; // metres per pixel
        // metres per pixel halve with every zoom level: solve GeoConventions.metresPerPixel(lat, z) = wanted for z
        return Math.log(GeoConventions.metresPerPixel(f.lat(), 0.0) / wanted) / Math.log(2);
    }

    /** Closest zoom for a kind the vocabulary does not know. */
    public static final double DEFAULT_ZOOM = 12;
}
