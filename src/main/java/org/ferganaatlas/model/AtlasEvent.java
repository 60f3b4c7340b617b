package org.ferganaatlas.model;

import java.util.List;
import java.util.Optional;

/**
 * Something that happened (a row of {@code event} with its linked features): a clash, closure, signing,
 * ratification, reopening, resettlement ... Casualty figures are ranges because sources differ.
 *
 * @param key          'event:2021-04-clashes'
 * @param date         ISO start date (possibly partial)
 * @param dateEnd      ISO end date (possibly partial), or null for a one-day event
 * @param kind         clash|closure|reopening|signing|ratification|in_force|negotiation|protest|resettlement|announcement|visit|flight|summit
 * @param title        English title
 * @param summary      summary in our own words, or null
 * @param deathsMin    fewest deaths reported, or null
 * @param deathsMax    most deaths reported, or null
 * @param injuredMin   fewest injured reported, or null
 * @param injuredMax   most injured reported, or null
 * @param displacedMin fewest displaced reported, or null
 * @param displacedMax most displaced reported, or null
 * @param confidence   high|medium|low
 * @param sourceIds    ids of the sources
 * @param notes        how the figures were put together, or null
 * @param featureKeys  keys of the places where it happened
 */
public record AtlasEvent(String key, String date, String dateEnd, String kind, String title, String summary,
                         Integer deathsMin, Integer deathsMax, Integer injuredMin, Integer injuredMax,
                         Integer displacedMin, Integer displacedMax, String confidence, List<String> sourceIds,
                         String notes, List<String> featureKeys) {
    public AtlasEvent {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        featureKeys = featureKeys == null ? List.of() : List.copyOf(featureKeys);
    }

    public Optional<PartialDate> start() {
        return PartialDate.parse(date);
    }

    public Optional<PartialDate> end() {
        return PartialDate.parse(dateEnd);
    }
}
