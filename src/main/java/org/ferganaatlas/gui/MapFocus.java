package org.ferganaatlas.gui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Show on map" for any panel: through the state only, highlight the features and fit the map to them. */
final class MapFocus {
    /** Closest zoom for a single place: the village and its surroundings stay in view. */
    static final double POINT_ZOOM = 12;

    private MapFocus() {}

    /**
     * The keys worth showing: the most specific ones named. Places (villages, facilities, enclaves, segments)
     * win over whole border lines, which win over whole countries (a provision about a village also names its
     * border pair and the two countries); keys the atlas cannot place are dropped.
     */
    static List<String> placeable(MapData data, Collection<String> keys) {
        List<String> places = new ArrayList<>(), lines = new ArrayList<>(), countries = new ArrayList<>();
        for (String k : keys) {
            if (data.extentOf(List.of(k), POINT_ZOOM).isEmpty()) {
                continue;
            }
            if (k.startsWith("country:")) {
                countries.add(k);
            } else if (k.startsWith("border:") && AtlasDatabaseKeys.isPairKey(k)) {
                lines.add(k);
            } else {
                places.add(k);
            }
        }
        return !places.isEmpty() ? places : !lines.isEmpty() ? lines : countries;
    }

    /** Border key shapes: {@code border:KGZ-TJK} is a whole pair, {@code border:KGZ-TJK:2} one segment. */
    static final class AtlasDatabaseKeys {
        static boolean isPairKey(String key) {
            return key.startsWith("border:") && key.indexOf(':', "border:".length()) < 0;
        }
    }

    /** Whether any of the keys can be shown on the map. */
    static boolean canShow(MapData data, Collection<String> keys) {
        return !placeable(data, keys).isEmpty();
    }

    /** Highlights the features and flies the map to them. Returns the keys shown. */
    static List<String> show(AtlasState state, MapData data, Collection<String> keys) {
        List<String> shown = placeable(data, keys);
        state.highlight(shown);
        data.extentOf(shown, POINT_ZOOM).ifPresent(state::requestFit);
        return shown;
    }
}
