package org.ferganaatlas.logic;

import java.time.LocalDate;
import java.util.List;
import org.ferganaatlas.model.AtlasEvent;

/** Stepping through the timeline's events in date order (Play, tours). */
public final class EventSequence {
    private EventSequence() {}

    /**
     * Index of the first event that begins after {@code day}; 0 when the day is past the last one (playing starts
     * over), and 0 for an empty list.
     */
    public static int firstAfter(List<AtlasEvent> events, LocalDate day) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).start().map(p -> p.start().isAfter(day)).orElse(false)) {
                return i;
            }
        }
        return 0;
    }

    /** The latest start date among the events, or {@code floor} if none is later. */
    public static LocalDate lastStart(List<AtlasEvent> events, LocalDate floor) {
        LocalDate last = floor;
        for (AtlasEvent e : events) {
            LocalDate d = e.start().map(p -> p.start()).orElse(null);
            if (d != null && d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }
}
