package org.ferganaatlas.model;

/**
 * A border crossing's status on a day, as the map and the details show it. The database's {@code crossing_status}
 * values map onto these four; anything else, or no record for that day, is {@link #UNKNOWN}.
 */
public enum CrossingStatus {
    OPEN, RESTRICTED, CLOSED, UNKNOWN;

    /** The status a {@code crossing_status} value stands for (null: no record covers the day). */
    public static CrossingStatus of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value) {
            case "open" -> OPEN;
            case "closed" -> CLOSED;
            case "restricted", "limited", "partially_open" -> RESTRICTED;
            default -> UNKNOWN;
        };
    }

    /** Style class of icons and chips in this status ({@code open}, {@code closed}, …). */
    public String styleClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
