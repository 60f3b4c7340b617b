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
