package org.ferganaatlas.gui;

import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.PartialDate;

/**
 * Turns "an event was chosen" ({@link AtlasState#selectedRecordKeyProperty()} holding an event key, from the
 * timeline, its Play button or search) into what the map shows: the map date jumps to the event's first day,
 * its places are highlighted and the map flies there. State to state only; no panel is called.
 */
final class RecordFocus {
    private RecordFocus() {}

    static void install(AtlasState state, MapData data) {
        state.selectedRecordKeyProperty().addListener((o, a, key) -> {
            if (key != null && key.startsWith("event:")) {
                data.db().event(key).ifPresent(e -> focus(state, data, e));
            }
        });
    }

    static void focus(AtlasState state, MapData data, AtlasEvent e) {
        e.start().map(PartialDate::start).ifPresent(d -> state.mapDateProperty().set(d));
        MapFocus.show(state, data, e.featureKeys());
    }
}
