package org.ferganaatlas.model;

import java.util.ArrayList;
import java.util.List;

/** Splits the database's {@code ;}-separated {@code source_ids} columns. */
public final class SourceIds {
    private SourceIds() {}

    /** {@code "p-1; ds-osm"} becomes {@code [p-1, ds-osm]}; null or blank becomes an empty list. */
    public static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : joined.split(";")) {
            String id = part.strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
