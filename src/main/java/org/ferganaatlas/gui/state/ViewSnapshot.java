package org.ferganaatlas.gui.state;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A view of the atlas that can be stored and shown again (a tour stop, a bookmark): where the map is, as of which
 * day, which layers are on, what is highlighted and what is open. Plain values only, so it can be written to the
 * user's database and compared.
 *
 * @param centerLat   map centre, degrees latitude
 * @param centerLon   map centre, degrees longitude
 * @param zoom        map zoom
 * @param date        map date
 * @param layers      ids of the visible layers, in registry order
 * @param highlight   keys of the highlighted features
 * @param selectedKey feature whose details are open, or null
 * @param recordKey   treaty, provision or event shown in its reader, or null
 */
public record ViewSnapshot(double centerLat, double centerLon, double zoom, LocalDate date, List<String> layers,
                           Set<String> highlight, String selectedKey, String recordKey) {
    public ViewSnapshot {
        Objects.requireNonNull(date, "date");
        layers = layers == null ? List.of() : List.copyOf(layers);
        highlight = highlight == null ? Set.of() : Set.copyOf(highlight);
    }
}
