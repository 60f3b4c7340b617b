package org.ferganaatlas.gui.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.logic.LanguageFallback;
import org.ferganaatlas.logic.StatusRules;
import org.ferganaatlas.model.CrossingStatus;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.Translation;
import org.locationtech.jts.geom.Geometry;

/**
 * The window's view of the atlas database: the overlay features loaded once at start (a few thousand rows,
 * filtered in memory on every redraw so panning never waits for SQL), crossing status per date, and names
 * per language. Not a second database reader: every read goes through {@link AtlasDatabase}.
 */
public final class MapData {
    private final AtlasDatabase db;
    private final Map<FeatureKind, List<Feature>> byKind = new java.util.EnumMap<>(FeatureKind.class);
    private final Map<String, Feature> byKey = new HashMap<>();
    // the caches are also read by the overlay worker (OverlayLayer.plan): concurrent maps
    private final Map<String, List<StatusPeriod>> statusCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Name>> namesCache = new java.util.concurrent.ConcurrentHashMap<>();

    public MapData(AtlasDatabase db) {
        this.db = db;
        for (FeatureKind kind : FeatureKind.values()) {
            if (!kind.overlay()) {
                continue; // the rest is in the basemap tiles only
            }
            List<Feature> list = db.featureRepository().features(kind.id());
            byKind.put(kind, list);
            for (Feature f : list) {
                byKey.put(f.key(), f);
            }
        }
    }

    public AtlasDatabase db() {
        return db;
    }

    /** Features of a kind drawn as an overlay, most important first. */
    public List<Feature> features(FeatureKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** What a layer draws: a user layer's own features, or the atlas features of its kinds (most important first). */
    public List<Feature> features(LayerSpec layer) {
        if (layer.isUser()) {
            return layer.features().get();
        }
        List<Feature> out = new ArrayList<>();
        for (FeatureKind kind : FeatureKind.values()) {
            if (layer.kinds().contains(kind)) {
                out.addAll(features(kind));
            }
        }
        return out;
    }

    /** A feature by key (overlay kinds from memory, others from the database). */
    public Optional<Feature> feature(String key) {
        Feature f = byKey.get(key);
        if (f == null) {
            UserShape u = userShapes.get(key);
            return u != null ? Optional.of(u.feature()) : db.featureRepository().feature(key);
        }
        return Optional.of(f);
    }

    public Optional<Geometry> geometry(Feature f, int lod) {
        UserShape u = userShapes.get(f.key());
        return u != null ? Optional.of(u.geometry()) : db.featureRepository().geometry(f.id(), lod);
    }

    /** A feature of the user's own layers (an imported file) and its shape, kept in memory while the layer is shown. */
    public record UserShape(Feature feature, Geometry geometry, String layerTitle) {}

    private final Map<String, UserShape> userShapes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes a user layer's features known to clicks, the details panel and the highlight (any thread). */
    public void addUserShapes(java.util.Collection<UserShape> shapes) {
        shapes.forEach(u -> userShapes.put(u.feature().key(), u));
    }

    /** Forgets the features whose keys start with {@code prefix} (a removed user layer). */
    public void removeUserShapes(String prefix) {
        userShapes.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** The user layer a feature belongs to, if it is one of theirs. */
    public Optional<UserShape> userShape(String key) {
        return Optional.ofNullable(userShapes.get(key));
    }

    public List<StatusPeriod> status(String key) {
        return statusCache.computeIfAbsent(key, db.factRepository()::status);
    }

    /** The value of a status attribute on a day (e.g. crossing_status), or null if unknown ({@link StatusRules#valueOn}). */
    public String statusOn(String key, String attribute, LocalDate day) {
        return StatusRules.valueOn(status(key), attribute, day);
    }

    private final Map<String, List<org.ferganaatlas.model.TerritoryPeriod>> territory = new java.util.concurrent.ConcurrentHashMap<>();

    /** Who held a piece of ground when (cached: the map asks on every redraw). */
    public List<org.ferganaatlas.model.TerritoryPeriod> territory(String key) {
        return territory.computeIfAbsent(key, db.factRepository()::territory);
    }

    /** The country that held a feature on a day: its territory periods, else the country it lies in. */
    public String holderOn(Feature f, LocalDate day) {
        return StatusRules.holderOn(territory(f.key()), day, f.country());
    }

    /** What the records say about an attribute on a day, and whether it is only as last reported. */
    public StatusRules.Reading readingOn(String key, String attribute, LocalDate day) {
        return StatusRules.readingOn(status(key), attribute, day);
    }

    /** A crossing's status on a day. */
    public CrossingStatus crossingStatusOn(String key, LocalDate day) {
        return StatusRules.crossingOn(status(key), day);
    }

    /** Whether a village is one the settlement touched ({@link StatusRules#affected}). */
    public boolean affected(Feature village) {
        return StatusRules.affected(village, status(village.key()));
    }

    private final Map<String, List<String>> concerning = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile List<org.ferganaatlas.model.AtlasEvent> events;

    /** Keys of the features a treaty, provision or event concerns (cached). */
    public List<String> featureKeysConcerning(String recordKey) {
        return concerning.computeIfAbsent(recordKey, db.featureRepository()::featureKeysConcerning);
    }

    /** Every event in date order (cached: the timeline, the date bar and Play read it often). */
    public List<org.ferganaatlas.model.AtlasEvent> events() {
        List<org.ferganaatlas.model.AtlasEvent> e = events;
        if (e == null) {
            e = events = List.copyOf(db.eventRepository().events());
        }
        return e;
    }

    public Optional<org.ferganaatlas.model.AtlasEvent> event(String key) {
        return events().stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /**
     * The name to show for a feature to a reader of {@code lang}, by {@link LanguageFallback#forNames}: that
     * language, Russian for Kyrgyz and Tajik readers, the official language where it lies, English.
     */
    public String displayName(Feature f, String lang) {
        if (lang == null || "en".equals(lang)) {
            return f.nameEn();
        }
        return LanguageFallback.name(namesCache.computeIfAbsent(f.key(), db.featureRepository()::names), lang,
                f.country(), f.nameEn());
    }

    private volatile Map<String, List<Translation>> translations;

    /** The translations of a treaty's, provision's or event's texts (all read once, a few hundred rows). */
    public List<Translation> translations(String recordKey) {
        Map<String, List<Translation>> t = translations;
        if (t == null) {
            Map<String, List<Translation>> byKey = new HashMap<>();
            for (Translation x : db.translationRepository().all()) {
                byKey.computeIfAbsent(x.recordKey(), k -> new ArrayList<>()).add(x);
            }
            t = translations = Map.copyOf(byKey);
        }
        return t.getOrDefault(recordKey, List.of());
    }

    /** A treaty with its title and summary in the language {@link LanguageFallback#forTexts} picks for the reader. */
    public org.ferganaatlas.model.Treaty inLanguage(org.ferganaatlas.model.Treaty t, String lang) {
        return new org.ferganaatlas.model.Treaty(t.key(), t.kind(), shown(t.key(), Translation.TITLE, t.title(), lang),
                t.parties(), t.place(), t.signedDate(), t.inForceDate(), shown(t.key(), Translation.SUMMARY, t.summary(), lang),
                t.confidence(), t.sourceIds());
    }

    /** A provision with its title and summary in the reader's language where translated. */
    public org.ferganaatlas.model.Provision inLanguage(org.ferganaatlas.model.Provision p, String lang) {
        return new org.ferganaatlas.model.Provision(p.key(), p.treatyKey(), p.ordinal(), shown(p.key(), Translation.TITLE, p.title(), lang),
                shown(p.key(), Translation.SUMMARY, p.summary(), lang), p.confidence(), p.sourceIds(), p.featureKeys());
    }

    /** An event with its title, summary and notes in the reader's language where translated. */
    public org.ferganaatlas.model.AtlasEvent inLanguage(org.ferganaatlas.model.AtlasEvent e, String lang) {
        return new org.ferganaatlas.model.AtlasEvent(e.key(), e.date(), e.dateEnd(), e.kind(), shown(e.key(), Translation.TITLE, e.title(), lang),
                shown(e.key(), Translation.SUMMARY, e.summary(), lang), e.deathsMin(), e.deathsMax(), e.injuredMin(), e.injuredMax(),
                e.displacedMin(), e.displacedMax(), e.confidence(), e.sourceIds(), shown(e.key(), Translation.NOTES, e.notes(), lang),
                e.featureKeys());
    }

    private String shown(String key, String field, String english, String lang) {
        LanguageFallback.Text t = text(key, field, english, lang);
        return t == null ? english : t.text();
    }

    /**
     * The language a record's main text (its summary, else its title) is shown in for the reader, and the translation
     * behind it; what the reader's "text in …" line says.
     */
    public LanguageFallback.Text mainText(String key, String title, String summary, String lang) {
        LanguageFallback.Text t = text(key, Translation.SUMMARY, summary, lang);
        return t != null ? t : text(key, Translation.TITLE, title, lang);
    }

    /** A record's title, summary or notes for a reader of {@code lang} ({@link LanguageFallback#text}); null if none. */
    public LanguageFallback.Text text(String recordKey, String field, String english, String lang) {
        return LanguageFallback.text(translations(recordKey), field, english, lang);
    }

    // ---------------------------------------------------------------- treaties and extents

    private final Map<String, List<org.ferganaatlas.model.ProvisionLink>> provisionLinks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<org.ferganaatlas.model.TreatyStep>> treatySteps = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link AtlasDatabase#provisionsFor} (cached: the map asks on every redraw). */
    public List<org.ferganaatlas.model.ProvisionLink> provisionsFor(String key) {
        return provisionLinks.computeIfAbsent(key, db.treatyRepository()::provisionsFor);
    }

    /** {@link AtlasDatabase#treatySteps} (cached). */
    public List<org.ferganaatlas.model.TreatyStep> treatySteps(String treatyKey) {
        return treatySteps.computeIfAbsent(treatyKey, db.treatyRepository()::treatySteps);
    }

    /** How far the treaty settling a border segment had got on a day. */
    public org.ferganaatlas.logic.BorderSettlement.Result settlement(Feature border, LocalDate day) {
        return org.ferganaatlas.logic.BorderSettlement.on(border.countries(), provisionsFor(border.key()),
                this::treatySteps, day);
    }

    /** How a border segment is drawn on a day: its treaty's stage, else what its own record says. */
    public org.ferganaatlas.logic.BorderSettlement.Settlement drawnSettlement(Feature border, LocalDate day) {
        return org.ferganaatlas.logic.BorderSettlement.settlement(settlement(border, day), border.props());
    }

    /**
     * The box around the features with these keys (their coarsest geometry, else their point), in degrees;
     * empty if none of them has a location. Unknown keys are skipped.
     */
    public Optional<MapCommand.Fit> extentOf(java.util.Collection<String> keys, double maxZoom) {
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
        return Optional.of(new MapCommand.Fit(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), maxZoom));
    }
}
