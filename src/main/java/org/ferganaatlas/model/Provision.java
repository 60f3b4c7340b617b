package org.ferganaatlas.model;

import java.util.List;

/**
 * What a treaty provides, summarised in our own words (a row of {@code provision} with its linked features).
 *
 * @param key         'provision:kg-tj-2025-03'
 * @param treatyKey   the treaty it belongs to
 * @param ordinal     order within the treaty (1, 2 ...)
 * @param title       short English title
 * @param summary     summary in our own words
 * @param confidence  high|medium|low
 * @param sourceIds   ids of the sources
 * @param featureKeys keys of the places it concerns (may include pair keys such as {@code border:KGZ-TJK})
 */
public record Provision(String key, String treatyKey, int ordinal, String title, String summary, String confidence,
                        List<String> sourceIds, List<String> featureKeys) {
    public Provision {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        featureKeys = featureKeys == null ? List.of() : List.copyOf(featureKeys);
    }
}
