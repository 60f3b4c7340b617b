package org.ferganaatlas.logic;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKind;

/**
 * Towns the map would show twice. GeoNames lists some Uzbek towns both as the town ("Kosonsoy") and as the town's
 * administrative seat ("Kosonsoy Shahri", Uzbek for "Kosonsoy town") a kilometre or two apart; on the map that is one
 * town with two dots. The "Shahri" entry is hidden when a town of the plain name lies within {@link #NEAR_KM}.
 * (The lasting fix is in the database build, which could merge the two; this rule keeps the map right until then.)
 */
public final class TownDuplicates {
    /** Uzbek and Tajik words for "town" that GeoNames appends to a town's name. */
    private static final List<String> TOWN_WORDS = List.of(" shahri", " shahar", " shakhri");
    /** How close the plain-named town must be. */
    public static final double NEAR_KM = 5;

    private TownDuplicates() {}

    /** Keys of the towns in {@code towns} that repeat a nearby town under a longer name. */
    public static Set<String> hidden(List<Feature> towns) {
        Set<String> out = new HashSet<>();
        for (Feature a : towns) {
            if (!FeatureKind.TOWN.id().equals(a.kind()) || !a.hasLocation()) {
                continue;
            }
            String stem = stem(a.nameEn());
            if (stem == null) {
                continue;
            }
            for (Feature b : towns) {
                if (b != a && FeatureKind.TOWN.id().equals(b.kind()) && b.hasLocation()
                        && b.nameEn().strip().toLowerCase(Locale.ROOT).equals(stem)
                        && Geodesy.distanceKm(a.lat(), a.lon(), b.lat(), b.lon()) <= NEAR_KM) {
                    out.add(a.key());
                    break;
                }
            }
        }
        return out;
    }

    /** "Kosonsoy Shahri" → "kosonsoy"; null when the name does not end in a word for "town". */
    static String stem(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (String w : TOWN_WORDS) {
            if (n.endsWith(w) && n.length() > w.length()) {
                return n.substring(0, n.length() - w.length()).strip();
            }
        }
        return null;
    }
}
