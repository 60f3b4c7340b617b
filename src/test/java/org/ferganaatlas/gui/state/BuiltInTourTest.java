package org.ferganaatlas.gui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.GuidedTour;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in tour against the bundled database: every key it shows is there, every date is inside the atlas's range
 * (the first day of the date bar to the last event), every layer is one of the atlas's, its texts are in the bundle,
 * and each caption names a publisher of the sources its records cite.
 */
class BuiltInTourTest {
    private static GuidedTour tour;
    private static Connection db;
    private static Properties english;

    @BeforeAll
    static void open() throws Exception {
        tour = BuiltInTour.read();
        Path file = Path.of(System.getProperty("atlas.assets", "assets"), "atlas.sqlite");
        db = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro&immutable=1");
        english = new Properties();
        try (InputStream in = BuiltInTour.class.getResourceAsStream("/org/ferganaatlas/gui/l10n/messages.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String one(String sql, String key) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The source ids a record or feature cites, or null if there is no such key. */
    private static String sourcesOf(String key) throws Exception {
        for (String table : List.of("feature", "event", "treaty", "provision")) {
            String s = one("SELECT source_ids FROM " + table + " WHERE key = ?", key);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    @Test
    void theTourHasAtLeastEightStopsWithTheirTexts() {
        assertTrue(tour.stops().size() >= 8, "stops: " + tour.stops().size());
        assertTrue(english.containsKey(tour.titleKey()), tour.titleKey());
        for (GuidedTour.Stop s : tour.stops()) {
            assertTrue(s.textKey() != null && english.containsKey(s.textKey() + ".title") && english.containsKey(s.textKey() + ".caption"),
                    "texts of " + s.textKey());
        }
    }

    @Test
    void everyKeyIsInTheBundledDatabase() throws Exception {
        for (GuidedTour.Stop s : tour.stops()) {
            List<String> keys = new ArrayList<>(s.view().highlight());
            Stream.of(s.view().selectedKey(), s.view().recordKey()).filter(k -> k != null).forEach(keys::add);
            assertFalse(keys.isEmpty(), s.textKey() + " shows nothing of the database");
            for (String k : keys) {
                assertTrue(sourcesOf(k) != null, s.textKey() + ": " + k + " is not in the bundled database");
            }
        }
    }

    @Test
    void everyDateIsInsideTheAtlasRangeAndEveryLayerIsTheAtlasOwn() throws Exception {
        LocalDate last = LocalDate.parse(one("SELECT max(date) FROM event WHERE ? IS NOT NULL", "x"));
        Set<String> layers = Stream.of(BuiltInLayer.values()).map(BuiltInLayer::id).collect(Collectors.toSet());
        for (GuidedTour.Stop s : tour.stops()) {
            LocalDate d = s.view().date();
            assertFalse(d.isBefore(org.ferganaatlas.gui.records.TimeBar.FIRST), s.textKey() + " " + d);
            assertFalse(d.isAfter(last), s.textKey() + " " + d + " is after the last event, " + last);
            assertTrue(layers.containsAll(s.view().layers()), s.textKey() + " " + s.view().layers());
            assertTrue(s.view().layers().contains(BuiltInLayer.BORDERS.id()), s.textKey() + " shows no borders");
        }
    }

    @Test
    void everyCaptionNamesAPublisherOfItsSources() throws Exception {
        for (GuidedTour.Stop s : tour.stops()) {
            String caption = english.getProperty(s.textKey() + ".caption").replace('’', '\'');
            List<String> keys = new ArrayList<>();
            if (s.view().recordKey() != null) {
                keys.add(s.view().recordKey());
            } else {
                keys.addAll(s.view().highlight());
            }
            Set<String> publishers = new LinkedHashSet<>();
            for (String k : keys) {
                for (String id : sourcesOf(k).split(";")) {
                    String p = one("SELECT publisher FROM source WHERE id = ?", id.strip());
                    if (p != null) {
                        // "OpenStreetMap contributors; packaged by …", "Reuters (via …)": the publisher's own name
                        publishers.add(p.split(";")[0].split(" \\(")[0].strip());
                    }
                }
            }
            assertTrue(publishers.stream().anyMatch(caption::contains),
                    s.textKey() + " names none of " + publishers + ": " + caption);
            assertTrue(caption.toLowerCase(Locale.ROOT).contains("source"), s.textKey() + " says no sources");
        }
    }
}
