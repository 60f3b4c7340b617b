package org.ferganaatlas.logic;

import java.time.LocalDate;
import java.util.List;
import org.ferganaatlas.model.CrossingStatus;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.TerritoryPeriod;

/** What a feature's dated status records say about one day. */
public final class StatusRules {
    /** The crossing-status attribute of the {@code status} table. */
    public static final String CROSSING_STATUS = "crossing_status";

    private StatusRules() {}

    /**
     * The value of {@code attribute} on {@code day}, or null when no period covers it. Where records overlap,
     * the later one in the list wins (the database lists them by start date).
     */
    public static String valueOn(List<StatusPeriod> periods, String attribute, LocalDate day) {
        String value = null;
        for (StatusPeriod p : periods) {
            if (attribute.equals(p.attribute()) && p.covers(day)) {
                value = p.value();
            }
        }
        return value;
    }

    /** What the records say about one attribute on a day, and whether it is only as last reported. */
    public record Reading(String value, boolean unconfirmed, String lastConfirmed) {
        public static final Reading NONE = new Reading(null, false, null);
    }

    /**
     * The value of {@code attribute} on {@code day} ({@link #valueOn}) and whether it is past its evidence: an open-ended
     * period whose last confirmation is before the day is shown as "last reported … on", never as current fact.
     */
    public static Reading readingOn(List<StatusPeriod> periods, String attribute, LocalDate day) {
        Reading r = Reading.NONE;
        for (StatusPeriod p : periods) {
            if (attribute.equals(p.attribute()) && p.covers(day)) {
                r = new Reading(p.value(), p.unconfirmedOn(day), p.lastConfirmed());
            }
        }
        return r;
    }

    /**
     * Who held a piece of ground on a day: the period covering it (the later one where records overlap), else the
     * country its geometry is drawn in ({@code drawnIn}).
     */
    public static String holderOn(List<TerritoryPeriod> periods, LocalDate day, String drawnIn) {
        String holder = drawnIn;
        for (TerritoryPeriod p : periods) {
            if (p.covers(day)) {
                holder = p.holder();
            }
        }
        return holder;
    }

    /** The attribute of the {@code status} table that says who administered a place (villages without a polygon). */
    public static final String ADMINISTERED_BY = "administered_by";

    /**
     * The last change of hands a place's records show: who held it the day before and from the day of the change.
     * {@code before} equals {@code after} (and {@code date} is null) when the records show no change.
     */
    public record Transfer(String before, String after, String date) {
        public boolean changed() {
            return date != null;
        }
    }

    /**
     * Who held a place before and after its last change: from its territory periods where it has a polygon of its own
     * ({@link #holderOn}), else from its {@code administered_by} statuses, else the country it lies in (unchanged).
     * A change is a period's start on which the holder differs from the day before; where a period starts with no
     * earlier record, the day before falls back on {@code country}, so a place recorded only from its transfer onwards
     * and lying in its new country shows no change (the records do not say who held it before).
     */
    public static Transfer transfer(List<TerritoryPeriod> territory, List<StatusPeriod> status, String country) {
        if (!territory.isEmpty()) {
            List<String> starts = new java.util.ArrayList<>();
            territory.forEach(p -> starts.add(p.from()));
            return lastChange(starts, day -> holderOn(territory, day, country));
        }
        List<String> starts = new java.util.ArrayList<>();
        status.stream().filter(p -> ADMINISTERED_BY.equals(p.attribute())).forEach(p -> starts.add(p.from()));
        if (starts.isEmpty()) {
            return new Transfer(country, country, null);
        }
        return lastChange(starts, day -> {
            String v = valueOn(status, ADMINISTERED_BY, day);
            return v != null ? v : country;
        });
    }

    private static Transfer lastChange(List<String> starts, java.util.function.Function<LocalDate, String> holder) {
        Transfer last = null;
        LocalDate latest = null;
        for (String s : starts) {
            java.util.Optional<org.ferganaatlas.model.PartialDate> d = org.ferganaatlas.model.PartialDate.parse(s);
            if (d.isEmpty()) {
                continue;
            }
            LocalDate day = d.get().start();
            String before = holder.apply(day.minusDays(1)), after = holder.apply(day);
            if (before != null && after != null && !before.equals(after) && (latest == null || day.isAfter(latest))) {
                latest = day;
                last = new Transfer(before, after, s);
            }
        }
        if (last != null) {
            return last;
        }
        // no change: whoever holds it on the latest start (or, with none dated, on any day: the open period's holder)
        LocalDate probe = LocalDate.of(1900, 1, 1);
        for (String s : starts) {
            java.util.Optional<org.ferganaatlas.model.PartialDate> d = org.ferganaatlas.model.PartialDate.parse(s);
            if (d.isPresent() && d.get().start().isAfter(probe)) {
                probe = d.get().start();
            }
        }
        String now = holder.apply(probe);
        return new Transfer(now, now, null);
    }

    /** A crossing's status on a day ({@link CrossingStatus#UNKNOWN} where no record covers it). */
    public static CrossingStatus crossingOn(List<StatusPeriod> periods, LocalDate day) {
        return CrossingStatus.of(valueOn(periods, CROSSING_STATUS, day));
    }

    /**
     * Whether a village is one the settlement touched: it has a status history (residents moved, administration
     * changed) or its record says it was affected or transferred.
     */
    public static boolean affected(Feature village, List<StatusPeriod> periods) {
        return !periods.isEmpty() || village.props().containsKey("affected") || village.props().containsKey("transferred_to");
    }
}
