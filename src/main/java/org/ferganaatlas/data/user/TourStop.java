package org.ferganaatlas.data.user;

import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.ViewSnapshot;

/**
 * One stop of a tour: a view and what to say there ({@code tour_stop}); {@code ordinal} orders the stops (0, 1, … in a
 * tour, without gaps once any stop was moved or deleted).
 *
 * @param text    the caption the class reads
 * @param notes   speaker notes ("" when none)
 * @param drawing what is drawn at this stop ({@link Drawing#EMPTY} when nothing)
 */
public record TourStop(long id, long tourId, int ordinal, String title, String text, String notes, ViewSnapshot view,
                       Drawing drawing) {
    public TourStop {
        notes = notes == null ? "" : notes;
        drawing = drawing == null ? Drawing.EMPTY : drawing;
    }
}
