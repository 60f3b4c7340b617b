package org.ferganaatlas.data.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a user's file, in WGS84 degrees (JTS and GeoJSON: x = longitude, y = latitude).
 *
 * @param number     its place in the file, from 1 (the n-th feature, Placemark or data row)
 * @param line       the line it starts on, or 0 where the format does not tell (JSON read as a stream)
 * @param name       a name for lists and labels (the file's own name field, else empty)
 * @param geometry   the shape, never empty
 * @param attributes the other values, as text, in the file's order
 */
public record ImportedFeature(int number, long line, String name, Geometry geometry, Map<String, String> attributes) {
    /** Thread-safe once built; building one per feature cost a large import a good part of its time. */
    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    public ImportedFeature {
        name = name == null ? "" : name.strip();
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The attributes as a JSON object (text values), as the user database keeps them. */
    public String attributesJson() {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
