package org.ferganaatlas.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Anything the map can draw or the user can click: a row of the {@code feature} table.
 *
 * @param id         dense database id (also the R*Tree id and the key of its geometries)
 * @param key        stable key, e.g. {@code country:KGZ}, {@code crossing:kyzyl-bel}
 * @param kind       country|border|tripoint|enclave|crossing|junction|monument|village|town|river|lake|water_facility|road|site
 * @param nameEn     English name
 * @param country    ISO3 code of the country it lies in today, or null (borders, tripoints)
 * @param countries  for borders, tripoints and crossings the sorted {@code -}-joined ISO3 codes ({@code KGZ-TJK}), else null
 * @param rank       label priority, 0 = most important
 * @param minZoom    smallest map zoom at which it is drawn
 * @param lat        latitude of the representative point (label anchor), degrees, or null
 * @param lon        longitude of the representative point, degrees, or null
 * @param accuracyM  how far the location may be off, in metres, or null if not stated
 * @param confidence high|medium|low
 * @param derivation how the location was derived when no source gives it, or null if sourced
 * @param sourceIds  ids of {@link Source}s behind this feature
 * @param propsJson  a JSON object of kind-specific values; read it with {@link #props()} or {@link PropsJson}
 */
public record Feature(long id, String key, String kind, String nameEn, String country, String countries,
                      int rank, int minZoom, Double lat, Double lon, Double accuracyM, String confidence,
                      String derivation, List<String> sourceIds, String propsJson) {

    public Feature {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        propsJson = propsJson == null || propsJson.isBlank() ? "{}" : propsJson;
    }

    /** The parsed {@link #propsJson()}; an empty map if it is not a valid JSON object. */
    public Map<String, Object> props() {
        try {
            return PropsJson.parse(propsJson);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** A props value as text (numbers and booleans in their JSON spelling), if present and not null. */
    public Optional<String> propString(String name) {
        Object v = props().get(name);
        return v == null ? Optional.empty() : Optional.of(v instanceof Double d ? PropsJson.formatNumber(d) : v.toString());
    }

    /** A props value as a number, if present and numeric (or a string holding a number). */
    public Optional<Double> propNumber(String name) {
        return Optional.ofNullable(PropsJson.asNumber(props().get(name)));
    }

    /** Whether the representative point is known. */
    public boolean hasLocation() {
        return lat != null && lon != null;
    }
}
