package org.ferganaatlas.data;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ferganaatlas.logic.SearchQuery;
import org.ferganaatlas.logic.SearchVocabulary;
import org.ferganaatlas.logic.TextFold;
import org.ferganaatlas.model.SearchHit;
import org.ferganaatlas.model.SearchHit.Match;

/**
 * The search field's backend: the one class that owns the search SQL over the bundled database's FTS5
 * {@code search} table.
 *
 * <p>A search runs up to three FTS5 queries: every word as a prefix of its spelling or its fold
 * ({@link SearchQuery#strictMatch}); if that found fewer than 5 hits (or than asked for), the same with
 * spelling variants and small typos from the index's own words ({@link SearchQuery#fuzzyMatch}); if still
 * nothing, for several words, any one of them ({@link SearchQuery#anyWordMatch}). Candidates are then judged
 * against every name of their feature ({@code name} table): exact name, then prefix, then fuzzy, then a
 * mention in a description; within each, the feature's {@code rank} (label priority: big towns first),
 * then bm25 (name 10, other names 4, fold 6, description 1).
 *
 * <p>Opens the file read-only and immutable. Thread-safe: searches are serialised on one connection
 * (each takes about a millisecond). {@link #search} never throws and returns an empty list for input
 * that finds nothing or cannot be searched. No {@link SQLException} leaves this class: opening fails with
 * {@link AtlasDataException} (the same problems the window already explains for the atlas database), a failed
 * search in {@link #searchOrThrow} with the unchecked {@link AtlasReadException}.
 */
public final class SearchIndex implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    /** Most hits one search returns. */
    public static final int MAX_LIMIT = 200;
    /** Candidates fetched per FTS5 query (at least), to re-rank by how the names match. */
    private static final int MIN_CANDIDATES = 40;
    /** The fuzzy pass runs when the strict one found fewer hits than this (or than asked for). */
    private static final int FUZZY_BELOW = 5;
    /** Rank given to rows without a feature (treaties, provisions, events): after towns and crossings. */
    private static final int NO_FEATURE_RANK = 50;

    private static final String CANDIDATES_SQL = """
            SELECT s.ref, s.kind, s.name, s.b, f.rank
            FROM (SELECT ref, kind, name, bm25(search, 0.0, 0.0, 10.0, 4.0, 1.0, 6.0) AS b
                  FROM search WHERE search MATCH ? ORDER BY b LIMIT ?) AS s
            LEFT JOIN feature f ON f.key = s.ref
            """;
    private static final String NAMES_SQL =
            "SELECT feature_key, name FROM name WHERE feature_key IN (SELECT value FROM json_each(?))";

    private final Connection connection;
    private final Path file;
    private final PreparedStatement candidates;
    private final PreparedStatement names;
    private volatile SearchVocabulary vocabulary;
    /** Folds of names seen; only touched under the lock. */
    private final Map<String, String> folds = new HashMap<>();
    private static final int MAX_FOLDS = 200_000;

    private SearchIndex(Connection connection, Path file) throws SQLException {
        this.connection = connection;
        this.file = file;
        this.candidates = connection.prepareStatement(CANDIDATES_SQL);
        this.names = connection.prepareStatement(NAMES_SQL);
    }

    /**
     * Opens the atlas database at {@code file} read-only ({@code mode=ro&immutable=1}).
     *
     * @throws AtlasDataException {@code MISSING} if there is no such file, {@code DAMAGED} if SQLite cannot open
     *                            it or it has no search table
     */
    public static SearchIndex open(Path file) throws AtlasDataException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new AtlasDataException(AtlasDataException.Problem.MISSING, "The atlas database was not found.", abs, null);
        }
        // A file: URI (percent-encoded by toUri) so that spaces, '?' or '#' in the path cannot be read as URI syntax.
        String url = "jdbc:sqlite:" + abs.toUri().toASCIIString() + "?mode=ro&immutable=1";
        Properties props = new Properties();
        props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try {
            Connection c = DriverManager.getConnection(url, props);
            try {
                return new SearchIndex(c, abs);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new AtlasDataException(AtlasDataException.Problem.DAMAGED, "The atlas database cannot be searched ("
                    + e.getMessage() + ").", abs, e, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The best {@code limit} hits for what the user typed, best first ({@link SearchHit#groupByKind} groups
     * them for display). Never throws: input that cannot be searched finds nothing.
     */
    public List<SearchHit> search(String userInput, int limit) {
        try {
            return searchOrThrow(userInput, limit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "search failed for input of " + (userInput == null ? 0 : userInput.length())
                    + " characters", e);
            return List.of();
        }
    }

    /**
     * Like {@link #search} but lets database errors through: for tests, the fuzzer and benchmarks, where
     * an FTS5 syntax error caused by user input must be seen, not swallowed.
     *
     * @throws AtlasReadException if SQLite refused the query or the file could not be read
     */
    public List<SearchHit> searchOrThrow(String userInput, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int n = Math.min(limit, MAX_LIMIT);
        SearchQuery query = SearchQuery.parse(userInput);
        if (query.isEmpty()) {
            return List.of();
        }
        int fetch = Math.max(MIN_CANDIDATES, 2 * n);
        synchronized (this) {
            try {
                Map<String, Candidate> found = new LinkedHashMap<>();
                fetch(query.strictMatch(), fetch, false, found);
                if (found.size() < Math.min(n, FUZZY_BELOW)) {
                    SearchVocabulary vocab = vocabulary();
                    fetch(query.fuzzyMatch(vocab), fetch, true, found);
                    if (found.isEmpty()) {
                        fetch(query.anyWordMatch(vocab), fetch, true, found);
                    }
                }
                if (found.isEmpty()) {
                    return List.of();
                }
                return rank(query, found, n);
            } catch (SQLException e) {
                throw readFailed(e);
            }
        }
    }

    private AtlasReadException readFailed(SQLException e) {
        return new AtlasReadException("Searching the atlas database " + file + " failed (" + e.getMessage() + ").", e);
    }

    /** Loads the index's folded words for typo tolerance now rather than at the first fuzzy search. */
    public void warmUp() {
        try {
            synchronized (this) {
                vocabulary();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not load the search vocabulary", e);
        }
    }

    private static final class Candidate {
        final String ref, kind, name;
        final double bm25;
        final int rank;
        final boolean viaVariant;
        Match match;
        String matchedName;
        int likeness = Integer.MIN_VALUE;

        Candidate(String ref, String kind, String name, double bm25, int rank, boolean viaVariant) {
            this.ref = ref;
            this.kind = kind;
            this.name = name;
            this.bm25 = bm25;
            this.rank = rank;
            this.viaVariant = viaVariant;
        }
    }

    private void fetch(String match, int limit, boolean viaVariant, Map<String, Candidate> into) throws SQLException {
        if (match == null) {
            return;
        }
        candidates.setString(1, match);
        candidates.setInt(2, limit);
        try (ResultSet rs = candidates.executeQuery()) {
            while (rs.next()) {
                String ref = rs.getString(1);
                if (ref == null || into.containsKey(ref)) {
                    continue;
                }
                int rank = rs.getInt(5);
                if (rs.wasNull()) {
                    rank = NO_FEATURE_RANK;
                }
                String kind = rs.getString(2);
                String name = rs.getString(3);
                into.put(ref, new Candidate(ref, kind == null ? "" : kind, name == null ? ref : name,
                        rs.getDouble(4), rank, viaVariant));
            }
        }
    }

    private List<SearchHit> rank(SearchQuery query, Map<String, Candidate> found, int limit) throws SQLException {
        // Judge each candidate by its best-matching name: the primary name, then every name in the name table.
        for (Candidate c : found.values()) {
            consider(query, c, c.name);
        }
        names.setString(1, jsonArray(found.keySet()));
        try (ResultSet rs = names.executeQuery()) {
            while (rs.next()) {
                Candidate c = found.get(rs.getString(1));
                if (c != null) {
                    consider(query, c, rs.getString(2));
                }
            }
        }
        List<Candidate> list = new ArrayList<>(found.values());
        for (Candidate c : list) {
            if (c.match == null) {
                // Matched only in the description, or in an alternate spelling of the fold column alone.
                c.match = c.viaVariant ? Match.FUZZY : Match.TEXT;
                c.matchedName = c.name;
            }
        }
        list.sort(Comparator.<Candidate>comparingInt(c -> c.match.ordinal())
                .thenComparingInt(c -> c.rank)
                .thenComparingDouble(c -> c.bm25)
                .thenComparing(c -> c.ref));
        List<SearchHit> hits = new ArrayList<>(Math.min(limit, list.size()));
        for (Candidate c : list) {
            if (hits.size() == limit) {
                break;
            }
            double score = (Match.values().length - c.match.ordinal()) * 1_000_000.0
                    - Math.min(c.rank, 999) * 1_000.0 - Math.max(-999.0, Math.min(999.0, c.bm25));
            hits.add(new SearchHit(c.ref, c.kind, c.name, c.matchedName, c.match, score));
        }
        return List.copyOf(hits);
    }

    private void consider(SearchQuery query, Candidate c, String name) {
        if (name == null) {
            return;
        }
        Match m = query.classifyFolded(fold(name));
        if (m == null || (c.match != null && m.ordinal() > c.match.ordinal())) {
            return;
        }
        int likeness = query.likeness(name);
        if (c.match == null || m.ordinal() < c.match.ordinal() || likeness > c.likeness) {
            c.match = m;
            c.matchedName = name;
            c.likeness = likeness;
        }
    }

    /** TextFold.fold, remembered: the same few thousand names are judged again and again as the user types. */
    private String fold(String name) {
        String f = folds.get(name);
        if (f == null) {
            if (folds.size() > MAX_FOLDS) {
                folds.clear();
            }
            f = TextFold.fold(name);
            folds.put(name, f);
        }
        return f;
    }

    private static String jsonArray(Iterable<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    /** The folded words of the index with the number of rows each is in; read once, on first need. */
    private SearchVocabulary vocabulary() throws SQLException {
        SearchVocabulary v = vocabulary;
        if (v == null) {
            Map<String, Integer> docs = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT fold FROM search")) {
                while (rs.next()) {
                    String fold = rs.getString(1);
                    if (fold == null) {
                        continue;
                    }
                    for (String w : new java.util.HashSet<>(List.of(fold.split(" +")))) {
                        if (!w.isEmpty()) {
                            docs.merge(w, 1, Integer::sum);
                        }
                    }
                }
            }
            v = SearchVocabulary.of(docs);
            vocabulary = v;
        }
        return v;
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                candidates.close();
                names.close();
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the search index", e);
            }
        }
    }
}
