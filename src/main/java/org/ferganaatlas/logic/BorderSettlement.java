package org.ferganaatlas.logic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.TreatyStep;

/**
 * How far the treaty that settles a border line had got on a given day. The settling treaty of a segment is
 * a {@code treaty} (not an agreement or declaration) linked to the segment or its pair whose parties are
 * exactly the two countries the segment separates: a trilateral junction-point treaty does not settle a
 * whole bilateral line. A stage counts only once its date has certainly passed (a month-only date on the
 * last day of that month), so the map never claims more than the sources say.
 */
public final class BorderSettlement {
    private BorderSettlement() {}

    /** The stages, from nothing to in force. */
    public enum Stage {
        /** No bilateral treaty for this line in the database. */
        NO_TREATY,
        /** There is a treaty, but on that day it was not yet signed. */
        NOT_YET_SIGNED,
        /** Signed, not yet ratified by both (no exchange of instruments by then). */
        SIGNED,
        /** Instruments of ratification exchanged; entry into force not found in the sources (or later). */
        RATIFIED,
        /** In force (an in-force date or step that has passed). */
        IN_FORCE
    }

    /** The stage reached and the treaty that reached it (null for {@link Stage#NO_TREATY}). */
    public record Result(Stage stage, String treatyKey) {}

    /**
     * @param countries the segment's countries, {@code -}-joined ({@code KGZ-TJK})
     * @param links     {@code provisionsFor} the segment
     * @param steps     the steps of a treaty by key
     * @param day       the map date
     */
    public static Result on(String countries, List<ProvisionLink> links, Function<String, List<TreatyStep>> steps,
                            LocalDate day) {
        if (countries == null || links == null || day == null) {
            return new Result(Stage.NO_TREATY, null);
        }
        Set<String> pair = Set.of(countries.split("-"));
        Result best = new Result(Stage.NO_TREATY, null);
        Set<String> seen = new HashSet<>();
        for (ProvisionLink l : links) {
            if (!"treaty".equals(l.treatyKind()) || !seen.add(l.treatyKey()) || !new HashSet<>(l.parties()).equals(pair)) {
                continue;
            }
            Stage s = stage(l, steps.apply(l.treatyKey()), day);
            if (s.compareTo(best.stage()) > 0) {
                best = new Result(s, l.treatyKey());
            }
        }
        return best;
    }

    static Stage stage(ProvisionLink l, List<TreatyStep> steps, LocalDate day) {
        if (passed(l.inForce(), day)) {
            return Stage.IN_FORCE;
        }
        boolean exchanged = false, signed = passed(l.signed(), day);
        for (TreatyStep s : steps == null ? List.<TreatyStep>of() : steps) {
            if (!passed(s.partialDate(), day)) {
                continue;
            }
            switch (s.step()) {
                case "in_force" -> {
                    return Stage.IN_FORCE;
                }
                case "instruments_exchanged" -> exchanged = true;
                case "signed" -> signed = true;
                default -> { }
            }
        }
        return exchanged ? Stage.RATIFIED : signed ? Stage.SIGNED : Stage.NOT_YET_SIGNED;
    }

    private static boolean passed(Optional<PartialDate> d, LocalDate day) {
        return d.isPresent() && !d.get().end().isAfter(day);
    }
}
