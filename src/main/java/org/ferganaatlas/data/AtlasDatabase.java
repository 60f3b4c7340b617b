package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.Provision;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.Treaty;
import org.ferganaatlas.model.TreatyStep;
import org.locationtech.jts.geom.Geometry;

/**
 * The bundled atlas database, opened read-only and checked: this class opens the file (header, tables, schema
 * version), holds its metadata and hands out the repositories that own its read SQL ({@link #featureRepository()},
 * {@link #factRepository()}, {@link #treatyRepository()}, {@link #eventRepository()}), all on one {@link Jdbc}
 * connection pool. The schema is
 * {@code src/build/resources/org/ferganaatlas/build/schema.sql} (version {@link AtlasSchema#SCHEMA_VERSION}).
 *
 * <p>The read methods below the repository accessors each forward to a repository; they keep existing callers
 * compiling while those move to the repositories, and go once nobody calls them.
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

    /** Tables {@link #open} insists on: everything the repositories read on every start. */
    static final List<String> CORE_TABLES =
            List.of("metadata", "source", "feature", "geometry", "feature_rtree", "name", "fact", "status");

    private final Path file;
    private final Jdbc jdbc;
    private final Map<String, String> metadata;
    private final FeatureRepository features;
    private final FactRepository facts;
    private final TreatyRepository treaties;
    private final EventRepository events;
    private final TranslationRepository translations;

    /**
     * What {@link #open} found: the metadata, and which later additions to schema 2 the file has (a file built before
     * them lacks the {@code translation} table and {@code name.basis}; it is read without them).
     */
    private record Checked(Map<String, String> metadata, boolean hasTranslation, boolean hasNameBasis) {}

    private AtlasDatabase(Path file, Jdbc jdbc, Checked checked) {
        Map<String, String> metadata = Collections.unmodifiableMap(checked.metadata());
        boolean hasTranslation = checked.hasTranslation();
        boolean hasNameBasis = checked.hasNameBasis();
        this.file = file;
        this.jdbc = jdbc;
        this.metadata = metadata;
        this.features = new FeatureRepository(jdbc, file, hasNameBasis);
        this.facts = new FactRepository(jdbc);
        this.treaties = new TreatyRepository(jdbc);
        this.events = new EventRepository(jdbc);
        this.translations = new TranslationRepository(jdbc, hasTranslation);
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
        Jdbc jdbc = new Jdbc(url, abs.toString(), MAX_IDLE_CONNECTIONS, e -> new AtlasReadException("Reading the atlas database "
                + abs + " failed (" + e.getMessage() + "). The file may be damaged; please reinstall Fergana Border Atlas.", e));
        try {
            // the connection used for the checks stays in the pool for the first reads
            Checked checked = jdbc.withConnection(c -> readChecked(c, abs));
            return new AtlasDatabase(abs, jdbc, checked);
        } catch (SQLException e) {
            jdbc.close();
            throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The atlas database is damaged or is not an atlas database ("
                    + e.getMessage() + ").", abs, e, String.valueOf(e.getMessage()));
        } catch (UncheckedAtlasData e) {
            jdbc.close();
            throw e.problem;
        } catch (RuntimeException e) {
            jdbc.close();
            throw e;
        }
    }

    /** Carries an {@link AtlasDataException} out of a {@link Jdbc.ConnectionWork}, which may only throw SQL errors. */
    private static final class UncheckedAtlasData extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient AtlasDataException problem;

        UncheckedAtlasData(AtlasDataException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /** The tables, the metadata and its schema version, and a touch of the tables the map needs. */
    private static Checked readChecked(java.sql.Connection c, Path abs) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
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
            throw new UncheckedAtlasData(new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The file is not a complete atlas database (missing tables: "
                    + String.join(", ", missing) + ").", abs, null, "missing tables: " + String.join(", ", missing)));
        }
        Map<String, String> meta = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM metadata")) {
            while (rs.next()) {
                String key = rs.getString(1);
                if (key == null) {
                    // our build never writes a metadata row without a key: the file has been damaged (found by fuzzing)
                    throw new UncheckedAtlasData(new AtlasDataException(AtlasDataException.Problem.DAMAGED,
                            "The atlas database is damaged (a metadata row has no key).", abs, null, "metadata row without a key"));
                }
                meta.put(key, rs.getString(2));
            }
        }
        String version = meta.get("schema_version");
        if (version == null) {
            throw new UncheckedAtlasData(new AtlasDataException(AtlasDataException.Problem.NOT_ATLAS,
                    "The atlas database does not say which version it is.", abs, null));
        }
        if (!version.strip().equals(Integer.toString(AtlasSchema.SCHEMA_VERSION))) {
            throw new UncheckedAtlasData(new AtlasDataException(isNewerVersion(version) ? AtlasDataException.Problem.NEWER_VERSION : AtlasDataException.Problem.OLDER_VERSION,
                    "The atlas database has version " + version.strip()
                    + ", but this program needs version " + AtlasSchema.SCHEMA_VERSION
                    + " (the data and the program come from different releases).", abs, null,
                    version.strip(), AtlasSchema.SCHEMA_VERSION));
        }
        // Later additions to schema 2 that older files lack: read when present, else left out
        boolean nameBasis = false;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('name')")) {
            while (rs.next()) {
                nameBasis |= "basis".equals(rs.getString(1));
            }
        }
        // Touch the tables the map needs so that a damaged file fails now, not while drawing.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM feature WHERE kind = 'country'), (SELECT count(*) FROM feature_rtree)")) {
            rs.next();
        }
        return new Checked(meta, tables.contains("translation"), nameBasis);
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
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            // SQLite page sizes are powers of two from 512; anything else is damage (and would divide by zero below)
            throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The atlas database is damaged (invalid page size " + pageSize + ").",
                    file, null, "invalid page size " + pageSize);
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

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Every {@code metadata} row (schema_version, region_bbox, lod_bands, inputs, attribution, content_sha256 ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    // ---------------------------------------------------------------- repositories

    /** Features, their geometry and names. */
    public FeatureRepository featureRepository() {
        return features;
    }

    /** Facts, status periods and sources. */
    public FactRepository factRepository() {
        return facts;
    }

    /** Treaties, their steps and provisions, and which places the provisions concern. */
    public TreatyRepository treatyRepository() {
        return treaties;
    }

    /** The timeline's events. */
    public EventRepository eventRepository() {
        return events;
    }

    /** Treaty, provision and event texts in other languages than English (none in a file built before them). */
    public TranslationRepository translationRepository() {
        return translations;
    }

    // ---------------------------------------------------------------- forwards to the repositories
    // (the short names treaties() and events() are these lists, hence the *Repository() accessors above)


















    /** The pair key of a border segment key ({@code border:KGZ-TJK:2} gives {@code border:KGZ-TJK}), else null. */
    public static String borderPairKey(String featureKey) {
        return BorderKeys.pairKey(featureKey);
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
        return jdbc.isClosed();
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
