package org.ferganaatlas.model;

import java.util.List;
import java.util.Optional;

/**
 * A treaty, agreement, memorandum, protocol or declaration (a row of {@code treaty}).
 *
 * @param key         'treaty:kg-tj-2025', 'agreement:2025-03-13-roads' ...
 * @param kind        treaty|agreement|memorandum|protocol|declaration
 * @param title       English title
 * @param parties     ISO3 codes of the parties
 * @param place       place of signing, or null
 * @param signedDate  ISO date (possibly partial), or null
 * @param inForceDate ISO date (possibly partial) of entry into force, or null when no source gives it
 * @param summary     summary in our own words, or null
 * @param confidence  high|medium|low
 * @param sourceIds   ids of the {@link Source}s behind it
 */
public record Treaty(String key, String kind, String title, List<String> parties, String place, String signedDate,
                     String inForceDate, String summary, String confidence, List<String> sourceIds) {
    public Treaty {
        parties = parties == null ? List.of() : List.copyOf(parties);
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    public Optional<PartialDate> signed() {
        return PartialDate.parse(signedDate);
    }

    public Optional<PartialDate> inForce() {
        return PartialDate.parse(inForceDate);
    }
}
