package org.ferganaatlas.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A time-varying state of a feature, valid from {@code from} (inclusive) to {@code to} (exclusive),
 * e.g. {@code crossing_status = open} from 2025-03-13.
 *
 * <p>Dates are kept as the stored ISO text because sources often give only a year or a month
 * ({@code 2023}, {@code 2023-05}); {@link #fromDate()} and {@link #toDate()} parse full dates.
 *
 * @param attribute  crossing_status, administered_by, residents ...
 * @param value      the state
 * @param from       inclusive start (ISO, possibly partial), or null = since before our records
 * @param to         exclusive end (ISO, possibly partial), or null = still so
 * @param confidence high|medium|low
 * @param sourceIds  ids of the {@link Source}s giving it
 * @param note       a remark, or null
 * @param lastConfirmed for a period with no end: the latest day a source confirms it held (ISO, possibly partial),
 *                   or null where none was recorded; after it the state is shown as last reported, not as fact
 */
public record StatusPeriod(String attribute, String value, String from, String to,
                           String confidence, List<String> sourceIds, String note, String lastConfirmed) {
    public StatusPeriod {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        lastConfirmed = lastConfirmed == null || lastConfirmed.isBlank() ? null : lastConfirmed;
    }

    /** A period without a last-confirmed date. */
    public StatusPeriod(String attribute, String value, String from, String to, String confidence, List<String> sourceIds,
                        String note) {
        this(attribute, value, from, to, confidence, sourceIds, note, null);
    }

    /**
     * Whether, on {@code day}, the period holds only as far as old evidence goes: it is still open, and the last
     * confirmation is before the day (a partial date counts to its end: "2025-03" confirms all of March).
     */
    public boolean unconfirmedOn(LocalDate day) {
        if (!isCurrent() || lastConfirmed == null || !covers(day)) {
            return false;
        }
        return PartialDate.parse(lastConfirmed).map(d -> d.end().isBefore(day)).orElse(false);
    }

    /** {@link #from()} as a date, if it is a full ISO date. */
    public Optional<LocalDate> fromDate() {
        return parse(from);
    }

    /** {@link #to()} as a date, if it is a full ISO date. */
    public Optional<LocalDate> toDate() {
        return parse(to);
    }

    /** Whether this period is still current (no end date). */
    public boolean isCurrent() {
        return to == null || to.isBlank();
    }

    /**
     * Whether the state held on {@code day}. Partial dates compare as text, which for ISO dates
     * orders correctly ({@code "2023"} is before {@code "2023-05-01"}).
     */
    public boolean covers(LocalDate day) {
        String d = day.toString();
        boolean started = from == null || from.isBlank() || from.compareTo(d) <= 0;
        boolean notEnded = to == null || to.isBlank() || d.compareTo(to) < 0;
        return started && notEnded;
    }

    private static Optional<LocalDate> parse(String iso) {
        if (iso == null || iso.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
