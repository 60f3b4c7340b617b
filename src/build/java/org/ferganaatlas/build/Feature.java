package org.ferganaatlas.build;

import org.ferganaatlas.data.AtlasSchema;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A feature row in the making, with its geometry per LOD, names and search text. */
final class Feature {
    final String key;
    final String kind;
    String nameEn;
    String country;
    String countries;
    int rank;
    int minZoom;
    Double lat;
    Double lon;
    Double accuracyM;
    String confidence;
    String derivation;
    String sourceIds;
    final Map<String, Object> props = new TreeMap<>();
    /** Index = lod; points have only lod 0 (a reader uses the highest stored lod at or below the one it wants). */
    final Geometry[] lods = new Geometry[AtlasSchema.LOD_COUNT];
    /** Extra searchable text (descriptions). */
    final List<String> body = new ArrayList<>();
    /** Spellings the search finds but the {@code name} table does not list (dropped by {@link NameTagging}). */
    final List<String> searchOnly = new ArrayList<>();

    Feature(String key, String kind, String nameEn, String confidence, String sourceIds) {
        this.key = key;
        this.kind = kind;
        this.nameEn = nameEn;
        this.confidence = confidence;
        this.sourceIds = sourceIds;
    }

    void setPoint(Geometry point) {
        java.util.Arrays.fill(lods, null);
        lods[0] = point;
        lat = Geo.round6(point.getCoordinate().y);
        lon = Geo.round6(point.getCoordinate().x);
    }

    void setLods(Geometry[] g) {
        System.arraycopy(g, 0, lods, 0, lods.length);
        var a = Geo.anchor(g[g.length - 1]);
        lat = Geo.round6(a.y);
        lon = Geo.round6(a.x);
    }

    Geometry finest() {
        for (int i = lods.length - 1; i >= 0; i--) {
            if (lods[i] != null) return lods[i];
        }
        return null;
    }
}
