package org.ferganaatlas.model;

import java.util.List;

/**
 * A dated figure about a feature. Several facts may share an attribute when sources disagree.
 *
 * @param attribute  area_km2, population, people_resettled, households, length_km ...
 * @param value      the value as stored (text: may be a number or a word)
 * @param valueMax   the upper end of a range, or null for a single value
 * @param unit       the unit, or null
 * @param asOf       the date the figure refers to (ISO, possibly partial: 2024 or 2024-03), or null
 * @param confidence high|medium|low
 * @param sourceIds  ids of the {@link Source}s giving it
 * @param note       a remark, or null
 */
public record Fact(String attribute, String value, String valueMax, String unit, String asOf,
                   String confidence, List<String> sourceIds, String note) {
    public Fact {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    /** Whether this fact gives a range (value to valueMax) rather than one value. */
    public boolean isRange() {
        return valueMax != null && !valueMax.isBlank();
    }
}
