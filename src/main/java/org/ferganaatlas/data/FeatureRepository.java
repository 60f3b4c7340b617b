package org.ferganaatlas.data;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.logic.WeightedLruCache;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.SourceIds;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Features of the bundled atlas: lookups by key, id and kind, the R*Tree box query the map draws from, their
 * geometries (decoded once into a shared, bounded cache) and their names. Tables: {@code feature},
 * {@code feature_rtree}, {@code geometry}, {@code name}, and the record links used by {@link #featureKeysConcerning}.
 *
 * <p>Thread-safe; returned geometries are shared and must not be modified.
 */
public final class FeatureRepository {
    /** Geometry cache budget in coordinates (a JTS coordinate costs about 40 bytes: ~40 MB). */
    static final long GEOMETRY_CACHE_COORDINATES = 1_000_000;

    private static final String FEATURE_COLUMNS =
            "f.id, f.key, f.kind, f.name_en, f.country, f.countries, f.rank, f.min_zoom, f.lat, f.lon, "
                    + "f.accuracy_m, f.confidence, f.derivation, f.source_ids, f.props";

    private final Jdbc jdbc;
    private final Path file;
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), 4326);
    /** Decoded geometries by {@code featureId * 16 + lod}, bounded by their total coordinate count. */
    private final WeightedLruCache<Long, Geometry> geometryCache =
            new WeightedLruCache<>(GEOMETRY_CACHE_COORDINATES, Geometry::getNumPoints);

    /** Whether {@code name} has its {@code basis} column (files built before it are read without). */
    private final boolean nameBasis;

    FeatureRepository(Jdbc jdbc, Path file, boolean nameBasis) {
        this.jdbc = jdbc;
        this.file = file;
        this.nameBasis = nameBasis;
    }

    /** The feature with this key. */
    public Optional<Feature> feature(String key) {
        return jdbc.queryOne("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.key = ?", List.of(key),
                FeatureRepository::readFeature);
    }

    /** The feature with this database id. */
    public Optional<Feature> feature(long id) {
        return jdbc.queryOne("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.id = ?", List.of(id),
                FeatureRepository::readFeature);
    }

    /** All features of a kind, most important first (rank, then key). */
    public List<Feature> features(String kind) {
        return jdbc.query("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.kind = ? ORDER BY f.rank, f.key",
                List.of(kind), FeatureRepository::readFeature);
    }

    /**
     * Features whose bounding box intersects the given box (degrees; R*Tree lookup), restricted to the
     * given kinds (null or empty = all kinds), most important first (rank, then id).
     */
    public List<Feature> featuresIn(double west, double south, double east, double north, Set<String> kinds) {
        List<Object> args = new ArrayList<>(List.of(west, east, south, north));
        StringBuilder sql = new StringBuilder("SELECT " + FEATURE_COLUMNS
                + " FROM feature_rtree r JOIN feature f ON f.id = r.id"
                + " WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ?");
        if (kinds != null && !kinds.isEmpty()) {
            // sorted, so that the same set gives the same SQL text and reuses its prepared statement
            StringJoiner in = new StringJoiner(",", " AND f.kind IN (", ")");
            for (String k : new TreeSet<>(kinds)) {
                in.add("?");
                args.add(k);
            }
            sql.append(in);
        }
        sql.append(" ORDER BY f.rank, f.id");
        return jdbc.query(sql.toString(), args, FeatureRepository::readFeature);
    }

    /**
     * The geometry of a feature at a level of detail (0 = coarsest, see {@link AtlasSchema#lodForZoom}): the
     * stored one with the highest lod not above {@code lod}, else the coarsest stored one; empty if the feature
     * has no geometry. Cached; do not modify the returned geometry.
     */
    public Optional<Geometry> geometry(long featureId, int lod) {
        long cacheKey = featureId * 16 + Math.max(0, Math.min(15, lod));
        Geometry cached = geometryCache.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> blob = jdbc.queryOne(
                "SELECT wkb FROM geometry WHERE feature_id = ?"
                        + " ORDER BY CASE WHEN lod <= ? THEN 0 ELSE 1 END, CASE WHEN lod <= ? THEN -lod ELSE lod END LIMIT 1",
                List.of(featureId, lod, lod), rs -> rs.getBytes(1));
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        Geometry g;
        try {
            g = new WKBReader(geometryFactory).read(blob.get());
        } catch (ParseException e) {
            throw new AtlasReadException("The atlas database holds a damaged geometry (feature " + featureId
                    + ") in " + file + ". Please reinstall Fergana Border Atlas.", e);
        }
        g.setSRID(4326);
        geometryCache.put(cacheKey, g);
        return Optional.of(g);
    }

    /** Names of a feature (or treaty/event key), by language then primary first then name. */
    public List<Name> names(String key) {
        return jdbc.query("SELECT lang, name, is_primary, source_ids, " + (nameBasis ? "basis" : "NULL") + " FROM name WHERE feature_key = ?"
                        + " ORDER BY CASE lang WHEN 'en' THEN 0 WHEN 'ru' THEN 1 WHEN 'ky' THEN 2 WHEN 'tg' THEN 3"
                        + " WHEN 'uz' THEN 4 ELSE 5 END, lang, is_primary DESC, name",
                List.of(key),
                rs -> new Name(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, SourceIds.split(rs.getString(4)), rs.getString(5)));
    }

    /**
     * Keys of the features a treaty, provision or event concerns ({@code provision_feature}, {@code event_feature};
     * a treaty concerns the features of all its provisions), sorted; empty for an unknown key. The search
     * field uses it to fly to a treaty, provision or event.
     */
    public List<String> featureKeysConcerning(String recordKey) {
        return jdbc.query("SELECT feature_key FROM provision_feature WHERE provision_key = ?1"
                        + " UNION SELECT feature_key FROM event_feature WHERE event_key = ?1"
                        + " UNION SELECT pf.feature_key FROM provision_feature pf JOIN provision p ON p.key = pf.provision_key"
                        + " WHERE p.treaty_key = ?1 ORDER BY 1",
                List.of(recordKey), rs -> rs.getString(1));
    }

    private static Feature readFeature(ResultSet rs) throws SQLException {
        return new Feature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), Rows.doubleOrNull(rs, 9), Rows.doubleOrNull(rs, 10),
                Rows.doubleOrNull(rs, 11), rs.getString(12), rs.getString(13), SourceIds.split(rs.getString(14)),
                rs.getString(15));
    }
}
