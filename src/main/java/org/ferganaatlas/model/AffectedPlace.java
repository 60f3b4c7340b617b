package org.ferganaatlas.model;

import java.util.List;

/**
 * One row of the affected-places table: a place the border settlement touched, who held it before and after, what
 * happened there and when, how many people or houses the sources count (as ranges where they differ) and on whose word.
 *
 * @param key          the feature's key
 * @param kind         its kind ({@code village}, {@code enclave}, {@code water_facility}, {@code crossing})
 * @param name         its name in the table's language (English where none is recorded)
 * @param names        every recorded name and spelling, any script (for the text filter)
 * @param before       ISO3 of who held it before the last change (or the country it lies in; for a crossing the
 *                     {@code -}-joined pair), or null when unknown
 * @param after        who held it after the last change; equal to {@code before} when it did not change hands
 * @param changeDate   the day the holder changed (ISO, possibly partial), or null
 * @param district     the district the sources place it in, or null
 * @param happenings   what happened there, oldest first (events, provisions, moves)
 * @param figures      people, households or houses affected, each as a range where sources differ
 * @param sourceIds    every source the row rests on, in first-seen order
 * @param treaties     the treaties and agreements whose provisions concern it
 * @param lat          latitude of its point, or null when it has no location
 * @param lon          longitude of its point, or null
 * @param accuracyM    how far the point may be off (m), or null
 * @param approximate  whether the point was derived from a description or a nearby place, not given by a source
 */
public record AffectedPlace(String key, String kind, String name, List<String> names, String before, String after,
                            String changeDate, String district, List<Happening> happenings, List<Figure> figures,
                            List<String> sourceIds, List<TreatyRef> treaties, Double lat, Double lon, Double accuracyM,
                            boolean approximate) {
    public AffectedPlace {
        names = List.copyOf(names);
        happenings = List.copyOf(happenings);
        figures = List.copyOf(figures);
        sourceIds = List.copyOf(sourceIds);
        treaties = List.copyOf(treaties);
    }

    /** What kind of thing happened. */
    public enum HappeningKind {
        /** It changed hands ({@code title} null; the row's before and after say who). */
        TRANSFER,
        /** An event of the timeline ({@code recordKey} is its key). */
        EVENT,
        /** A provision of a treaty concerns it ({@code recordKey} is the provision's key). */
        PROVISION,
        /** Its people moved away, to {@code otherKey}. */
        MOVED_OUT,
        /** People moved in, from {@code otherKey}. */
        MOVED_IN
    }

    /**
     * Something that happened at the place, on {@code date} (ISO, possibly partial; null when undated).
     *
     * @param title     the English title of the event or provision, or null for a transfer or a move
     * @param recordKey the event or provision, or null
     * @param otherKey  for a move, the place at its other end, or null
     */
    public record Happening(String date, HappeningKind kind, String title, String recordKey, String otherKey) {}

    /** A count affected: {@code min} to {@code max} (equal for one figure) of {@code what} (people, households, houses). */
    public record Figure(String what, double min, double max) {
        public boolean isRange() {
            return min != max;
        }
    }

    /** A treaty or agreement by key and English title. */
    public record TreatyRef(String key, String title) {}

    /** Whether it changed hands. */
    public boolean transferred() {
        return before != null && after != null && !before.equals(after);
    }

    public boolean hasLocation() {
        return lat != null && lon != null;
    }

    /** The first and last day of what happened (ISO, possibly partial), or null when nothing is dated. */
    public String firstDate() {
        return happenings.isEmpty() ? changeDate : happenings.get(0).date();
    }

    public String lastDate() {
        return happenings.isEmpty() ? changeDate : happenings.get(happenings.size() - 1).date();
    }
}
