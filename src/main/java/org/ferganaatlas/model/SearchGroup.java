package org.ferganaatlas.model;

/** The groups search results are listed under, in this order of precedence when the best hits tie. */
public enum SearchGroup {
    TOWNS, CROSSINGS, ENCLAVES, VILLAGES, PLACES, TREATIES, PROVISIONS, EVENTS;

    /** Bundle key of the group's title ({@code search.group.towns}). */
    public String messageKey() {
        return "search.group." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
