package org.ferganaatlas.model;

import java.util.List;
import java.util.Objects;

/**
 * A guided tour as a whole, independent of where it is kept: the user's database, a tour file to share, or the
 * atlas's own built-in tour. Plain values, so a tour saved and read back can be compared with {@code equals}.
 *
 * @param title    the tour's title (not blank)
 * @param author   who made it, or "" (never null)
 * @param titleKey for a built-in tour: the message key of its title ({@code tour.settlement.title}), else null
 * @param stops    the stops in order
 */
public record GuidedTour(String title, String author, String titleKey, List<Stop> stops) {
    public GuidedTour {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A tour needs a title");
        }
        author = author == null ? "" : author;
        titleKey = titleKey == null || titleKey.isBlank() ? null : titleKey;
        stops = stops == null ? List.of() : List.copyOf(stops);
    }

    /**
     * One stop: a view and what to say there.
     *
     * @param title   what the progress line shows ("Stop 3 of 9 — title"); may be ""
     * @param caption the short text the class reads on the map
     * @param notes   speaker notes, for the teacher's screen only
     * @param view    what the map shows
     * @param drawing what is drawn over the map at this stop ({@link Drawing#EMPTY} when nothing)
     * @param textKey for a built-in stop: the message key prefix of its texts ({@code tour.settlement.3}: {@code .title},
     *                {@code .caption}, {@code .notes}); null for a user's stop, whose texts are the fields above
     */
    public record Stop(String title, String caption, String notes, ViewSnapshot view, Drawing drawing, String textKey) {
        public Stop {
            title = title == null ? "" : title;
            caption = caption == null ? "" : caption;
            notes = notes == null ? "" : notes;
            Objects.requireNonNull(view, "a stop needs its view");
            drawing = drawing == null ? Drawing.EMPTY : drawing;
            textKey = textKey == null || textKey.isBlank() ? null : textKey;
        }

        /** A user's stop (its own texts). */
        public Stop(String title, String caption, String notes, ViewSnapshot view, Drawing drawing) {
            this(title, caption, notes, view, drawing, null);
        }
    }
}
