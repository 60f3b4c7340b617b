package org.ferganaatlas.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A documented move of people from one place to another (a row of {@code resettlement}): the map draws it as an arrow
 * from the old place to the new one from the day the move began.
 *
 * @param fromKey       the feature the people left
 * @param toKey         the feature they moved to
 * @param date          when the move began (ISO, possibly partial)
 * @param dateEnd       when it was reported complete (ISO, possibly partial), or null
 * @param peopleMin     fewest people the sources count, or null when none gives a figure
 * @param peopleMax     most people the sources count, or null for a single figure
 * @param householdsMin fewest households (families), or null
 * @param householdsMax most households, or null for a single figure
 * @param confidence    high|medium|low
 * @param sourceIds     the sources
 * @param notes         how the figures fit together, in our own words, or null
 */
public record Resettlement(String fromKey, String toKey, String date, String dateEnd, Integer peopleMin, Integer peopleMax,
                           Integer householdsMin, Integer householdsMax, String confidence, List<String> sourceIds,
                           String notes) {
    public Resettlement {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    public Optional<PartialDate> start() {
        return PartialDate.parse(date);
    }

    public Optional<PartialDate> end() {
        return PartialDate.parse(dateEnd);
    }

    /** Whether the move had certainly begun by {@code day} (a month or year counts from its first day). */
    public boolean begunBy(LocalDate day) {
        return start().map(d -> d.startedBy(day)).orElse(false);
    }
}
