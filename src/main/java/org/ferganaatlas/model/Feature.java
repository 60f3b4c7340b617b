package org.ferganaatlas.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Anything the map can draw or the user can click: a row of the {@code feature} table.
 *
 * <p>A final class with the accessors and value semantics of a record ({@code equals}, {@code hashCode} and
 * {@code toString} over the fifteen values below): a record cannot keep the parsed {@link #props()}, and the map
 * layers ask for props of the same features on every redraw, so re-parsing the JSON each time was measurable
 * work on the FX thread.
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
public final class Feature {
    private final long id;
    private final String key;
    private final String kind;
    private final String nameEn;
    private final String country;
    private final String countries;
    private final int rank;
    private final int minZoom;
    private final Double lat;
    private final Double lon;
    private final Double accuracyM;
    private final String confidence;
    private final String derivation;
    private final List<String> sourceIds;
    private final String propsJson;
    /**
     * {@link #propsJson} parsed, on first use. Racy single-check: two threads may both parse it once, but parsing
     * is pure and the map is unmodifiable, so every thread sees one complete, equal map (volatile publishes it).
     */
    private volatile Map<String, Object> props;

    public Feature(long id, String key, String kind, String nameEn, String country, String countries,
                   int rank, int minZoom, Double lat, Double lon, Double accuracyM, String confidence,
                   String derivation, List<String> sourceIds, String propsJson) {
        this.id = id;
        this.key = Objects.requireNonNull(key, "key");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.nameEn = nameEn;
        this.country = country;
        this.countries = countries;
        this.rank = rank;
        this.minZoom = minZoom;
        this.lat = lat;
        this.lon = lon;
        this.accuracyM = accuracyM;
        this.confidence = confidence;
        this.derivation = derivation;
        this.sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
        this.propsJson = propsJson == null || propsJson.isBlank() ? "{}" : propsJson;
    }

    public long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String kind() {
        return kind;
    }

    public String nameEn() {
        return nameEn;
    }

    public String country() {
        return country;
    }

    public String countries() {
        return countries;
    }

    public int rank() {
        return rank;
    }

    public int minZoom() {
        return minZoom;
    }

    public Double lat() {
        return lat;
    }

    public Double lon() {
        return lon;
    }

    public Double accuracyM() {
        return accuracyM;
    }

    public String confidence() {
        return confidence;
    }

    public String derivation() {
        return derivation;
    }

    public List<String> sourceIds() {
        return sourceIds;
    }

    public String propsJson() {
        return propsJson;
    }

    /**
     * The parsed {@link #propsJson()}, unmodifiable and the same instance on every call; an empty map if it is not a
     * valid JSON object. Parsed on the first call, not when the row is read: most features are drawn without it.
     */
    public Map<String, Object> props() {
        Map<String, Object> p = props;
        if (p == null) {
            try {
                p = PropsJson.parse(propsJson);
            } catch (IllegalArgumentException e) {
                p = Map.of();
            }
            props = p;
        }
        return p;
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

    /**
     * Whether {@link #nameEn()} is the feature's own name. The build gives a nameless feature (most WDBII rivers) a
     * description of what it is, such as "Additional major river (WDBII level 3)", and marks it {@code "named": false};
     * such a description is for the data, not a name to write on the map.
     */
    public boolean hasOwnName() {
        return !Boolean.FALSE.equals(props().get("named"));
    }

    /** Whether the representative point is known. */
    public boolean hasLocation() {
        return lat != null && lon != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Feature f && id == f.id && rank == f.rank && minZoom == f.minZoom
                && key.equals(f.key) && kind.equals(f.kind) && Objects.equals(nameEn, f.nameEn)
                && Objects.equals(country, f.country) && Objects.equals(countries, f.countries)
                && Objects.equals(lat, f.lat) && Objects.equals(lon, f.lon) && Objects.equals(accuracyM, f.accuracyM)
                && Objects.equals(confidence, f.confidence) && Objects.equals(derivation, f.derivation)
                && sourceIds.equals(f.sourceIds) && propsJson.equals(f.propsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, key, kind, nameEn, country, countries, rank, minZoom, lat, lon, accuracyM, confidence,
                derivation, sourceIds, propsJson);
    }

    @Override
    public String toString() {
        return "Feature[id=" + id + ", key=" + key + ", kind=" + kind + ", nameEn=" + nameEn + ", country=" + country
                + ", countries=" + countries + ", rank=" + rank + ", minZoom=" + minZoom + ", lat=" + lat + ", lon=" + lon
                + ", accuracyM=" + accuracyM + ", confidence=" + confidence + ", derivation=" + derivation
                + ", sourceIds=" + sourceIds + ", propsJson=" + propsJson + "]";
    }
}
