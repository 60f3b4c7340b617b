package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.ferganaatlas.logic.WeightedLruCache;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKey;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.SourceIds;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.Provision;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Treaty;
import org.ferganaatlas.model.TreatyStep;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sqlite.SQLiteConfig;

/**
 * The bundled atlas database, read-only. This class owns all the read SQL of that file; the schema is
 * {@code src/build/resources/org/ferganaatlas/build/schema.sql} (version {@link AtlasSchema#SCHEMA_VERSION}).
 *
 * <p><b>Threads.</b> Every method may be called from any thread (tiles render on background threads).
 * Each call borrows a connection from a small pool (read-only SQLite connections are cheap; at most
 * {@value #MAX_IDLE_CONNECTIONS} are kept idle) and returns it afterwards. Returned objects are immutable
 * records; {@link Geometry} objects come from a shared cache and must not be modified.
 *
 * <p><b>Errors.</b> {@link #open} checks the file and throws {@link AtlasDataException} with a message for the
 * user. Later reads that fail (file damaged or removed while running) throw the unchecked {@link AtlasReadException}.
 *
 * <p>Coordinates: see {@link org.ferganaatlas.model.GeoConventions}; geometries are JTS with x = lon, y = lat, SRID 4326.
 */
public final class AtlasDatabase implements AutoCloseable {
    static final int MAX_IDLE_CONNECTIONS = 4;
    /** Geometry cache budget in coordinates (a JTS coordinate costs about 40 bytes: ~40 MB). */
    static final long GEOMETRY_CACHE_COORDINATES = 1_000_000;

    /** Tables {@link #open} insists on: everything this class reads. */
    static final List<String> CORE_TABLES =
            List.of("metadata", "source", "feature", "geometry", "feature_rtree", "name", "fact", "status");

    private static final String FEATURE_COLUMNS =
            "f.id, f.key, f.kind, f.name_en, f.country, f.countries, f.rank, f.min_zoom, f.lat, f.lon, "
                    + "f.accuracy_m, f.confidence, f.derivation, f.source_ids, f.props";

    private final Path file;
    private final String url;
    private final Map<String, String> metadata;
    private final ArrayDeque<PooledConnection> idle = new ArrayDeque<>();
    private final List<PooledConnection> all = new ArrayList<>();
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), 4326);
    /** Decoded geometries by {@code featureId * 16 + lod}, bounded by their total coordinate count. */
    private final WeightedLruCache<Long, Geometry> geometryCache =
            new WeightedLruCache<>(GEOMETRY_CACHE_COORDINATES, Geometry::getNumPoints);
    private volatile boolean closed;

    private AtlasDatabase(Path file, String url, Map<String, String> metadata) {
        this.file = file;
        this.url = url;
        this.metadata = metadata;
    }

    /** Opens the bundled database found by {@link AtlasPaths#bundledDatabase()}. */
    public static AtlasDatabase openBundled() throws AtlasDataException {
        return open(AtlasPaths.bundledDatabase());
    }

    /**
     * Opens an atlas database read-only ({@code mode=ro&immutable=1}) after checking that it is a complete
     * SQLite file of schema version {@link AtlasSchema#SCHEMA_VERSION} with the core tables.
     *
     * @throws AtlasDataException with a message for the user if the file is missing, unreadable, truncated,
     *                            not an atlas database, or of another schema version
     */
    public static AtlasDatabase open(Path file) throws AtlasDataException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new AtlasDataException(AtlasDataException.Problem.MISSING, "The atlas database was not found.", abs, null);
        }
        if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
            throw new AtlasDataException(AtlasDataException.Problem.UNREADABLE, "The atlas database cannot be read (it is not a readable file).", abs, null);
        }
        checkHeader(abs);
        String url = "jdbc:sqlite:" + abs.toUri() + "?mode=ro&immutable=1";
        AtlasDatabase db = new AtlasDatabase(abs, url, Map.of());
        try {
            Map<String, String> meta;
            PooledConnection c = db.borrowForOpen();
            try {
                Set<String> tables = new LinkedHashSet<>();
                try (ResultSet rs = c.connection.createStatement().executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                List<String> missing = new ArrayList<>();
                for (String t : CORE_TABLES) {
                    if (!tables.contains(t)) {
                        missing.add(t);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The file is not a complete atlas database (missing tables: "
                            + String.join(", ", missing) + ").", abs, null, "missing tables: " + String.join(", ", missing));
                }
                meta = new TreeMap<>();
                try (ResultSet rs = c.connection.createStatement().executeQuery("SELECT key, value FROM metadata")) {
                    while (rs.next()) {
                        meta.put(rs.getString(1), rs.getString(2));
                    }
                }
                String version = meta.get("schema_version");
                if (version == null) {
                    throw new AtlasDataException(AtlasDataException.Problem.NOT_ATLAS, "The atlas database does not say which version it is.", abs, null);
                }
                if (!version.strip().equals(Integer.toString(AtlasSchema.SCHEMA_VERSION))) {
                    throw new AtlasDataException(isNewerVersion(version) ? AtlasDataException.Problem.NEWER_VERSION : AtlasDataException.Problem.OLDER_VERSION,
                            "The atlas database has version " + version.strip()
                            + ", but this program needs version " + AtlasSchema.SCHEMA_VERSION
                            + " (the data and the program come from different releases).", abs, null,
                            version.strip(), AtlasSchema.SCHEMA_VERSION);
                }
                // Touch the tables the map needs so that a damaged file fails now, not while drawing.
                try (ResultSet rs = c.connection.createStatement().executeQuery(
                        "SELECT (SELECT count(*) FROM feature WHERE kind = 'country'), (SELECT count(*) FROM feature_rtree)")) {
                    rs.next();
                }
            } finally {
                db.release(c);
            }
            AtlasDatabase opened = new AtlasDatabase(abs, url, Collections.unmodifiableMap(meta));
            opened.adoptPoolOf(db);
            return opened;
        } catch (SQLException e) {
            db.close();
            throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The atlas database is damaged or is not an atlas database ("
                    + e.getMessage() + ").", abs, e, String.valueOf(e.getMessage()));
        } catch (AtlasDataException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Reads the 100-byte SQLite header: magic string, page size and the in-header page count, which
     * reveals a truncated copy (e.g. an interrupted download or install) before SQLite gets to it.
     */
    private static void checkHeader(Path file) throws AtlasDataException {
        byte[] h = new byte[100];
        long length;
        try (InputStream in = Files.newInputStream(file)) {
            length = Files.size(file);
            int n = in.readNBytes(h, 0, 100);
            if (n < 100) {
                throw new AtlasDataException(AtlasDataException.Problem.TRUNCATED, "The atlas database is empty or cut short (" + length + " bytes).", file, null,
                        length, 100);
            }
        } catch (IOException e) {
            throw new AtlasDataException(AtlasDataException.Problem.UNREADABLE, "The atlas database cannot be read (" + e.getMessage() + ").", file, e);
        }
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < magic.length; i++) {
            if (h[i] != magic[i]) {
                throw new AtlasDataException(AtlasDataException.Problem.NOT_ATLAS, "The file is not an atlas database (it is not an SQLite file).", file, null);
            }
        }
        int pageSize = ((h[16] & 0xff) << 8) | (h[17] & 0xff);
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long pages = readInt(h, 28);
        boolean pageCountValid = pages > 0 && readInt(h, 24) == readInt(h, 92);
        if (pageCountValid && length < pages * pageSize) {
            throw new AtlasDataException(AtlasDataException.Problem.TRUNCATED, "The atlas database is incomplete: the file has " + length
                    + " bytes but should have " + pages * pageSize + ".", file, null, length, pages * pageSize);
        }
        if (length % pageSize != 0) {
            throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The atlas database is damaged (its size is not a whole number of pages).", file, null,
                    "size " + length + " is not a multiple of the page size " + pageSize);
        }
    }

    private static boolean isNewerVersion(String version) {
        try {
            return Integer.parseInt(version.strip()) > AtlasSchema.SCHEMA_VERSION;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Suffix of the checksum file next to the database ({@code atlas.sqlite.sha256}, {@code sha256sum} format). */
    public static final String CHECKSUM_SUFFIX = ".sha256";

    /**
     * The "altered" check, cheap enough for every start (SHA-256 of the ~3 MB file: about 35 ms in a fresh JVM,
     * 3 ms warm; the app runs it in parallel with building the window, see docs/benchmarks.md): compares the file
     * with the {@code <file>.sha256} the database build wrote next to it. Returns false (nothing checked) when there
     * is no such file (development copies, test databases); reads the file only, never changes it.
     *
     * @throws AtlasDataException {@link AtlasDataException.Problem#ALTERED} if the bytes differ from the checksum,
     *                            or {@code UNREADABLE} if the file cannot be read
     */
    public static boolean verifyChecksum(Path file) throws AtlasDataException {
        Path abs = file.toAbsolutePath().normalize();
        Path sidecar = abs.resolveSibling(abs.getFileName() + CHECKSUM_SUFFIX);
        if (!Files.isRegularFile(sidecar)) {
            return false;
        }
        String expected;
        try {
            String text = Files.readString(sidecar, java.nio.charset.StandardCharsets.US_ASCII).strip();
            expected = text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            expected = "";
        }
        String actual;
        try {
            actual = sha256(abs);
        } catch (IOException e) {
            throw new AtlasDataException(AtlasDataException.Problem.UNREADABLE, "The atlas database cannot be read ("
                    + e.getMessage() + ").", abs, e);
        }
        if (!actual.equals(expected)) {
            throw new AtlasDataException(AtlasDataException.Problem.ALTERED, "The atlas database has been changed since it"
                    + " was built: its SHA-256 is " + actual + ", but " + sidecar.getFileName() + " says "
                    + (expected.isEmpty() ? "nothing readable" : expected) + ".", abs, null, sidecar);
        }
        return true;
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static long readInt(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Every {@code metadata} row (schema_version, region_bbox, lod_bands, inputs, attribution, content_sha256 ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The feature with this key. */
    public Optional<Feature> feature(String key) {
        List<Feature> list = query("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.key = ?",
                List.of(key), AtlasDatabase::readFeature);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The feature with this database id. */
    public Optional<Feature> feature(long id) {
        List<Feature> list = query("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.id = ?",
                List.of(id), AtlasDatabase::readFeature);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** All features of a kind, most important first (rank, then key). */
    public List<Feature> features(String kind) {
        return query("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.kind = ? ORDER BY f.rank, f.key",
                List.of(kind), AtlasDatabase::readFeature);
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
            StringJoiner in = new StringJoiner(",", " AND f.kind IN (", ")");
            for (String k : new java.util.TreeSet<>(kinds)) {
                in.add("?");
                args.add(k);
            }
            sql.append(in);
        }
        sql.append(" ORDER BY f.rank, f.id");
        return query(sql.toString(), args, AtlasDatabase::readFeature);
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
        List<byte[]> blobs = query(
                "SELECT wkb FROM geometry WHERE feature_id = ?"
                        + " ORDER BY CASE WHEN lod <= ? THEN 0 ELSE 1 END, CASE WHEN lod <= ? THEN -lod ELSE lod END LIMIT 1",
                List.of(featureId, lod, lod), rs -> rs.getBytes(1));
        if (blobs.isEmpty()) {
            return Optional.empty();
        }
        Geometry g;
        try {
            g = new WKBReader(geometryFactory).read(blobs.get(0));
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
        return query("SELECT lang, name, is_primary, source_ids FROM name WHERE feature_key = ?"
                        + " ORDER BY CASE lang WHEN 'en' THEN 0 WHEN 'ru' THEN 1 WHEN 'ky' THEN 2 WHEN 'tg' THEN 3"
                        + " WHEN 'uz' THEN 4 ELSE 5 END, lang, is_primary DESC, name",
                List.of(key),
                rs -> new Name(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, SourceIds.split(rs.getString(4))));
    }

    /** Facts about a feature, by attribute then date. */
    public List<Fact> facts(String key) {
        return query("SELECT attribute, value, value_max, unit, as_of, confidence, source_ids, note FROM fact"
                        + " WHERE feature_key = ? ORDER BY attribute, as_of, rowid",
                List.of(key),
                rs -> new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8)));
    }

    /** Status periods of a feature, by attribute then start date (open start first). */
    public List<StatusPeriod> status(String key) {
        return query("SELECT attribute, value, from_date, to_date, confidence, source_ids, note FROM status"
                        + " WHERE feature_key = ? ORDER BY attribute, from_date IS NOT NULL, from_date, rowid",
                List.of(key),
                rs -> new StatusPeriod(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), SourceIds.split(rs.getString(6)), rs.getString(7)));
    }

    /** The sources with these ids, in the order asked (duplicates and unknown ids dropped). */
    public List<Source> sources(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Source> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 500) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 500));
            StringJoiner in = new StringJoiner(",", "(", ")");
            chunk.forEach(x -> in.add("?"));
            for (Source s : query("SELECT id, title, publisher, published, url, licence FROM source WHERE id IN " + in,
                    new ArrayList<>(chunk),
                    rs -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))) {
                found.put(s.id(), s);
            }
        }
        List<Source> out = new ArrayList<>();
        for (String id : wanted) {
            Source s = found.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Keys of the features a treaty, provision or event concerns ({@code provision_feature}, {@code event_feature};
     * a treaty concerns the features of all its provisions), sorted; empty for an unknown key. The search
     * field uses it to fly to a treaty, provision or event.
     */
    public List<String> featureKeysConcerning(String recordKey) {
        return query("SELECT feature_key FROM provision_feature WHERE provision_key = ?1"
                        + " UNION SELECT feature_key FROM event_feature WHERE event_key = ?1"
                        + " UNION SELECT pf.feature_key FROM provision_feature pf JOIN provision p ON p.key = pf.provision_key"
                        + " WHERE p.treaty_key = ?1 ORDER BY 1",
                List.of(recordKey), rs -> rs.getString(1));
    }

    // ---------------------------------------------------------------- treaties, provisions, events (issue 4)

    private static final String TREATY_COLUMNS =
            "t.key, t.kind, t.title_en, t.parties, t.place, t.signed_date, t.in_force_date, t.summary_en, t.confidence, t.source_ids";

    /** Every treaty and agreement: by signing date (undated last), then key. */
    public List<Treaty> treaties() {
        return query("SELECT " + TREATY_COLUMNS + " FROM treaty t ORDER BY t.signed_date IS NULL, t.signed_date, t.key",
                List.of(), AtlasDatabase::readTreaty);
    }

    /** The treaty or agreement with this key. */
    public Optional<Treaty> treaty(String key) {
        List<Treaty> list = query("SELECT " + TREATY_COLUMNS + " FROM treaty t WHERE t.key = ?", List.of(key),
                AtlasDatabase::readTreaty);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The signing, ratification and entry-into-force steps of a treaty, by date (undated last), then country. */
    public List<TreatyStep> treatySteps(String treatyKey) {
        return query("SELECT treaty_key, date, step, country, body, note, confidence, source_ids FROM treaty_step"
                        + " WHERE treaty_key = ? ORDER BY date IS NULL, date, country, rowid",
                List.of(treatyKey),
                rs -> new TreatyStep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), SourceIds.split(rs.getString(8))));
    }

    /** The provisions of a treaty in their order, each with the keys of the places it concerns. */
    public List<Provision> provisions(String treatyKey) {
        return query("SELECT p.key, p.treaty_key, p.ordinal, p.title_en, p.summary_en, p.confidence, p.source_ids,"
                        + " (SELECT group_concat(feature_key, ';') FROM (SELECT feature_key FROM provision_feature pf"
                        + "   WHERE pf.provision_key = p.key ORDER BY feature_key))"
                        + " FROM provision p WHERE p.treaty_key = ? ORDER BY p.ordinal, p.key",
                List.of(treatyKey), AtlasDatabase::readProvision);
    }

    /** The provision with this key. */
    public Optional<Provision> provision(String key) {
        List<Provision> list = query("SELECT p.key, p.treaty_key, p.ordinal, p.title_en, p.summary_en, p.confidence, p.source_ids,"
                        + " (SELECT group_concat(feature_key, ';') FROM (SELECT feature_key FROM provision_feature pf"
                        + "   WHERE pf.provision_key = p.key ORDER BY feature_key))"
                        + " FROM provision p WHERE p.key = ?",
                List.of(key), AtlasDatabase::readProvision);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * The provisions (with their treaties) that concern a feature. A border segment key ({@code border:KGZ-TJK:2})
     * also gets the links recorded for its country pair ({@code border:KGZ-TJK}); any other key (a village,
     * {@code country:KGZ}, a pair key) gets its own links. By treaty signing date, treaty, then provision order.
     */
    public List<ProvisionLink> provisionsFor(String featureKey) {
        if (featureKey == null || featureKey.isBlank()) {
            return List.of();
        }
        List<Object> keys = withPairKey(featureKey);
        String in = placeholders(keys.size());
        return query("SELECT p.key, p.ordinal, p.title_en, t.key, t.kind, t.title_en, t.parties, t.signed_date,"
                        + " t.in_force_date, pf.feature_key"
                        + " FROM provision_feature pf JOIN provision p ON p.key = pf.provision_key"
                        + " JOIN treaty t ON t.key = p.treaty_key WHERE pf.feature_key IN " + in
                        + " ORDER BY t.signed_date IS NULL, t.signed_date, t.key, p.ordinal, p.key, pf.feature_key",
                keys,
                rs -> new ProvisionLink(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8), rs.getString(9),
                        rs.getString(10)));
    }

    /** The key, plus its country pair's key when it is a border segment: links recorded for the pair apply to it. */
    private static List<Object> withPairKey(String featureKey) {
        List<Object> keys = new ArrayList<>(List.of(featureKey));
        String pair = borderPairKey(featureKey);
        if (pair != null) {
            keys.add(pair);
        }
        return keys;
    }

    /** {@code (?,?,…)} with n placeholders, for an IN list. */
    private static String placeholders(int n) {
        StringJoiner in = new StringJoiner(",", "(", ")");
        for (int i = 0; i < n; i++) {
            in.add("?");
        }
        return in.toString();
    }

    /** The pair key of a border segment key ({@code border:KGZ-TJK:2} gives {@code border:KGZ-TJK}), else null. */
    public static String borderPairKey(String featureKey) {
        return FeatureKey.parse(featureKey).flatMap(FeatureKey::borderPair).map(FeatureKey::toString).orElse(null);
    }

    /** Keys of the places a provision concerns, sorted. */
    public List<String> featuresForProvision(String provisionKey) {
        return query("SELECT feature_key FROM provision_feature WHERE provision_key = ? ORDER BY feature_key",
                List.of(provisionKey), rs -> rs.getString(1));
    }

    private static final String EVENT_COLUMNS = "e.key, e.date, e.date_end, e.kind, e.title_en, e.summary_en, e.deaths_min,"
            + " e.deaths_max, e.injured_min, e.injured_max, e.displaced_min, e.displaced_max, e.confidence, e.source_ids,"
            + " e.notes, (SELECT group_concat(feature_key, ';') FROM (SELECT feature_key FROM event_feature ef"
            + "   WHERE ef.event_key = e.key ORDER BY feature_key))";

    /** Every event in date order (a partial date such as {@code 2021-04} sorts before the days of that month). */
    public List<AtlasEvent> events() {
        List<AtlasEvent> out = query("SELECT " + EVENT_COLUMNS + " FROM event e ORDER BY e.date, e.key", List.of(),
                AtlasDatabase::readEvent);
        return sortEvents(out);
    }

    /** The event with this key. */
    public Optional<AtlasEvent> event(String key) {
        List<AtlasEvent> list = query("SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.key = ?", List.of(key),
                AtlasDatabase::readEvent);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Events at a feature in date order; a border segment key also gets the events of its country pair. */
    public List<AtlasEvent> eventsFor(String featureKey) {
        if (featureKey == null || featureKey.isBlank()) {
            return List.of();
        }
        List<Object> keys = withPairKey(featureKey);
        String in = placeholders(keys.size());
        return sortEvents(query("SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.key IN"
                        + " (SELECT event_key FROM event_feature WHERE feature_key IN " + in + ") ORDER BY e.date, e.key",
                keys, AtlasDatabase::readEvent));
    }

    private static List<AtlasEvent> sortEvents(List<AtlasEvent> events) {
        List<AtlasEvent> out = new ArrayList<>(events);
        // Stable: text order (e.date) is kept among events whose dates do not parse.
        out.sort((a, b) -> {
            Optional<PartialDate> x = a.start(), y = b.start();
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
            return x.isPresent() ? -1 : y.isPresent() ? 1 : 0;
        });
        return out;
    }

    private static Treaty readTreaty(ResultSet rs) throws SQLException {
        return new Treaty(rs.getString(1), rs.getString(2), rs.getString(3), SourceIds.split(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                SourceIds.split(rs.getString(10)));
    }

    private static Provision readProvision(ResultSet rs) throws SQLException {
        return new Provision(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), SourceIds.split(rs.getString(7)), SourceIds.split(rs.getString(8)));
    }

    private static AtlasEvent readEvent(ResultSet rs) throws SQLException {
        return new AtlasEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), intOrNull(rs, 7), intOrNull(rs, 8), intOrNull(rs, 9), intOrNull(rs, 10),
                intOrNull(rs, 11), intOrNull(rs, 12), rs.getString(13), SourceIds.split(rs.getString(14)),
                rs.getString(15), SourceIds.split(rs.getString(16)));
    }

    private static Integer intOrNull(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /**
     * The data attribution to show on the map at all times: the {@code attribution} metadata row, or a
     * generic line naming the usual sources if the build did not write one.
     */
    public String attribution() {
        String a = metadata.get("attribution");
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return "Map data © OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0) and others";
    }

    /** A database content id for cache keys: {@code content_sha256}, or the file's size and time if absent. */
    public String contentId() {
        String sha = metadata.get("content_sha256");
        if (sha != null && sha.matches("[0-9a-fA-F]{16,128}")) {
            return sha.toLowerCase(java.util.Locale.ROOT);
        }
        try {
            return "f" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Whether {@link #close()} was called (a window laid out once more while the app stops must not query). */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        List<PooledConnection> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        for (PooledConnection c : toClose) {
            c.closeQuietly();
        }
    }

    // ---------------------------------------------------------------- internals

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> args, RowReader<T> reader) {
        if (closed) {
            throw new IllegalStateException("The atlas database " + file + " is closed");
        }
        PooledConnection c = null;
        boolean broken = false;
        try {
            c = borrow();
            PreparedStatement ps = c.statement(sql);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            broken = true;
            throw new AtlasReadException("Reading the atlas database " + file + " failed (" + e.getMessage()
                    + "). The file may be damaged; please reinstall Fergana Border Atlas.", e);
        } finally {
            if (c != null) {
                if (broken) {
                    discard(c);
                } else {
                    release(c);
                }
            }
        }
    }

    private PooledConnection borrowForOpen() throws SQLException {
        return borrow();
    }

    private PooledConnection borrow() throws SQLException {
        synchronized (this) {
            PooledConnection c = idle.pollLast();
            if (c != null) {
                return c;
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        PooledConnection c = new PooledConnection(config.createConnection(url));
        synchronized (this) {
            if (closed) {
                c.closeQuietly();
                throw new SQLException("database closed");
            }
            all.add(c);
        }
        return c;
    }

    private void release(PooledConnection c) {
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE_CONNECTIONS) {
                idle.addLast(c);
                return;
            }
            all.remove(c);
        }
        c.closeQuietly();
    }

    private void discard(PooledConnection c) {
        synchronized (this) {
            all.remove(c);
        }
        c.closeQuietly();
    }

    /** Takes over the connections opened while checking the file (saves reopening one). */
    private void adoptPoolOf(AtlasDatabase probe) {
        synchronized (probe) {
            synchronized (this) {
                all.addAll(probe.all);
                idle.addAll(probe.idle);
                probe.all.clear();
                probe.idle.clear();
            }
        }
    }

    private static Feature readFeature(ResultSet rs) throws SQLException {
        return new Feature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), doubleOrNull(rs, 9), doubleOrNull(rs, 10),
                doubleOrNull(rs, 11), rs.getString(12), rs.getString(13), SourceIds.split(rs.getString(14)),
                rs.getString(15));
    }

    private static Double doubleOrNull(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    /** One connection with its prepared statements (used by one thread at a time). */
    private static final class PooledConnection {
        final Connection connection;
        final Map<String, PreparedStatement> statements = new HashMap<>();

        PooledConnection(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                if (statements.size() > 64) {
                    for (PreparedStatement old : statements.values()) {
                        old.close();
                    }
                    statements.clear();
                }
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }

        void closeQuietly() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read-only connection cannot lose anything
            }
        }
    }
}
