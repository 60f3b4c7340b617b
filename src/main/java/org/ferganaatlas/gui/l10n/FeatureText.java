package org.ferganaatlas.gui.l10n;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.logic.StatusRules;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKey;
import org.ferganaatlas.model.FeatureKind;

/** Words for data values: kinds, statuses, dates, facts. All wording comes from the bundle. */
public final class FeatureText {
    private FeatureText() {}

    /** "Crossing", "Town" ... (falls back to the raw kind for kinds the bundle does not know). */
    public static String kind(String kind) {
        return Messages.getOr("kind." + kind, kind);
    }

    public static String country(String iso3) {
        return iso3 == null ? "" : Messages.getOr("country." + iso3, iso3);
    }

    public static String countries(String joined) {
        if (joined == null || joined.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String c : joined.split("-")) {
            if (sb.length() > 0) {
                sb.append(" – ");
            }
            sb.append(country(c));
        }
        return sb.toString();
    }

    public static String status(String attribute, String value) {
        return Messages.getOr("status." + attribute + "." + value,
                "administered_by".equals(attribute) ? country(value) : value.replace('_', ' '));
    }

    /** The name of a fact's attribute; one the bundle lacks is made readable, never shown as its column name. */
    public static String attribute(String attribute) {
        return Messages.getOr("fact." + attribute, readable(attribute));
    }

    /** Units the data spells at the end of an attribute name; the value carries its unit, so the name drops it. */
    private static final java.util.Set<String> UNIT_SUFFIXES = java.util.Set.of("ha", "km", "km2", "km3", "m", "m2", "m3", "pct");

    /** {@code area_transferred_ha} → "Area transferred": words, no unit, a capital first letter. */
    static String readable(String attribute) {
        List<String> words = new java.util.ArrayList<>(List.of(attribute.strip().split("_+")));
        while (words.size() > 1 && UNIT_SUFFIXES.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        String s = String.join(" ", words).strip();
        return s.isEmpty() ? attribute : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public static String confidence(String c) {
        return c == null ? "" : Messages.getOr("confidence." + c, c);
    }

    /**
     * An ISO date as words in the reader's language and order ("13 March 2025", "13 марта 2025 г.", "2025-ж.,
     * 13-март", "13 Март 2025", "13-mart, 2025"), a partial one as far as it goes ("May 2023", "2023"). The
     * patterns and month names are ICU's CLDR data for each language (skeletons {@code yMMMMd}, {@code yMMMM}).
     */
    public static String date(String iso, Locale locale) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.length() == 10) {
                return date(LocalDate.parse(iso), locale);
            }
            if (iso.length() == 7) {
                YearMonth ym = YearMonth.parse(iso);
                return format("yMMMM", ym.atDay(1), locale);
            }
        } catch (DateTimeParseException e) {
            // fall through: show as stored
        }
        return iso;
    }

    public static String date(LocalDate d, Locale locale) {
        return format("yMMMMd", d, locale);
    }

    /**
     * One formatter per skeleton and language: making an ICU date format costs about a millisecond, and the date bar,
     * the timeline and the layers panel format hundreds of dates when they are built. ICU formats are not thread-safe:
     * each is used under its own lock (in practice by the FX thread alone).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, com.ibm.icu.text.DateFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String format(String skeleton, LocalDate d, Locale locale) {
        com.ibm.icu.util.ULocale u = Messages.formatLocale(locale);
        com.ibm.icu.text.DateFormat f = FORMATS.computeIfAbsent(skeleton + "|" + u, k -> {
            com.ibm.icu.text.DateFormat n = com.ibm.icu.text.DateFormat.getInstanceForSkeleton(skeleton, u);
            n.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
            return n;
        });
        synchronized (f) {
            com.ibm.icu.util.Calendar c = f.getCalendar();
            c.clear();
            c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
            return f.format(c.getTime());
        }
    }

    /** "1,234" or "1,200–1,500 km²". */
    public static String factValue(Fact f, Locale locale) {
        String v = number(f.value(), locale);
        if (f.isRange()) {
            v = v + "–" + number(f.valueMax(), locale);
        }
        if (f.unit() != null && !f.unit().isBlank()) {
            v = v + " " + Messages.getOr("unit." + f.unit(), f.unit());
        }
        return v;
    }

    private static String number(String s, Locale locale) {
        try {
            double d = Double.parseDouble(s);
            com.ibm.icu.text.NumberFormat nf = com.ibm.icu.text.NumberFormat.getNumberInstance(Messages.formatLocale(locale));
            nf.setMaximumFractionDigits(2);
            return nf.format(d);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /**
     * How old the lines are and what they are not: "Lines as mapped in OpenStreetMap in April 2022; the lines the
     * treaties agreed are not published" (from the database's {@code geometry_date}).
     */
    public static String geometryAge(java.util.Map<String, String> metadata) {
        String date = metadata.getOrDefault("geometry_date", "");
        return Messages.format("map.geometryAge", date(date, Messages.locale()));
    }

    /** "40.7812° N, 71.2345° E" (degrees, latitude first). */
    public static String latLon(double lat, double lon) {
        return String.format(Locale.ROOT, "%.4f° %s, %.4f° %s", Math.abs(lat), Messages.get(lat >= 0 ? "coord.N" : "coord.S"),
                Math.abs(lon), Messages.get(lon >= 0 ? "coord.E" : "coord.W"));
    }

    /** The hover text: name, kind and, for crossings, the status on the map date. */
    public static String tooltip(Feature f, MapData data, AtlasState state) {
        Locale locale = state.languageProperty().get();
        StringBuilder sb = new StringBuilder(data.displayName(f, locale.getLanguage()));
        sb.append('\n').append(kind(f.kind()));
        if (f.countries() != null && !f.countries().isBlank()) {
            sb.append(" · ").append(countries(f.countries()));
        } else if (f.country() != null) {
            sb.append(" · ").append(country(f.country()));
        }
        if (FeatureKey.is(f.key(), FeatureKind.CROSSING)) {
            StatusRules.Reading r = data.readingOn(f.key(), StatusRules.CROSSING_STATUS, state.mapDateProperty().get());
            String s = r.value() == null ? Messages.get("status.unknown") : status(StatusRules.CROSSING_STATUS, r.value());
            sb.append('\n').append(r.unconfirmed() ? Messages.format("status.lastReported", s, date(r.lastConfirmed(), locale)) : s);
        }
        sb.append('\n').append(Messages.get("tooltip.click"));
        return sb.toString();
    }
}
