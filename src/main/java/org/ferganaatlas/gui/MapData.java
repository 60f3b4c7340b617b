package org.ferganaatlas.gui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.StatusPeriod;
import org.locationtech.jts.geom.Geometry;

/**
 * The window's view of the atlas database: the overlay features loaded once at start (a few thousand rows,
 * filtered in memory on every redraw so panning never waits for SQL), crossing status per date, and names
 * per language. Not a second database reader: every read goes through {@link AtlasDatabase}.
 */
public final class MapData {
    /** Kinds drawn as overlays (everything else is in the basemap tiles). */
    static final Set<String> OVERLAY_KINDS = Set.of("country", "border", "tripoint", "enclave", "crossing", "junction",
            "monument", "village", "town", "water_facility", "reservoir", "river", "lake");

    private final AtlasDatabase db;
    private final Map<String, List<Feature>> byKind = new HashMap<>();
    private final Map<String, Feature> byKey = new HashMap<>();
    // the caches are also read by the overlay worker (OverlayLayer.plan): concurrent maps
    private final Map<String, List<StatusPeriod>> statusCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Name>> namesCache = new java.util.concurrent.ConcurrentHashMap<>();

    public MapData(AtlasDatabase db) {
        this.db = db;
        for (String kind : OVERLAY_KINDS) {
            List<Feature> list = db.features(kind);
            byKind.put(kind, list);
            for (Feature f : list) {
                byKey.put(f.key(), f);
            }
        }
    }

    public AtlasDatabase db() {
        return db;
    }

    /** Features of a kind, most important first. */
    public List<Feature> features(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Features of the layer's kinds, most important first within each kind. */
    public List<Feature> features(LayerId layer) {
        List<Feature> out = new ArrayList<>();
        for (String kind : layer.kinds()) {
            out.addAll(features(kind));
        }
        return out;
    }

    /** A feature by key (overlay kinds from memory, others from the database). */
    public Optional<Feature> feature(String key) {
        Feature f = byKey.get(key);
        return f != null ? Optional.of(f) : db.feature(key);
    }

    public Optional<Geometry> geometry(Feature f, int lod) {
        return db.geometry(f.id(), lod);
    }

    public List<StatusPeriod> status(String key) {
        return statusCache.computeIfAbsent(key, db::status);
    }

    /** The value of a status attribute on a day (e.g. crossing_status), or null if unknown. */
    public String statusOn(String key, String attribute, LocalDate day) {
        String value = null;
        for (StatusPeriod p : status(key)) {
            if (attribute.equals(p.attribute()) && p.covers(day)) {
                value = p.value(); // later periods win where records overlap
            }
        }
        return value;
    }

    /** The name to show for a feature in a language (primary name in that language, else English). */
    public String displayName(Feature f, String lang) {
        if (lang == null || "en".equals(lang)) {
            return f.nameEn();
        }
        for (Name n : namesCache.computeIfAbsent(f.key(), db::names)) {
            if (lang.equals(n.lang()) && n.primary()) {
                return n.name();
            }
        }
        return f.nameEn();
    }

    // ---------------------------------------------------------------- treaties and extents (issue 4)

    private final Map<String, List<org.ferganaatlas.model.ProvisionLink>> provisionLinks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<org.ferganaatlas.model.TreatyStep>> treatySteps = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link AtlasDatabase#provisionsFor} (cached: the map asks on every redraw). */
    public List<org.ferganaatlas.model.ProvisionLink> provisionsFor(String key) {
        return provisionLinks.computeIfAbsent(key, db::provisionsFor);
    }

    /** {@link AtlasDatabase#treatySteps} (cached). */
    public List<org.ferganaatlas.model.TreatyStep> treatySteps(String treatyKey) {
        return treatySteps.computeIfAbsent(treatyKey, db::treatySteps);
    }

    /** How far the treaty settling a border segment had got on a day. */
    public org.ferganaatlas.logic.BorderSettlement.Result settlement(Feature border, LocalDate day) {
        return org.ferganaatlas.logic.BorderSettlement.on(border.countries(), provisionsFor(border.key()),
                this::treatySteps, day);
    }

    /**
     * The box around the features with these keys (their coarsest geometry, else their point), in degrees;
     * empty if none of them has a location. Unknown keys are skipped.
     */
    public Optional<AtlasState.FitRequest> extentOf(java.util.Collection<String> keys, double maxZoom) {
        org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope();
        for (String k : keys) {
            Feature f = feature(k).orElse(null);
            if (f == null) {
                continue;
            }
            Geometry g = geometry(f, 0).orElse(null);
            if (g != null && !g.isEmpty()) {
                env.expandToInclude(g.getEnvelopeInternal());
            } else if (f.hasLocation()) {
                env.expandToInclude(f.lon(), f.lat());
            }
        }
        if (env.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new AtlasState.FitRequest(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), maxZoom));
    }
}
