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

    /** How a border line is drawn on a day: the treaty's stage, or what the line's own record says. */
    public enum Settlement {
        IN_FORCE, RATIFIED, SIGNED, UNSETTLED, SETTLED, UNKNOWN;

        /** Style classes of the line ({@code settled in-force}, {@code signed}, {@code unsettled}, …). */
        public List<String> styleClasses() {
            return switch (this) {
                case IN_FORCE -> List.of("settled", "in-force");
                case RATIFIED -> List.of("settled", "ratified");
                case SIGNED -> List.of("signed");
                case UNSETTLED -> List.of("unsettled");
                case SETTLED -> List.of("settled");
                case UNKNOWN -> List.of("settlement-unknown");
            };
        }
    }

    /** The values of a border's {@code props.status} that mean its line is not agreed. */
    public static final Set<String> UNAGREED_STATUSES = Set.of("disputed", "undelimited", "unagreed", "not_agreed");
    /** The props that name the treaty settling a line when the database links none. */
    public static final List<String> TREATY_PROPS = List.of("treaty", "treaty_key", "settled_by", "settlement");

    /**
     * How a segment is drawn on a day: from its settling treaty's stage ({@link #on}); without one, from the segment's
     * own props: a status in {@link #UNAGREED_STATUSES} is unsettled, a named treaty ({@link #TREATY_PROPS}) settled,
     * anything else unknown.
     */
    public static Settlement settlement(Result r, java.util.Map<String, Object> props) {
        return switch (r.stage()) {
            case IN_FORCE -> Settlement.IN_FORCE;
            case RATIFIED -> Settlement.RATIFIED;
            case SIGNED -> Settlement.SIGNED;
            case NOT_YET_SIGNED -> Settlement.UNSETTLED;
            case NO_TREATY -> fromProps(props);
        };
    }

    static Settlement fromProps(java.util.Map<String, Object> props) {
        if (props.get("status") instanceof String s && UNAGREED_STATUSES.contains(s.strip().toLowerCase(java.util.Locale.ROOT))) {
            return Settlement.UNSETTLED;
        }
        for (String k : TREATY_PROPS) {
            if (props.get(k) instanceof String s && !s.isBlank()) {
                return Settlement.SETTLED;
            }
        }
        return Settlement.UNKNOWN;
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
