package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.Translation;

/**
 * Which language to show when the reader's language has no form of a name or text.
 *
 * <p><b>Place names</b> ({@link #forNames}): the reader's language; for Kyrgyz and Tajik readers then Russian (the
 * region's shared second language, read by far more of them than English, and written in the same letters); then
 * the local official language of the country the place lies in (Kyrgyz in KGZ, Tajik in TJK, Uzbek in UZB: the name
 * on the signs there); then English (every feature has one); then any name at all.
 *
 * <p><b>Treaty, provision and event texts</b> ({@link #forTexts}): the reader's language; for Kyrgyz, Tajik and
 * Uzbek readers then Russian (the texts are written in English and translated into Russian first; school and press
 * Russian is read by more readers in all three countries than English); then English, the original.
 */
public final class LanguageFallback {
    private LanguageFallback() {}

    /** The languages the atlas speaks. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "ky", "tg", "uz");

    /** The official language of each country of the valley, by ISO3. */
    public static final Map<String, String> OFFICIAL = Map.of("KGZ", "ky", "TJK", "tg", "UZB", "uz");

    /** The order in which to look for a place's name for a reader of {@code lang}; {@code country} may be null. */
    public static List<String> forNames(String lang, String country) {
        Set<String> order = new LinkedHashSet<>();
        String reader = LANGUAGES.contains(lang) ? lang : "en";
        order.add(reader);
        if (reader.equals("ky") || reader.equals("tg")) {
            order.add("ru");
        }
        String official = country == null ? null : OFFICIAL.get(country);
        if (official != null) {
            order.add(official);
        }
        order.add("en");
        return List.copyOf(order);
    }

    /** The order in which to look for a treaty's, provision's or event's text for a reader of {@code lang}. */
    public static List<String> forTexts(String lang) {
        String reader = LANGUAGES.contains(lang) ? lang : "en";
        Set<String> order = new LinkedHashSet<>();
        order.add(reader);
        if (!reader.equals("en")) {
            order.add("ru");
        }
        order.add("en");
        return List.copyOf(order);
    }

    /**
     * The first language of {@code order} for which {@code lookup} has a value, with that value; else the first
     * value of {@code anyOf} (a name in a language outside the order), else null.
     */
    public static <T> Chosen<T> choose(List<String> order, Function<String, T> lookup, List<T> anyOf) {
        for (String l : order) {
            T v = lookup.apply(l);
            if (v != null) {
                return new Chosen<>(l, v);
            }
        }
        List<T> rest = new ArrayList<>(anyOf == null ? List.of() : anyOf);
        return rest.isEmpty() ? null : new Chosen<>(null, rest.get(0));
    }

    /** A value and the language it was found in (null when it came from outside the order). */
    public record Chosen<T>(String lang, T value) {}

    /**
     * The name to show for a place to a reader of {@code lang}: the primary name of the first language of
     * {@link #forNames} that has one, else {@code english} when given, else any primary name, else any name.
     */
    public static String name(List<Name> names, String lang, String country, String english) {
        for (String l : forNames(lang, country)) {
            if (l.equals("en") && english != null) {
                return english;
            }
            for (Name n : names) {
                if (n.primary() && l.equals(n.lang())) {
                    return n.name();
                }
            }
        }
        for (Name n : names) {
            if (n.primary()) {
                return n.name();
            }
        }
        return names.isEmpty() ? english : names.get(0).name();
    }

    /**
     * A text as shown: what it says, the language it is in, and the translation it comes from (null for the English
     * original).
     */
    public record Text(String text, String lang, Translation translation) {
        public boolean translated() {
            return translation != null;
        }
    }

    /**
     * The {@code field} (title, summary, notes) of a record for a reader of {@code lang}: the translation in the first
     * language of {@link #forTexts} that has one, else the English original; null when there is no original (a
     * translation without an original is never shown).
     */
    public static Text text(List<Translation> translations, String field, String english, String lang) {
        if (english == null || english.isBlank()) {
            return null;
        }
        for (String l : forTexts(lang)) {
            if (l.equals("en")) {
                break;
            }
            for (Translation t : translations) {
                if (t.field().equals(field) && t.lang().equals(l) && !t.text().isBlank()) {
                    return new Text(t.text(), l, t);
                }
            }
        }
        return new Text(english, "en", null);
    }
}
