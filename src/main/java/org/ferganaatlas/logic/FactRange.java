package org.ferganaatlas.logic;

import java.util.List;
import java.util.Optional;
import org.ferganaatlas.model.Fact;

/** Where sources disagree on a figure, the range they span. */
public final class FactRange {
    private FactRange() {}

    /** The lowest and highest value of numeric facts, with the first one's unit. */
    public record Range(double min, double max, String unit) {}

    /**
     * The range spanned by facts about one attribute (each fact's own range counted whole), or empty when they are
     * not all numbers, or all agree.
     */
    public static Optional<Range> of(List<Fact> facts) {
        if (facts.size() < 2) {
            return Optional.empty();
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Fact x : facts) {
            try {
                min = Math.min(min, Double.parseDouble(x.value()));
                max = Math.max(max, Double.parseDouble(x.isRange() ? x.valueMax() : x.value()));
            } catch (NumberFormatException | NullPointerException e) {
                return Optional.empty();
            }
        }
        return min == max ? Optional.empty() : Optional.of(new Range(min, max, facts.get(0).unit()));
    }
}
