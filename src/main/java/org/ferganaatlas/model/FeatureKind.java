package org.ferganaatlas.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of feature the database holds, with what each needs in one place: the layer that draws it, the
 * closest zoom the map goes to when it is shown as a point, its place in the label order, and its search group.
 * The database spells kinds in lower case ({@link #id()}); this enum and {@link FeatureKey} are the only places
 * that know those spellings.
 */
public enum FeatureKind {
    //            id               layer                     focus zoom  label order  search group         overlay
    COUNTRY("country", null, 7, 0, SearchGroup.PLACES, true),
    BORDER("border", BuiltInLayer.BORDERS, 12, -1, SearchGroup.PLACES, true),
    TRIPOINT("tripoint", BuiltInLayer.BORDERS, 12, -1, SearchGroup.PLACES, true),
    BOUNDARY("boundary", null, 12, -1, SearchGroup.PLACES, false),
    ENCLAVE("enclave", BuiltInLayer.ENCLAVES, 12, 2, SearchGroup.ENCLAVES, true),
    CROSSING("crossing", BuiltInLayer.CROSSINGS, 13, 3, SearchGroup.CROSSINGS, true),
    JUNCTION("junction", BuiltInLayer.JUNCTION, 13, 1, SearchGroup.PLACES, true),
    MONUMENT("monument", BuiltInLayer.JUNCTION, 13, 6, SearchGroup.PLACES, true),
    VILLAGE("village", BuiltInLayer.VILLAGES, 13, 5, SearchGroup.VILLAGES, true),
    TOWN("town", BuiltInLayer.TOWNS, 11, 4, SearchGroup.TOWNS, true),
    WATER_FACILITY("water_facility", BuiltInLayer.WATER, 13, 7, SearchGroup.PLACES, true),
    RESERVOIR("reservoir", BuiltInLayer.WATER, 12, 8, SearchGroup.PLACES, true),
    LAKE("lake", BuiltInLayer.RIVERS, 12, 9, SearchGroup.PLACES, true),
    RIVER("river", BuiltInLayer.RIVERS, 12, 10, SearchGroup.PLACES, true),
    ROAD("road", null, 12, -1, SearchGroup.PLACES, false),
    SITE("site", null, 12, -1, SearchGroup.PLACES, false),
    /** Ground both countries' source polygons include: cut out of both, shown as contested, never awarded. */
    OVERLAP("overlap", BuiltInLayer.ENCLAVES, 13, -1, SearchGroup.PLACES, true);

    private final String id;
    private final BuiltInLayer layer;
    private final double focusZoom;
    private final int labelOrder;
    private final SearchGroup searchGroup;
    private final boolean overlay;

    FeatureKind(String id, BuiltInLayer layer, double focusZoom, int labelOrder, SearchGroup searchGroup, boolean overlay) {
        this.id = id;
        this.layer = layer;
        this.focusZoom = focusZoom;
        this.labelOrder = labelOrder;
        this.searchGroup = searchGroup;
        this.overlay = overlay;
    }

    /** The database's spelling ({@code water_facility}), also the key prefix. */
    public String id() {
        return id;
    }

    /** The layer that draws this kind, or null when none switches it (countries, roads: always drawn or tiles only). */
    public BuiltInLayer layer() {
        return layer;
    }

    /** Closest zoom for showing a single feature of this kind: the place and its neighbours stay in view. */
    public double focusZoom() {
        return focusZoom;
    }

    /** Place in the label order, 0 first; negative when the kind gets no label of its own. */
    public int labelOrder() {
        return labelOrder;
    }

    public boolean labelled() {
        return labelOrder >= 0;
    }

    public SearchGroup searchGroup() {
        return searchGroup;
    }

    /** Whether the window draws it as an interactive overlay (the rest is in the basemap tiles only). */
    public boolean overlay() {
        return overlay;
    }

    /** CSS-friendly spelling ({@code water-facility}), for style classes such as {@code water-facility-icon}. */
    public String styleName() {
        return id.replace('_', '-');
    }

    /** Bundle key of the kind's name ({@code kind.crossing}). */
    public String messageKey() {
        return "kind." + id;
    }

    /** The kind spelled {@code id} in the database. */
    public static Optional<FeatureKind> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (FeatureKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** As {@link #of}, for kinds read from our own database: an unknown kind is a build defect. */
    public static FeatureKind require(String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("unknown feature kind: " + id));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
