package org.ferganaatlas.data.user;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A map view as a bookmark or a tour stop keeps it ({@code view}, {@code view_layer}, {@code view_highlight}).
 *
 * @param centreLat     latitude of the map centre, degrees
 * @param centreLon     longitude of the map centre, degrees
 * @param zoom          map zoom level
 * @param date          the map date, or null for "today"
 * @param layers        ids of the visible layers (sorted)
 * @param highlightKeys feature keys highlighted, in their order
 * @param selectionKey  the selected feature or record key, or null
 */
public record ViewSnapshot(double centreLat, double centreLon, double zoom, LocalDate date, Set<String> layers,
                           List<String> highlightKeys, String selectionKey) {
    public ViewSnapshot {
        if (!(centreLat >= -90 && centreLat <= 90 && centreLon >= -180 && centreLon <= 180)) {
            throw new IllegalArgumentException("Not a point on the earth: " + centreLat + ", " + centreLon);
        }
        if (!(zoom >= 0 && zoom <= 24)) {
            throw new IllegalArgumentException("Not a map zoom: " + zoom);
        }
        layers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(layers == null ? Set.of() : layers));
        highlightKeys = highlightKeys == null ? List.of() : List.copyOf(highlightKeys);
        selectionKey = selectionKey == null || selectionKey.isBlank() ? null : selectionKey;
    }
}
