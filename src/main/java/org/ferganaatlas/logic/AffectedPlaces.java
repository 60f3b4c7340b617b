package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ferganaatlas.model.AffectedPlace;
import org.ferganaatlas.model.AffectedPlace.Figure;
import org.ferganaatlas.model.AffectedPlace.Happening;
import org.ferganaatlas.model.AffectedPlace.HappeningKind;
import org.ferganaatlas.model.AffectedPlace.TreatyRef;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.PlaceMaterial;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Resettlement;

/**
 * The rules of the affected-places table: which places are in it, and how one row is made from what the database
 * says about a place (who held it before and after, its district, what happened and when, how many people or houses
 * the sources count, on whose word), and which rows a filter keeps. Toolkit-free: the table, the CSV and GeoJSON
 * export and the tests all use the same rows.
 */
public final class AffectedPlaces {
    /** The feature kinds the table lists. */
    public static final List<String> KINDS = List.of("village", "enclave", "exclave", "water_facility", "crossing");

    /** The curated fact attribute naming the district a place lies (or lay) in. */
    public static final String DISTRICT = "district";

    /**
     * Fact attributes counted as affected, in the order the table shows them. A resettlement's own counts replace the
     * facts of the same kind: they are what the sources say moved, where a place's household count may be of any year.
     */
    public static final List<String> FIGURES = List.of("people_resettled", "people_evacuated", "households", "houses");

    private AffectedPlaces() {}

    /**
     * Whether a place belongs in the table: every enclave, shared water point and crossing, and the villages the
     * settlement touched (a status history, an event, a provision or a move).
     */
    public static boolean included(PlaceMaterial m) {
        String kind = m.feature().kind();
        if (!KINDS.contains(kind)) {
            return false;
        }
        if (!kind.equals("village")) {
            return true;
        }
        return StatusRules.affected(m.feature(), m.status()) || !m.events().isEmpty() || !m.provisions().isEmpty()
                || !m.resettlements().isEmpty();
    }

    /** The rows for these places in a language, in name order; places that do not belong are left out. */
    public static List<AffectedPlace> rows(List<PlaceMaterial> places, String lang) {
        List<AffectedPlace> out = new ArrayList<>();
        for (PlaceMaterial m : places) {
            if (included(m)) {
                out.add(row(m, lang));
            }
        }
        out.sort(Comparator.comparing((AffectedPlace r) -> TextFold.fold(r.name())).thenComparing(AffectedPlace::key));
        return out;
    }

    /** One row: {@code lang} picks the name (its primary name in that language, else English). */
    public static AffectedPlace row(PlaceMaterial m, String lang) {
        Feature f = m.feature();
        Set<String> sources = new LinkedHashSet<>(f.sourceIds());

        String country = f.country() != null ? f.country() : f.countries();
        StatusRules.Transfer t = StatusRules.transfer(m.territory(), m.status(), country);
        if (t.changed()) {
            m.territory().forEach(p -> sources.addAll(p.sourceIds()));
            m.status().stream().filter(p -> StatusRules.ADMINISTERED_BY.equals(p.attribute()))
                    .forEach(p -> sources.addAll(p.sourceIds()));
        }

        String district = null;
        for (Fact x : m.facts()) {
            if (DISTRICT.equals(x.attribute()) && district == null) {
                district = x.value();
                sources.addAll(x.sourceIds());
            }
        }

        List<Happening> happenings = new ArrayList<>();
        if (t.changed()) {
            happenings.add(new Happening(t.date(), HappeningKind.TRANSFER, null, null, null));
        }
        for (AtlasEvent e : m.events()) {
            happenings.add(new Happening(e.date(), HappeningKind.EVENT, e.title(), e.key(), null));
            sources.addAll(e.sourceIds());
        }
        Set<String> provisionsSeen = new TreeSet<>();
        List<TreatyRef> treaties = new ArrayList<>();
        for (ProvisionLink p : m.provisions()) {
            if (provisionsSeen.add(p.provisionKey())) {
                happenings.add(new Happening(p.signedDate(), HappeningKind.PROVISION, p.provisionTitle(), p.provisionKey(), null));
            }
            if (treaties.stream().noneMatch(x -> x.key().equals(p.treatyKey()))) {
                treaties.add(new TreatyRef(p.treatyKey(), p.treatyTitle()));
            }
        }
        for (Resettlement r : m.resettlements()) {
            boolean out = r.fromKey().equals(f.key());
            happenings.add(new Happening(r.date(), out ? HappeningKind.MOVED_OUT : HappeningKind.MOVED_IN, null, null,
                    out ? r.toKey() : r.fromKey()));
            sources.addAll(r.sourceIds());
        }
        happenings.sort(Comparator.comparing((Happening h) -> PartialDate.parse(h.date()).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())));

        List<Figure> figures = figures(f.key(), m.facts(), m.resettlements(), sources);

        List<String> names = new ArrayList<>();
        names.add(f.nameEn());
        m.names().forEach(n -> names.add(n.name()));
        return new AffectedPlace(f.key(), f.kind(), name(f, m.names(), lang), names, t.before(), t.after(), t.date(), district,
                happenings, figures, new ArrayList<>(sources), treaties, f.lat(), f.lon(), f.accuracyM(),
                f.hasLocation() && f.derivation() != null);
    }

    /** The primary name in {@code lang}, else the English name. */
    static String name(Feature f, List<Name> names, String lang) {
        if (lang != null && !lang.equals("en")) {
            for (Name n : names) {
                if (lang.equals(n.lang()) && n.primary()) {
                    return n.name();
                }
            }
        }
        return f.nameEn();
    }

    /**
     * People, households and houses affected: for the moves away from this place their own counts (a range where
     * the sources differ), then each counted fact attribute not already given by a move, as the range the facts span
     * ({@link FactRange}) or their one value. Figures that are not numbers are left out.
     */
    static List<Figure> figures(String key, List<Fact> facts, List<Resettlement> moves, Set<String> sources) {
        List<Figure> out = new ArrayList<>();
        Set<String> given = new TreeSet<>();
        for (Resettlement r : moves) {
            if (!r.fromKey().equals(key)) {
                continue;
            }
            if (add(out, "people_resettled", r.peopleMin(), r.peopleMax())) {
                given.add("people_resettled");
                sources.addAll(r.sourceIds());
            }
            if (add(out, "households", r.householdsMin(), r.householdsMax())) {
                given.add("households");
                sources.addAll(r.sourceIds());
            }
        }
        for (String attribute : FIGURES) {
            if (given.contains(attribute)) {
                continue;
            }
            List<Fact> of = facts.stream().filter(x -> attribute.equals(x.attribute())).toList();
            range(of).ifPresent(r -> {
                out.add(new Figure(attribute, r[0], r[1]));
                of.forEach(x -> sources.addAll(x.sourceIds()));
            });
        }
        out.sort(Comparator.comparingInt(x -> FIGURES.indexOf(x.what())));
        return out;
    }

    private static boolean add(List<Figure> out, String what, Integer min, Integer max) {
        if (min == null) {
            return false;
        }
        int hi = max == null ? min : max;
        for (int i = 0; i < out.size(); i++) {
            Figure g = out.get(i);
            if (g.what().equals(what)) {
                // two moves from one place: their counts add up
                out.set(i, new Figure(what, g.min() + min, g.max() + hi));
                return true;
            }
        }
        out.add(new Figure(what, min, hi));
        return true;
    }

    /** The range the facts span ({@link FactRange#of}), or their single value; empty when none is a number. */
    static Optional<double[]> range(List<Fact> facts) {
        List<Fact> numeric = facts.stream().filter(AffectedPlaces::numeric).toList();
        if (numeric.isEmpty()) {
            return Optional.empty();
        }
        Optional<FactRange.Range> r = FactRange.of(numeric);
        if (r.isPresent()) {
            return Optional.of(new double[] {r.get().min(), r.get().max()});
        }
        Fact one = numeric.get(0);
        double v = Double.parseDouble(one.value());
        return Optional.of(new double[] {v, one.isRange() ? Double.parseDouble(one.valueMax()) : v});
    }

    private static boolean numeric(Fact x) {
        try {
            Double.parseDouble(x.value());
            if (x.isRange()) {
                Double.parseDouble(x.valueMax());
            }
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** The ISO3 codes a row involves: who held it before and after (a crossing's pair split). */
    public static Set<String> countries(AffectedPlace r) {
        Set<String> out = new TreeSet<>();
        for (String s : new String[] {r.before(), r.after()}) {
            if (s != null) {
                for (String c : s.split("-")) {
                    if (!c.isBlank()) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * What the table shows: rows involving {@code country} (ISO3), in {@code district}, concerned by {@code treatyKey},
     * of {@code kind}, and whose names, district or what happened contain every word of {@code text} once folded
     * ({@link TextFold}: Latin or Cyrillic, any of the valley's spellings). Null or blank criteria match every row.
     */
    public record Filter(String country, String district, String treatyKey, String kind, String text) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public boolean matches(AffectedPlace r) {
            if (set(country) && !countries(r).contains(country)) {
                return false;
            }
            if (set(district) && !district.equals(r.district())) {
                return false;
            }
            if (set(treatyKey) && r.treaties().stream().noneMatch(t -> t.key().equals(treatyKey))) {
                return false;
            }
            if (set(kind) && !kind.equals(r.kind())) {
                return false;
            }
            if (set(text)) {
                String q = TextFold.fold(text);
                if (q.isEmpty()) {
                    return true;
                }
                String hay = haystack(r);
                for (String word : q.split(" ")) {
                    if (!hay.contains(word)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean set(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** The folded text a row's free-text filter looks in. */
    static String haystack(AffectedPlace r) {
        StringBuilder sb = new StringBuilder();
        sb.append(TextFold.fold(r.name())).append(' ');
        r.names().forEach(n -> sb.append(TextFold.fold(n)).append(' '));
        sb.append(TextFold.fold(r.district())).append(' ');
        r.happenings().forEach(h -> sb.append(TextFold.fold(h.title())).append(' '));
        return sb.toString();
    }

    /** The rows a filter keeps, in their order. */
    public static List<AffectedPlace> filter(List<AffectedPlace> rows, Filter f) {
        return rows.stream().filter(f::matches).toList();
    }

    /** The distinct values of one column of the rows, sorted (for the filters' choices). */
    public static List<String> distinct(List<AffectedPlace> rows, Function<AffectedPlace, ? extends java.util.Collection<String>> values) {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> values.apply(r).stream().filter(v -> v != null && !v.isBlank()).forEach(out::add));
        return new ArrayList<>(out);
    }

    /**
     * The moves whose arrows can be drawn on {@code day}: begun by then, and both ends located. {@code located} says
     * whether a key has a point.
     */
    public static List<Resettlement> arrowsOn(List<Resettlement> moves, java.time.LocalDate day, java.util.function.Predicate<String> located) {
        return moves.stream().filter(r -> r.begunBy(day) && located.test(r.fromKey()) && located.test(r.toKey())).toList();
    }

    /** The largest count a row gives (for sorting by how many were affected), or -1 without one. */
    public static double largestFigure(AffectedPlace r) {
        return r.figures().stream().mapToDouble(Figure::max).max().orElse(-1);
    }

    /** A number as the table writes it: whole numbers without decimals, others with up to two. */
    public static String number(double v, Locale locale) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(locale, "%,d", (long) v);
        }
        return String.format(locale, "%,.2f", v).replaceAll("0+$", "");
    }
}
