package org.ferganaatlas.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A view of the atlas that can be stored and shown again (a tour stop, a bookmark): where the map is, as of which
 * day, which layers are on, what is highlighted and what is open. Plain values only, so the window can take one
 * ({@code AtlasState.snapshot}), the user's database can keep it, and two can be compared.
 *
 * @param centerLat   map centre, degrees latitude (−90..90)
 * @param centerLon   map centre, degrees longitude (−180..180)
 * @param zoom        map zoom (0..24)
 * @param date        the map date
 * @param layers      ids of the visible layers (kept sorted: a set, not an order)
 * @param highlight   keys of the highlighted features, in their order
 * @param selectedKey the feature whose details are open, or null
 * @param recordKey   the treaty, provision or event open in its reader, or null
 */
public record ViewSnapshot(double centerLat, double centerLon, double zoom, LocalDate date, Set<String> layers,
                           List<String> highlight, String selectedKey, String recordKey) {
    public ViewSnapshot {
        if (!(centerLat >= -90 && centerLat <= 90 && centerLon >= -180 && centerLon <= 180)) {
            throw new IllegalArgumentException("Not a point on the earth: " + centerLat + ", " + centerLon);
        }
        if (!(zoom >= 0 && zoom <= 24)) {
            throw new IllegalArgumentException("Not a map zoom: " + zoom);
        }
        Objects.requireNonNull(date, "a view needs its map date");
        layers = Collections.unmodifiableSortedSet(new TreeSet<>(layers == null ? Set.of() : layers));
        highlight = highlight == null ? List.of() : List.copyOf(highlight);
        selectedKey = selectedKey == null || selectedKey.isBlank() ? null : selectedKey;
        recordKey = recordKey == null || recordKey.isBlank() ? null : recordKey;
    }
}
