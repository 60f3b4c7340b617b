package org.ferganaatlas.truth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The atlas's truth rules checked on the committed database with plain JDBC (independently of the build code
 * and of the app's data layer): every state still in force says when a source last confirmed it, no text cites
 * a report of both sides' abuses for one side only, and every derived location says what it was derived from.
 */
class BundledTruthTest {
    static Connection db;

    /** A party's forces named in a text: its name or adjective, then a word for armed forces or a side. */
    static final Map<String, Pattern> FORCES = Map.of(
            "KGZ", forces("Kyrgyz|Kyrgyzstan|Kyrgyzstan's|Kyrgyzstani"),
            "TJK", forces("Tajik|Tajikistan|Tajikistan's|Tajikistani"),
            "UZB", forces("Uzbek|Uzbekistan|Uzbekistan's|Uzbekistani"));

    static Pattern forces(String names) {
        return Pattern.compile("\\b(?:" + names + ")\\s+(?:armed\\s+)?(?:forces|troops|soldiers|servicemen|military|army|"
                + "border guards|border troops|border service|side)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** First four letters, lower case: Ak-Sai and Ak-Say are one place, Zhany Dostuk and Batken are not. */
    static String stem(String name) {
        String l = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return l.substring(0, Math.min(4, l.length()));
    }

    @BeforeAll
    static void open() throws Exception {
        Path file = Path.of(System.getProperty("atlas.assets", "assets"), "atlas.sqlite");
        assertTrue(Files.isRegularFile(file), "no bundled database at " + file.toAbsolutePath());
        db = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro&immutable=1");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static List<String[]> rows(String sql) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) row[i] = r.getString(i + 1);
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void everyStateStillInForceSaysWhenItWasLastConfirmed() throws Exception {
        Map<String, String> published = new TreeMap<>();
        for (String[] s : rows("SELECT id, published FROM source")) published.put(s[0], s[1]);
        List<String[]> open = rows("SELECT feature_key, attribute, value, last_confirmed, last_confirmed_source, source_ids "
                + "FROM status WHERE to_date IS NULL");
        assertFalse(open.isEmpty());
        List<String> bad = new ArrayList<>();
        for (String[] r : open) {
            String what = r[0] + " " + r[1] + "=" + r[2];
            if (r[3] == null) {
                bad.add(what + ": no last_confirmed");
                continue;
            }
            if (r[4] == null || !Arrays.asList(r[5].split(";")).contains(r[4])) bad.add(what + ": last_confirmed_source not among its sources");
            String pub = r[4] == null ? null : published.get(r[4]);
            if (pub != null && pub.compareTo(r[3]) < 0 && !r[3].startsWith(pub)) bad.add(what + ": confirmed after its source's date");
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void aReportOfBothSidesIsCitedForBoth() throws Exception {
        Map<String, List<String>> both = new TreeMap<>();
        for (String[] s : rows("SELECT id, reports_abuses_by FROM source WHERE reports_abuses_by LIKE '%;%'")) {
            both.put(s[0], Arrays.asList(s[1].split(";")));
        }
        assertTrue(both.containsKey("h-hrw-2023-05-02"), "the HRW report of 2 May 2023 is recorded as reporting abuses by both sides");
        List<String[]> texts = new ArrayList<>();
        texts.addAll(rows("SELECT key, source_ids, coalesce(title_en,'') || ' ' || coalesce(summary_en,'') || ' ' || coalesce(notes,'') FROM event"));
        texts.addAll(rows("SELECT key, source_ids, coalesce(title_en,'') || ' ' || coalesce(summary_en,'') FROM provision"));
        texts.addAll(rows("SELECT key, source_ids, coalesce(summary_en,'') FROM treaty"));
        texts.addAll(rows("SELECT feature_key || ' ' || attribute, source_ids, coalesce(note,'') FROM fact"));
        texts.addAll(rows("SELECT feature_key || ' ' || attribute, source_ids, coalesce(note,'') FROM status"));
        int citing = 0;
        List<String> bad = new ArrayList<>();
        for (String[] t : texts) {
            for (String id : t[1].split(";")) {
                List<String> parties = both.get(id);
                if (parties == null) continue;
                citing++;
                for (String p : parties) {
                    Pattern pat = FORCES.get(p);
                    if (pat != null && !pat.matcher(t[2]).find()) bad.add(t[0] + " cites " + id + " but says nothing of " + p + "'s forces");
                }
            }
        }
        assertTrue(citing > 0, "no row cites a report of both sides' abuses");
        assertEquals(List.of(), bad);
    }

    @Test
    void everyDerivedLocationSaysWhatItWasDerivedFrom() throws Exception {
        List<String> bad = new ArrayList<>();
        Pattern curatedForm = Pattern.compile("(geonames|border_nearest|offset|tripoint|polygon_of):.*");
        int n = 0;
        for (String[] f : rows("SELECT key, kind, derivation, json_extract(props, '$.location_note'), accuracy_m FROM feature "
                + "WHERE derivation IS NOT NULL")) {
            if (!curatedForm.matcher(f[2]).matches()) continue;
            n++;
            if (f[3] == null || f[3].isBlank()) {
                bad.add(f[0] + ": no location_note");
                continue;
            }
            // The note must name the GeoNames place the row was derived from, not a generic sentence for all kinds.
            String[] p = f[2].split(":");
            String id = f[2].startsWith("polygon_of:") ? p[2] : p.length > 1 ? p[1] : "";
            if (!f[2].startsWith("tripoint:") && !f[3].contains("GeoNames " + id)) bad.add(f[0] + ": note does not name GeoNames " + id + ": " + f[3]);
            if (f[4] == null && !f[2].startsWith("polygon_of:")) bad.add(f[0] + ": derived without accuracy_m");
        }
        assertTrue(n > 10, "only " + n + " derived locations");
        assertEquals(List.of(), bad);
    }

    @Test
    void noTwoFeaturesOfDifferentPlacesShareOnePoint() throws Exception {
        // A village derived at a town's GeoNames point sits on that town's dot and reads as the town.
        // The same place under two keys (a curated village at its own GeoNames point) is allowed: same name.
        List<String[]> same = rows("SELECT a.key, a.name_en, b.key, b.name_en FROM feature a JOIN feature b "
                + "ON a.lat = b.lat AND a.lon = b.lon AND a.key < b.key "
                + "WHERE a.kind IN ('village','town','crossing') AND b.kind IN ('village','town','crossing')");
        List<String> pairs = new ArrayList<>();
        for (String[] p : same) {
            if (!stem(p[1]).equals(stem(p[3]))) pairs.add(p[0] + " (" + p[1] + ") = " + p[2] + " (" + p[3] + ")");
        }
        assertEquals(List.of(), pairs);
    }

    @Test
    void theLinesSayHowOldTheyAreAndThatTheyAreNotTheTreatyLines() throws Exception {
        Map<String, String> meta = new TreeMap<>();
        for (String[] m : rows("SELECT key, value FROM metadata")) meta.put(m[0], m[1]);
        String date = meta.get("geometry_date");
        assertTrue(date != null && date.matches("\\d{4}-\\d{2}"), "metadata.geometry_date: " + date);
        assertTrue(meta.get("attribution").contains("about " + date), "the attribution line must carry the geometry date");
        assertTrue(meta.get("attribution").contains("not the treaty lines"), meta.get("attribution"));
        assertTrue(meta.containsKey("geometry_source") && meta.get("geometry_source").contains("OpenStreetMap"));
        // Each border segment's own text says when it was mapped and that it is not a treaty line.
        List<String> bad = new ArrayList<>();
        for (String[] b : rows("SELECT key, derivation FROM feature WHERE kind = 'border'")) {
            if (b[1] == null || !b[1].contains(date) || !b[1].contains("not a treaty line")) bad.add(b[0] + ": " + b[1]);
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void barakIsDrawnByWhoHeldItOnTheMapDate() throws Exception {
        List<String[]> p = rows("SELECT holder, from_date, to_date, drawn_as, outline_border_keys FROM territory_period "
                + "WHERE feature_key = 'enclave:barak' ORDER BY coalesce(from_date, '')");
        assertEquals(2, p.size());
        assertEquals("KGZ", p.get(0)[0]);
        assertEquals("2024-04-15", p.get(0)[2]);
        assertEquals("UZB", p.get(1)[0]);
        assertEquals("2024-04-15", p.get(1)[1]);
        // The geometry predates the handover: its polygon is still Kyrgyz, which is why the period table is needed.
        assertEquals("KGZ", p.get(1)[3]);
        assertTrue(p.get(1)[4] != null && p.get(1)[4].startsWith("border:KGZ-UZB:"), "Barak's outline segment: " + p.get(1)[4]);
    }
}
