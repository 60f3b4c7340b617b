package org.ferganaatlas.data.user;

import java.util.List;
import org.ferganaatlas.model.GuidedTour;

/** A tour of the user's database with all its stops in order, read in one transaction. */
public record StoredTour(Tour tour, List<TourStop> stops) {
    public StoredTour {
        stops = List.copyOf(stops);
    }

    /** The same tour as a plain value, for a tour file or the player. */
    public GuidedTour toGuidedTour() {
        return new GuidedTour(tour.title(), tour.author(), null, stops.stream()
                .map(s -> new GuidedTour.Stop(s.title(), s.text(), s.notes(), s.view(), s.drawing()))
                .toList());
    }
}
