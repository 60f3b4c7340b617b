package org.ferganaatlas.build;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates the hand-curated CSV files (assets/curated, format in its README) and resolves their
 * coordinate derivations against the derived geography. Every problem is reported as file:line with what
 * to fix; the build fails if there is any.
 */
final class Curated {
    static final Set<String> CONFIDENCE = Set.of("high", "medium", "low");
    static final Set<String> LANGS = Set.of("en", "ru", "ky", "tg", "uz");
    static final Set<String> KINDS = Set.of("country", "border", "tripoint", "enclave", "exclave", "crossing", "junction",
            "monument", "village", "town", "river", "lake", "reservoir", "water_facility", "road", "site");
    static final Set<String> STEPS = Set.of("signed", "approved_parliament", "approved_senate", "approved_upper_house",
            "signed_into_law", "instruments_exchanged", "in_force");
    static final Pattern KEY = Pattern.compile("[a-z_]+:[a-z0-9][a-z0-9-]*(:[a-zA-Z0-9-]+)*|[a-z_]+:[A-Z]{3}(-[A-Z]{3})*(:[0-9]+)?|town:[0-9]+");
    static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<Object[]> sources = new ArrayList<>();
    final List<Feature> features = new ArrayList<>();
    final List<Object[]> names = new ArrayList<>();
    final List<Object[]> facts = new ArrayList<>();
    final List<Object[]> status = new ArrayList<>();
    final List<Object[]> treaties = new ArrayList<>();
    final List<Object[]> treatySteps = new ArrayList<>();
    final List<Object[]> provisions = new ArrayList<>();
    final List<Object[]> provisionFeatures = new ArrayList<>();
    final List<Object[]> events = new ArrayList<>();
    final List<Object[]> eventFeatures = new ArrayList<>();
    /**
     * Rows of {@code translation}: record_key, field, lang, text, method, translator, translated_on, reviewed_by,
     * source_ids.
     */
    final List<Object[]> translations = new ArrayList<>();
    static final Set<String> TRANSLATION_LANGS = Set.of("ru", "ky", "tg", "uz");
    static final Set<String> TRANSLATION_METHODS = Set.of("machine-ai", "human");
    /** Moves of people between two features (resettlements.csv), sorted by from, to, date. */
    final List<Object[]> resettlements = new ArrayList<>();
    /** Search rows for treaties, provisions and events: ref, kind, name, names, body. */
    final List<String[]> search = new ArrayList<>();
    /** Enclave parts claimed by a curated polygon_of row: "ISO3@x,y" of the part's interior point. */
    final Set<String> claimedParts = new HashSet<>();

    private final Set<String> sourceIds = new TreeSet<>();
    /** Source id → ISO3 codes of the parties whose abuses it reports (sources_*.csv column reports_abuses_by). */
    private final Map<String, Set<String>> abusesBy = new TreeMap<>();
    /** Source id → its published date (may be partial), for the last_confirmed check. */
    private final Map<String, String> published = new TreeMap<>();
    /**
     * {@code translations.csv}: a treaty's, provision's or event's title, summary or notes in another language, with
     * who or what made it. The English original must exist (a translation of nothing is an error), and the translated
     * text is added to the record's search row so a Russian query finds it. A translation states the facts of its
     * original, so it names the original's sources: {@code source_ids} must be non-empty, every id defined in a
     * {@code sources_*.csv}, and one the translated record itself cites (copy them from its row).
     */
    private void translations(Path dir, Set<String> treatyKeys, Set<String> provisionKeys, Set<String> eventKeys) throws IOException {
        Map<String, String> original = new java.util.HashMap<>();
        Map<String, String> recordSources = new java.util.HashMap<>();
        for (Object[] t : treaties) {
            original.put(t[0] + "\u0000title", (String) t[2]);
            original.put(t[0] + "\u0000summary", (String) t[7]);
            recordSources.put((String) t[0], (String) t[9]);
        }
        for (Object[] p : provisions) {
            original.put(p[0] + "\u0000title", (String) p[3]);
            original.put(p[0] + "\u0000summary", (String) p[4]);
            recordSources.put((String) p[0], (String) p[6]);
        }
        for (Object[] e : events) {
            original.put(e[0] + "\u0000title", (String) e[4]);
            original.put(e[0] + "\u0000summary", (String) e[5]);
            original.put(e[0] + "\u0000notes", (String) e[14]);
            recordSources.put((String) e[0], (String) e[13]);
        }
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> extraText = new TreeMap<>();
        for (Csv.Row r : file(dir, "translations.csv", "record_key", "field", "lang", "text", "method", "translator",
                "translated_on", "reviewed_by", "source_ids")) {
            String key = r.get("record_key");
            if (!treatyKeys.contains(key) && !provisionKeys.contains(key) && !eventKeys.contains(key)) {
                err(r, "record_key '" + key + "' is not a key in treaties.csv, provisions.csv or events.csv");
                continue;
            }
            String field = r.get("field");
            if (!Set.of("title", "summary", "notes").contains(field)) {
                err(r, "field '" + field + "' must be title, summary or notes");
                continue;
            }
            if (original.get(key + "\u0000" + field) == null) {
                err(r, key + " has no English " + field + " to translate");
            }
            String lang = r.get("lang");
            if (!TRANSLATION_LANGS.contains(lang)) err(r, "lang '" + lang + "' must be one of ru ky tg uz (English is the original)");
            if (r.get("text").isBlank()) err(r, "text is empty");
            if (!TRANSLATION_METHODS.contains(r.get("method"))) err(r, "method '" + r.get("method") + "' must be machine-ai or human");
            if (r.get("translator").isBlank()) err(r, "translator is empty: say who or what made the translation");
            date(r, "translated_on", true);
            if (!seen.add(key + "\u0000" + field + "\u0000" + lang)) err(r, key + " " + field + " in " + lang + " is translated twice");
            String ts = srcs(r, "source_ids");
            List<String> cited = Arrays.asList(recordSources.getOrDefault(key, "").split(";"));
            for (String id : ts.isEmpty() ? new String[0] : ts.split(";")) {
                if (sourceIds.contains(id) && !cited.contains(id)) {
                    err(r, "source id '" + id + "' is not one of " + key + "'s own source_ids (" + String.join(";", cited)
                            + "): a translation cites the sources of the text it translates; copy them from that row");
                }
            }
            translations.add(new Object[] {key, field, lang, r.get("text"), r.get("method"), r.get("translator"),
                    r.get("translated_on"), nz(r.get("reviewed_by")), ts});
            extraText.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get("text"));
        }
        for (String[] row : search) {
            List<String> extra = extraText.get(row[0]);
            if (extra != null) row[4] = join(row[4], String.join(" ", extra));
        }
    }

    /** How a text names each party's forces: its name or adjective followed by a word for armed forces or a side. */
    static final Map<String, Pattern> FORCES_OF = Map.of(
            "KGZ", forces("Kyrgyz|Kyrgyzstan|Kyrgyzstan's|Kyrgyzstani"),
            "TJK", forces("Tajik|Tajikistan|Tajikistan's|Tajikistani"),
            "UZB", forces("Uzbek|Uzbekistan|Uzbekistan's|Uzbekistani"),
            "KAZ", forces("Kazakh|Kazakhstan|Kazakhstan's"),
            "CHN", forces("Chinese|China|China's"));

    private static Pattern forces(String names) {
        return Pattern.compile("\\b(?:" + names + ")\\s+(?:armed\\s+)?(?:forces|troops|soldiers|servicemen|military|army|border guards|border troops|border service|side)\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
    private final Map<String, Feature> dataset;
    private final GeoNames geonames;
    private final Topology topology;
    private final Partition partition;
    private final Region region;

    Curated(Map<String, Feature> dataset, Set<String> datasetSources, GeoNames geonames, Topology topology,
            Partition partition, Region region) {
        this.dataset = dataset;
        this.geonames = geonames;
        this.topology = topology;
        this.partition = partition;
        this.region = region;
        sourceIds.addAll(datasetSources);
    }

    private List<Csv.Row> file(Path dir, String name, String... columns) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            warnings.add(name + ": missing, treated as empty");
            return List.of();
        }
        List<String> header = Csv.header(f);
        for (String c : columns) {
            if (!header.contains(c)) {
                errors.add(name + ":1: header lacks column '" + c + "' (expected " + String.join(",", columns) + ")");
            }
        }
        return Csv.read(f);
    }

    void load(Path dir) throws IOException {
        // Sources first: everything else cites them.
        List<Path> sourceFiles = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().matches("sources_.*\\.csv")).sorted().forEach(sourceFiles::add);
            }
        }
        if (sourceFiles.isEmpty()) warnings.add("no sources_*.csv in " + dir);
        Set<String> datasetIds = new HashSet<>(sourceIds);
        for (Path sf : sourceFiles) {
            for (Csv.Row r : file(dir, sf.getFileName().toString(), "source_id", "title", "publisher", "published", "url",
                    "licence", "accessed", "language", "notes")) {
                String id = r.get("source_id");
                if (id.isEmpty()) {
                    err(r, "empty source_id");
                    continue;
                }
                if (!sourceIds.add(id)) {
                    err(r, "source_id '" + id + "' is defined twice" + (datasetIds.contains(id) ? " (it is a dataset source id)" : ""));
                }
                if (r.get("title").isEmpty()) err(r, "source '" + id + "' has no title");
                date(r, "published", false);
                date(r, "accessed", false);
                String abuses = r.get("reports_abuses_by");
                String abusesList = null;
                if (!abuses.isEmpty()) {
                    abusesList = isoList(r, abuses, ";");
                    abusesBy.put(id, new TreeSet<>(Arrays.asList(abusesList.split(";"))));
                }
                if (!r.get("published").isEmpty()) published.put(id, r.get("published"));
                sources.add(new Object[] {id, r.get("title"), nz(r.get("publisher")), nz(r.get("published")), nz(r.get("url")),
                        nz(r.get("licence")), nz(r.get("accessed")), nz(r.get("language")), nz(r.get("notes")), abusesList});
            }
        }

        Map<String, Feature> curatedFeatures = new TreeMap<>();
        for (Csv.Row r : file(dir, "crossings.csv", "key", "name_en", "countries", "location_description", "lat", "lon",
                "coord_source_id", "accuracy_m", "coord_derivation", "who_may_cross", "confidence", "source_ids", "notes")) {
            Feature f = feature(r, "crossing", curatedFeatures);
            if (f == null) continue;
            f.countries = countries(r, r.get("countries"));
            f.rank = 1;
            f.minZoom = 8;
            put(f.props, "who_may_cross", r.get("who_may_cross"));
            put(f.props, "location_description", r.get("location_description"));
            put(f.props, "notes", r.get("notes"));
            f.body.add(r.get("location_description"));
            f.body.add(r.get("who_may_cross"));
            f.body.add(r.get("notes"));
            bothSides(r, f.sourceIds, r.get("location_description"), r.get("who_may_cross"), r.get("notes"));
            locate(r, f);
        }
        for (Csv.Row r : file(dir, "places.csv", "key", "kind", "name_en", "country", "location_description", "lat", "lon",
                "coord_source_id", "accuracy_m", "coord_derivation", "confidence", "source_ids", "notes")) {
            String kind = r.get("kind");
            if (!kind.matches("[a-z_]+")) {
                err(r, "kind '" + kind + "' must be lower-case letters and '_'");
                continue;
            }
            if (!KINDS.contains(kind)) warn(r, "kind '" + kind + "' is not one of " + new TreeSet<>(KINDS));
            Feature f = feature(r, kind, curatedFeatures);
            if (f == null) continue;
            String c = r.get("country");
            if (!c.isEmpty() && !ISO3.matcher(c).matches()) err(r, "country '" + c + "' is not an ISO3 code (KGZ, TJK, UZB ...)");
            f.country = c.isEmpty() ? null : c;
            f.rank = kind.equals("junction") ? 1 : kind.equals("enclave") || kind.equals("exclave") ? 1 : 2;
            f.minZoom = f.rank == 1 ? 7 : 9;
            put(f.props, "location_description", r.get("location_description"));
            put(f.props, "notes", r.get("notes"));
            f.body.add(r.get("location_description"));
            f.body.add(r.get("notes"));
            bothSides(r, f.sourceIds, r.get("location_description"), r.get("notes"));
            locate(r, f);
        }
        features.addAll(curatedFeatures.values());

        Set<String> treatyKeys = new TreeSet<>();
        for (Csv.Row r : file(dir, "treaties.csv", "key", "kind", "title_en", "parties", "place", "signed_date",
                "in_force_date", "summary_en", "confidence", "source_ids")) {
            String key = key(r, "key");
            if (key == null) continue;
            if (!treatyKeys.add(key)) err(r, "treaty key '" + key + "' is defined twice");
            if (r.get("title_en").isEmpty()) err(r, "title_en is empty");
            date(r, "signed_date", false);
            date(r, "in_force_date", false);
            String ts = srcs(r, "source_ids");
            bothSides(r, ts, r.get("summary_en"));
            treaties.add(new Object[] {key, r.get("kind"), r.get("title_en"), isoList(r, r.get("parties"), ";"), nz(r.get("place")),
                    nz(r.get("signed_date")), nz(r.get("in_force_date")), nz(r.get("summary_en")), conf(r), ts});
            search.add(new String[] {key, "treaty", r.get("title_en"), "", join(r.get("summary_en"), r.get("place"))});
        }
        Set<String> eventKeys = new TreeSet<>();
        List<Csv.Row> eventRows = file(dir, "events.csv", "key", "date", "date_end", "kind", "title_en", "summary_en",
                "feature_keys", "deaths_min", "deaths_max", "injured_min", "injured_max", "displaced_min", "displaced_max",
                "confidence", "source_ids", "notes");
        for (Csv.Row r : eventRows) {
            String key = key(r, "key");
            if (key != null && !eventKeys.add(key)) err(r, "event key '" + key + "' is defined twice");
        }
        Set<String> provisionKeys = new TreeSet<>();
        List<Csv.Row> provisionRows = file(dir, "provisions.csv", "key", "treaty_key", "ordinal", "title_en", "summary_en",
                "feature_keys", "confidence", "source_ids");
        for (Csv.Row r : provisionRows) {
            String key = key(r, "key");
            if (key != null && !provisionKeys.add(key)) err(r, "provision key '" + key + "' is defined twice");
        }

        Set<String> known = new TreeSet<>(dataset.keySet());
        known.addAll(curatedFeatures.keySet());
        Set<String> featureKeys = new TreeSet<>(known);
        known.addAll(treatyKeys);
        known.addAll(eventKeys);
        known.addAll(provisionKeys);

        for (Csv.Row r : provisionRows) {
            String key = r.get("key");
            String tk = r.get("treaty_key");
            if (!treatyKeys.contains(tk)) err(r, "treaty_key '" + tk + "' is not a key in treaties.csv");
            Integer ord = integer(r, "ordinal", true);
            if (r.get("title_en").isEmpty()) err(r, "title_en is empty");
            if (r.get("summary_en").isEmpty()) err(r, "summary_en is empty");
            String ps = srcs(r, "source_ids");
            bothSides(r, ps, r.get("title_en"), r.get("summary_en"));
            provisions.add(new Object[] {key, tk, ord == null ? 0 : ord, r.get("title_en"), r.get("summary_en"), conf(r), ps});
            for (String fk : keyList(r, "feature_keys", known)) provisionFeatures.add(new Object[] {key, fk});
            search.add(new String[] {key, "provision", r.get("title_en"), "", r.get("summary_en")});
        }
        for (Csv.Row r : eventRows) {
            String key = r.get("key");
            date(r, "date", true);
            date(r, "date_end", false);
            if (r.get("title_en").isEmpty()) err(r, "title_en is empty");
            Object[] row = new Object[] {key, r.get("date"), nz(r.get("date_end")), r.get("kind"), r.get("title_en"), nz(r.get("summary_en")),
                    integer(r, "deaths_min", false), integer(r, "deaths_max", false), integer(r, "injured_min", false),
                    integer(r, "injured_max", false), integer(r, "displaced_min", false), integer(r, "displaced_max", false),
                    conf(r), srcs(r, "source_ids"), nz(r.get("notes"))};
            bothSides(r, (String) row[13], r.get("title_en"), r.get("summary_en"), r.get("notes"));
            for (int k = 6; k < 12; k += 2) {
                if (row[k] != null && row[k + 1] != null && (Integer) row[k] > (Integer) row[k + 1]) {
                    err(r, "a *_min value is larger than its *_max");
                }
            }
            events.add(row);
            for (String fk : keyList(r, "feature_keys", known)) eventFeatures.add(new Object[] {key, fk});
            search.add(new String[] {key, "event", r.get("title_en"), "", join(r.get("summary_en"), r.get("notes"))});
        }
        translations(dir, treatyKeys, provisionKeys, eventKeys);
        for (Csv.Row r : file(dir, "treaty_steps.csv", "treaty_key", "date", "step", "country", "body", "note", "confidence", "source_ids")) {
            String tk = r.get("treaty_key");
            if (!treatyKeys.contains(tk)) err(r, "treaty_key '" + tk + "' is not a key in treaties.csv");
            date(r, "date", false);
            if (!STEPS.contains(r.get("step"))) err(r, "step '" + r.get("step") + "' is not one of " + new TreeSet<>(STEPS));
            String c = r.get("country");
            if (!c.isEmpty() && !ISO3.matcher(c).matches()) err(r, "country '" + c + "' is not an ISO3 code");
            treatySteps.add(new Object[] {tk, nz(r.get("date")), r.get("step"), nz(c), nz(r.get("body")), nz(r.get("note")), conf(r), srcs(r, "source_ids")});
        }
        for (Csv.Row r : file(dir, "names.csv", "feature_key", "lang", "name", "is_primary", "source_ids")) {
            String fk = r.get("feature_key");
            if (!known.contains(fk)) err(r, "feature_key '" + fk + "' is not a known key (features, treaties, events)");
            if (!LANGS.contains(r.get("lang"))) err(r, "lang '" + r.get("lang") + "' must be one of en ru ky tg uz");
            if (r.get("name").isEmpty()) err(r, "name is empty");
            String p = r.get("is_primary");
            if (!p.isEmpty() && !p.equals("0") && !p.equals("1")) err(r, "is_primary must be 0 or 1");
            names.add(new Object[] {fk, r.get("lang"), r.get("name"), p.equals("1") ? 1 : 0, srcs(r, "source_ids"), NameTagging.SOURCE});
        }
        for (Csv.Row r : file(dir, "facts.csv", "feature_key", "attribute", "value", "value_max", "unit", "as_of",
                "confidence", "source_ids", "note")) {
            String fk = r.get("feature_key");
            if (!known.contains(fk)) err(r, "feature_key '" + fk + "' is not a known key");
            if (r.get("attribute").isEmpty()) err(r, "attribute is empty");
            if (r.get("value").isEmpty()) err(r, "value is empty");
            date(r, "as_of", false);
            String fs = srcs(r, "source_ids");
            bothSides(r, fs, r.get("note"));
            facts.add(new Object[] {fk, r.get("attribute"), r.get("value"), nz(r.get("value_max")), nz(r.get("unit")),
                    nz(r.get("as_of")), conf(r), fs, nz(r.get("note"))});
        }
        resettlements(dir, featureKeys, curatedFeatures);
        for (Csv.Row r : file(dir, "status_history.csv", "feature_key", "attribute", "value", "from_date", "to_date",
                "last_confirmed", "last_confirmed_source", "confidence", "source_ids", "note")) {
            String fk = r.get("feature_key");
            if (!featureKeys.contains(fk)) err(r, "feature_key '" + fk + "' is not a known feature key");
            if (r.get("attribute").isEmpty()) err(r, "attribute is empty");
            date(r, "from_date", false);
            date(r, "to_date", false);
            if (!r.get("from_date").isEmpty() && !r.get("to_date").isEmpty() && r.get("from_date").compareTo(r.get("to_date")) > 0) {
                err(r, "from_date is after to_date");
            }
            String ss = srcs(r, "source_ids");
            bothSides(r, ss, r.get("note"));
            String confirmed = r.get("last_confirmed");
            String confirmedBy = r.get("last_confirmed_source");
            date(r, "last_confirmed", false);
            if (confirmed.isEmpty()) {
                // A state with no end date would otherwise read as still true today, however old its evidence.
                if (r.get("to_date").isEmpty()) {
                    err(r, "open-ended status (no to_date) without last_confirmed: give the date of the latest source that "
                            + "confirms it is still " + r.get("value") + ", and that source in last_confirmed_source");
                }
                if (!confirmedBy.isEmpty()) err(r, "last_confirmed_source given without last_confirmed");
            } else {
                // last_confirmed may precede from_date: a change announced before it took effect (a treaty clause
                // reported before signature) and never reported again is "last reported on" the announcement.
                if (!r.get("to_date").isEmpty() && confirmed.compareTo(r.get("to_date")) > 0) {
                    err(r, "last_confirmed " + confirmed + " is after to_date " + r.get("to_date"));
                }
                if (confirmedBy.isEmpty()) {
                    err(r, "last_confirmed without last_confirmed_source: name the source that confirms the status on that date");
                } else if (!Arrays.asList(ss.split(";")).contains(confirmedBy)) {
                    err(r, "last_confirmed_source '" + confirmedBy + "' is not one of the row's source_ids");
                } else {
                    String pub = published.get(confirmedBy);
                    // A partial date (2025-03) compares as its first day, so a source of March 2025 may confirm 2025-03.
                    if (pub != null && pub.compareTo(confirmed) < 0 && !confirmed.startsWith(pub)) {
                        err(r, "last_confirmed " + confirmed + " is after source '" + confirmedBy + "' was published (" + pub
                                + "): a source cannot confirm a state after its own date");
                    }
                }
            }
            status.add(new Object[] {fk, r.get("attribute"), r.get("value"), nz(r.get("from_date")), nz(r.get("to_date")),
                    conf(r), ss, nz(r.get("note")), nz(confirmed), nz(confirmedBy)});
        }
    }

    /**
     * resettlements.csv: who moved from which place to which, when, how many (ranges where sources differ). Both
     * places must be features; a place without a location is allowed (the app says the arrow cannot be drawn), but
     * the row must then say so in its notes, so a reader of the table is never left guessing why no arrow shows.
     */
    private void resettlements(Path dir, Set<String> featureKeys, Map<String, Feature> curatedFeatures) throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Csv.Row r : file(dir, "resettlements.csv", "from_key", "to_key", "date", "date_end", "people_min", "people_max",
                "households_min", "households_max", "confidence", "source_ids", "notes")) {
            String from = r.get("from_key"), to = r.get("to_key");
            for (String col : List.of("from_key", "to_key")) {
                String k = r.get(col);
                if (!featureKeys.contains(k)) err(r, col + " '" + k + "' is not a known feature key");
            }
            if (from.equals(to)) err(r, "from_key and to_key are the same place");
            date(r, "date", true);
            date(r, "date_end", false);
            String d = r.get("date"), e = r.get("date_end");
            if (!d.isEmpty() && !e.isEmpty() && e.compareTo(d) < 0 && !d.startsWith(e)) err(r, "date_end " + e + " is before date " + d);
            if (!seen.add(from + " " + to + " " + d)) err(r, "the move " + from + " -> " + to + " on " + d + " is listed twice");
            Integer[] n = {integer(r, "people_min", false), integer(r, "people_max", false),
                    integer(r, "households_min", false), integer(r, "households_max", false)};
            for (int k = 0; k < 4; k += 2) {
                if (n[k] != null && n[k] < 0 || n[k + 1] != null && n[k + 1] < 0) err(r, "a count is negative");
                if (n[k] != null && n[k + 1] != null && n[k] > n[k + 1]) err(r, "a *_min value is larger than its *_max");
                if (n[k] == null && n[k + 1] != null) err(r, "a *_max without its *_min: give the single figure as *_min");
            }
            String notes = r.get("notes");
            for (String k : List.of(from, to)) {
                Feature f = curatedFeatures.get(k);
                Feature g = f != null ? f : dataset.get(k);
                if (g != null && g.lat == null && g.finest() == null && !notes.toLowerCase(java.util.Locale.ROOT).contains("no arrow")) {
                    err(r, k + " has no location, so its arrow cannot be drawn: say so in notes (\"… so no arrow is drawn\")");
                }
            }
            String ss = srcs(r, "source_ids");
            bothSides(r, ss, notes);
            resettlements.add(new Object[] {from, to, d, nz(e), n[0], n[1], n[2], n[3], conf(r), ss, nz(notes)});
        }
        resettlements.sort(java.util.Comparator.comparing((Object[] o) -> (String) o[0]).thenComparing(o -> (String) o[1])
                .thenComparing(o -> (String) o[2]));
    }

    // ---- features and their coordinates ----

    private Feature feature(Csv.Row r, String kind, Map<String, Feature> curated) {
        String key = key(r, "key");
        if (key == null) return null;
        if (dataset.containsKey(key)) {
            err(r, "key '" + key + "' is already a derived feature; choose another key");
            return null;
        }
        if (curated.containsKey(key)) {
            err(r, "key '" + key + "' is defined twice");
            return null;
        }
        if (r.get("name_en").isEmpty()) err(r, "name_en is empty");
        Feature f = new Feature(key, kind, r.get("name_en"), conf(r), srcs(r, "source_ids"));
        curated.put(key, f);
        return f;
    }

    private void locate(Csv.Row r, Feature f) {
        String lat = r.get("lat");
        String lon = r.get("lon");
        String deriv = r.get("coord_derivation");
        Double acc = dbl(r, "accuracy_m");
        f.accuracyM = acc;
        if (!lat.isEmpty() || !lon.isEmpty()) {
            Double y = dbl(r, "lat");
            Double x = dbl(r, "lon");
            if (y == null || x == null) {
                err(r, "give both lat and lon, or neither");
                return;
            }
            if (!region.contains(y, x)) {
                err(r, String.format("coordinate %s,%s lies outside the region %s (lat then lon, decimal degrees)", lat, lon, region));
                return;
            }
            String cs = r.get("coord_source_id");
            if (cs.isEmpty()) {
                err(r, "lat/lon given without coord_source_id (name the source that gives the coordinate)");
            } else if (!sourceIds.contains(cs)) {
                err(r, "coord_source_id '" + cs + "' is not a source_id in any sources_*.csv");
            }
            if (!deriv.isEmpty()) warn(r, "both lat/lon and coord_derivation given; the sourced lat/lon is used");
            f.setPoint(Geo.GF.createPoint(new Coordinate(x, y)));
            f.props.put("coord_source_id", cs);
            return;
        }
        if (deriv.isEmpty()) {
            warn(r, "no lat/lon and no coord_derivation: " + f.key + " has no location");
            return;
        }
        if (acc == null) warn(r, "coord_derivation without accuracy_m: give an honest estimate in metres");
        f.derivation = deriv;
        String[] p = deriv.split(":");
        try {
            switch (p[0]) {
                case "geonames": {
                    need(p.length == 2, deriv);
                    GeoNames.Place pl = place(r, p[1]);
                    if (pl == null) return;
                    point(r, f, pl.lon(), pl.lat());
                    note(f, "No source gives its position: it is placed at " + pl.name() + " (GeoNames " + p[1] + ").");
                    return;
                }
                case "offset": {
                    // A described location ("20-30 minutes from Batken towards the mountains"): the point that far
                    // from a named place in the stated direction; accuracy_m must cover the vagueness of the description.
                    need(p.length == 4, deriv);
                    GeoNames.Place pl = place(r, p[1]);
                    if (pl == null) return;
                    double bearing = Double.parseDouble(p[2]);
                    double km = Double.parseDouble(p[3]);
                    need(bearing >= 0 && bearing < 360 && km > 0 && km <= 100, deriv);
                    double[] ll = Geo.destination(pl.lat(), pl.lon(), bearing, km * 1000);
                    point(r, f, ll[1], ll[0]);
                    note(f, String.format(java.util.Locale.ROOT, "No source gives its position: it is placed %s km from %s "
                            + "(GeoNames %s) at a bearing of %s°, from a described location; approximate.", p[3], pl.name(), p[1], p[2]));
                    if (acc != null && acc < km * 1000 / 2) {
                        warn(r, "accuracy_m " + acc + " is small for a point derived " + km + " km from a named place");
                    }
                    return;
                }
                case "border_nearest": {
                    need(p.length == 3, deriv);
                    GeoNames.Place pl = place(r, p[1]);
                    if (pl == null) return;
                    List<Geometry> lines = new ArrayList<>();
                    for (Topology.Border b : topology.borders) {
                        if (b.pair().equals(p[2])) lines.add(b.lods()[b.lods().length - 1]);
                    }
                    if (lines.isEmpty()) {
                        err(r, "border_nearest: no derived border for pair '" + p[2] + "' (use sorted ISO3 pairs: KGZ-TJK, KGZ-UZB, TJK-UZB)");
                        return;
                    }
                    Coordinate c = nearestOn(Geo.GF.buildGeometry(lines), pl.lat(), pl.lon());
                    long dist = Math.round(Geo.distanceM(pl.lat(), pl.lon(), c.y, c.x));
                    f.props.put("derived_distance_from_place_m", dist);
                    point(r, f, c.x, c.y);
                    note(f, String.format(java.util.Locale.ROOT, "No source gives its position: it is placed on the %s border line of "
                            + "the map's geometry at the point nearest to %s (GeoNames %s), %.1f km from it.", p[2], pl.name(), p[1], dist / 1000.0));
                    return;
                }
                case "tripoint": {
                    need(p.length == 2 || p.length == 3, deriv);
                    Topology.Tripoint best = null;
                    for (Topology.Tripoint t : topology.tripoints) {
                        if (t.key().equals(deriv)) best = t;
                    }
                    if (best == null) {
                        err(r, "'" + deriv + "': no such derived tripoint (found: "
                                + topology.tripoints.stream().map(Topology.Tripoint::key).toList() + ")");
                        return;
                    }
                    point(r, f, best.point().getX(), best.point().getY());
                    note(f, "No source gives its position: it is placed at the point where the three countries' lines meet in the map's geometry.");
                    return;
                }
                case "polygon_of": {
                    need(p.length == 3 && ISO3.matcher(p[1]).matches(), deriv);
                    GeoNames.Place pl = place(r, p[2]);
                    if (pl == null) return;
                    Geometry[] lods = topology.countries.get(p[1]);
                    if (lods == null) {
                        err(r, "polygon_of: no country '" + p[1] + "' in the region");
                        return;
                    }
                    Point at = Geo.GF.createPoint(new Coordinate(pl.lon(), pl.lat()));
                    Geometry part = component(lods[lods.length - 1], at);
                    if (part == null) {
                        err(r, String.format("polygon_of: GeoNames %s (%s, %.5f,%.5f) lies in no polygon of %s", p[2], pl.name(),
                                pl.lat(), pl.lon(), p[1]));
                        return;
                    }
                    Point inner = part.getInteriorPoint();
                    Geometry[] g = new Geometry[lods.length];
                    for (int i = 0; i < lods.length; i++) {
                        g[i] = component(lods[i], inner);
                        if (g[i] == null) g[i] = component(lods[i], at);
                        if (g[i] == null) g[i] = part;
                    }
                    f.setLods(g);
                    f.props.put("area_km2", Json.round(Geo.areaKm2(part), 2));
                    for (Partition.Part e : partition.enclaves) {
                        if (e.country().equals(p[1]) && e.polygon().equalsExact(part)) {
                            claimedParts.add(p[1] + "@" + e.polygon().getInteriorPoint().getX() + "," + e.polygon().getInteriorPoint().getY());
                            f.props.put("surrounded_by", e.surroundedBy());
                        }
                    }
                    if (f.country == null) f.country = p[1];
                    note(f, "Its outline is the part of " + p[1] + " in the map's geometry that contains " + pl.name() + " (GeoNames " + p[2] + ").");
                    return;
                }
                default:
                    err(r, "unknown coord_derivation '" + deriv + "'; use geonames:<id>, border_nearest:<id>:<PAIR>, "
                            + "offset:<id>:<bearing>:<km>, tripoint:KGZ-TJK-UZB or polygon_of:<ISO3>:<id>");
            }
        } catch (IllegalArgumentException e) {
            err(r, "malformed coord_derivation '" + deriv + "'; use geonames:<id>, border_nearest:<id>:<PAIR>, "
                    + "offset:<id>:<bearing 0-360>:<km>, tripoint:KGZ-TJK-UZB or polygon_of:<ISO3>:<id>");
        }
    }

    /** The sentence the app shows under a derived location: what the point was derived from, in this row's own terms. */
    private static void note(Feature f, String text) {
        f.props.put("location_note", text);
    }

    /**
     * A source that reports abuses by several parties may not be cited for one party's abuses only: every row citing
     * it must name each of those parties' forces. Fails the build with the row, the source and the missing party.
     */
    void bothSides(Csv.Row r, String sourceIdList, String... texts) {
        if (sourceIdList == null || sourceIdList.isEmpty()) return;
        String text = String.join("\n", texts);
        for (String id : sourceIdList.split(";")) {
            Set<String> parties = abusesBy.get(id);
            if (parties == null || parties.size() < 2) continue;
            for (String c : parties) {
                Pattern pat = FORCES_OF.get(c);
                if (pat != null && !pat.matcher(text).find()) {
                    err(r, "cites '" + id + "', which reports abuses by " + String.join(" and ", parties) + ", but the text does not "
                            + "say what it found about " + c + "'s forces (name them, e.g. '" + example(c) + " forces ...')");
                }
            }
        }
    }

    private static String example(String iso3) {
        return switch (iso3) {
            case "KGZ" -> "Kyrgyz";
            case "TJK" -> "Tajik";
            case "UZB" -> "Uzbek";
            case "KAZ" -> "Kazakh";
            default -> iso3;
        };
    }

    private static void need(boolean ok, String deriv) {
        if (!ok) throw new IllegalArgumentException(deriv);
    }

    private void point(Csv.Row r, Feature f, double x, double y) {
        if (!region.contains(y, x)) {
            err(r, String.format("derived coordinate %.5f,%.5f lies outside the region %s", y, x, region));
            return;
        }
        Coordinate c = new Coordinate(x, y);
        Geo.PM.makePrecise(c);
        f.setPoint(Geo.GF.createPoint(c));
    }

    private GeoNames.Place place(Csv.Row r, String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            err(r, "'" + id + "' is not a GeoNames id (a number)");
            return null;
        }
        GeoNames.Place p = geonames.all.get(n);
        if (p == null) err(r, "unknown GeoNames id " + id + " (not in cities500; look it up in column 1 of cities500.txt)");
        return p;
    }

    static Geometry component(Geometry g, Point at) {
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Geometry p = (Geometry) o;
            if (p.covers(at)) return p;
        }
        return null;
    }

    /** Nearest point of {@code lines} to (lat, lon), measured in a local equidistant frame (lon scaled by cos lat). */
    static Coordinate nearestOn(Geometry lines, double lat, double lon) {
        double k = Math.cos(Math.toRadians(lat));
        Geometry scaled = lines.copy();
        scaled.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x = c.x * k);
        scaled.geometryChanged();
        Coordinate[] nn = DistanceOp.nearestPoints(scaled, Geo.GF.createPoint(new Coordinate(lon * k, lat)));
        return new Coordinate(nn[0].x / k, nn[0].y);
    }

    // ---- field checks ----

    private String key(Csv.Row r, String col) {
        String k = r.get(col);
        if (k.isEmpty()) {
            err(r, col + " is empty");
            return null;
        }
        if (!KEY.matcher(k).matches()) {
            err(r, col + " '" + k + "' is not a key of the form kind:slug (lower-case ASCII, '-' between words)");
            return null;
        }
        return k;
    }

    private String conf(Csv.Row r) {
        String c = r.get("confidence");
        if (!CONFIDENCE.contains(c)) err(r, "confidence '" + c + "' must be high, medium or low");
        return c;
    }

    private String srcs(Csv.Row r, String col) {
        String v = r.get(col);
        if (v.isEmpty()) {
            err(r, col + " is empty: every row names its sources");
            return "";
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String s : v.split(";")) {
            s = s.trim();
            if (s.isEmpty()) continue;
            if (!sourceIds.contains(s)) err(r, "unknown source id '" + s + "' in " + col + " (define it in a sources_*.csv)");
            ids.add(s);
        }
        return String.join(";", ids);
    }

    private void date(Csv.Row r, String col, boolean required) {
        String d = r.get(col);
        if (d.isEmpty()) {
            if (required) err(r, col + " is empty");
            return;
        }
        if (!validDate(d)) err(r, col + " '" + d + "' is not an ISO date YYYY-MM-DD, YYYY-MM or YYYY");
    }

    static boolean validDate(String d) {
        if (!DATE.matcher(d).matches()) return false;
        try {
            if (d.length() == 10) LocalDate.parse(d);
            else if (d.length() == 7) YearMonth.parse(d);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Double dbl(Csv.Row r, String col) {
        String v = r.get(col);
        if (v.isEmpty()) return null;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            err(r, col + " '" + v + "' is not a decimal number");
            return null;
        }
    }

    private Integer integer(Csv.Row r, String col, boolean required) {
        String v = r.get(col);
        if (v.isEmpty()) {
            if (required) err(r, col + " is empty");
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            err(r, col + " '" + v + "' is not a whole number");
            return null;
        }
    }

    private String countries(Csv.Row r, String v) {
        if (v.isEmpty()) return null;
        return isoList(r, v, "-");
    }

    private String isoList(Csv.Row r, String v, String sep) {
        TreeSet<String> s = new TreeSet<>();
        for (String c : v.split("[;,/ -]+")) {
            if (c.isEmpty()) continue;
            if (!ISO3.matcher(c).matches()) err(r, "'" + c + "' is not an ISO3 country code");
            s.add(c);
        }
        return String.join(sep, s);
    }

    private List<String> keyList(Csv.Row r, String col, Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : r.get(col).split(";")) {
            k = k.trim();
            if (k.isEmpty()) continue;
            if (!known.contains(k)) {
                err(r, col + " refers to unknown key '" + k + "'");
            } else if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private void err(Csv.Row r, String msg) {
        errors.add(r.where() + ": " + msg);
    }

    private void warn(Csv.Row r, String msg) {
        warnings.add(r.where() + ": " + msg);
    }

    static String nz(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static void put(Map<String, Object> m, String k, String v) {
        if (v != null && !v.isEmpty()) m.put(k, v);
    }

    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(p.trim());
        }
        return sb.toString();
    }
}
