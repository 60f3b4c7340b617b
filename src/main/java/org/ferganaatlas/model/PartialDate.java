package org.ferganaatlas.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A date as sources give it: a full day ({@code 2025-03-13}), a month ({@code 2025-05}) or a year
 * ({@code 2021}). {@link #parse} never throws: text that is not such a date gives an empty result.
 *
 * @param year  the year
 * @param month 1..12, or 0 when only the year is known
 * @param day   1..31, or 0 when the day is not known
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    /** How much of the date is known. */
    public enum Precision { YEAR, MONTH, DAY }

    /** Parses {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} (surrounding spaces ignored); empty for anything else. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(s.substring(0, 4));
            if (s.length() == 4) {
                return Optional.of(new PartialDate(y, 0, 0));
            }
            int m = Integer.parseInt(s.substring(5, 7));
            if (s.length() == 7) {
                YearMonth.of(y, m); // validates the month
                return Optional.of(new PartialDate(y, m, 0));
            }
            int d = Integer.parseInt(s.substring(8, 10));
            LocalDate.of(y, m, d); // validates the day
            return Optional.of(new PartialDate(y, m, d));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static PartialDate of(LocalDate d) {
        return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public Precision precision() {
        return month == 0 ? Precision.YEAR : day == 0 ? Precision.MONTH : Precision.DAY;
    }

    /** The first day the date may mean (1 January for a year, the 1st for a month). */
    public LocalDate start() {
        return LocalDate.of(year, Math.max(1, month), Math.max(1, day));
    }

    /** The last day the date may mean (31 December for a year, the month's last day for a month). */
    public LocalDate end() {
        return switch (precision()) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case MONTH -> YearMonth.of(year, month).atEndOfMonth();
            case DAY -> LocalDate.of(year, month, day);
        };
    }

    /** Whether the date has certainly begun by {@code d} (its first possible day is not after {@code d}). */
    public boolean startedBy(LocalDate d) {
        return !start().isAfter(d);
    }

    /** Orders by first possible day, a less precise date before a more precise one on the same start. */
    @Override
    public int compareTo(PartialDate o) {
        int c = start().compareTo(o.start());
        return c != 0 ? c : precision().compareTo(o.precision());
    }

    /** The ISO text: {@code 2025}, {@code 2025-05} or {@code 2025-05-23}. */
    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
