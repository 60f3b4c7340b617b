package org.ferganaatlas.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result of the search field.
 *
 * @param ref         key of what was found: a feature key ({@code town:1514879}, {@code crossing:kyzyl-bel}),
 *                    a treaty, provision or event key
 * @param kind        feature kind ({@code town}, {@code crossing}, ...) or {@code treaty|provision|event}
 * @param displayName the primary English name, to show as the result's title
 * @param matchedName the name or spelling the query matched, in the script the user typed when the
 *                    database has it ({@code Худжанд} for a Cyrillic query); equals {@code displayName}
 *                    when the match was on the primary name or in the description
 * @param match       how the query matched; results are ordered by this first
 * @param score       higher is better; only meaningful for ordering hits of one search
 */
public record SearchHit(String ref, String kind, String displayName, String matchedName, Match match, double score) {

    /** How a hit matched the query, best first. */
    public enum Match {
        /** The query is one of the feature's names (after folding). */
        EXACT,
        /** The query is the start of one of its names, or each word starts a word of one name. */
        PREFIX,
        /** Found through a spelling variant or small typo (vowels, d/t, one or two edits). */
        FUZZY,
        /** Only the description or summary mentions it. */
        TEXT
    }

    public SearchHit {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(match, "match");
    }

    /** Hits grouped by kind, groups in order of their best hit, hits keeping their order: for a grouped result list. */
    public static Map<String, List<SearchHit>> groupByKind(List<SearchHit> hits) {
        Map<String, List<SearchHit>> groups = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            groups.computeIfAbsent(hit.kind(), k -> new java.util.ArrayList<>()).add(hit);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        return groups;
    }
}
