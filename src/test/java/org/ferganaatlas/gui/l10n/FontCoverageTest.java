package org.ferganaatlas.gui.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled typeface has every character of every bundle and of the bundled database's texts and names, in both
 * weights the window uses: a missing glyph would be
 * a box on a school PC with no other fonts. The font's own character map is read with FontBox: AWT's
 * {@code Font.canDisplayUpTo} would look up the host name on first use, which the no-network trap fails.
 */
class FontCoverageTest {
    private static final Path APP = Path.of("src/main/resources/org/ferganaatlas/gui/app");

    /** The font's family name and its Unicode character map. */
    record Face(String family, CmapLookup cmap) {
        /** Index of the first character the font has no glyph for, or -1 (like AWT's canDisplayUpTo). */
        int canDisplayUpTo(String s) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                if (cmap.getGlyphId(cp) == 0) {
                    return i;
                }
                i += Character.charCount(cp);
            }
            return -1;
        }
    }

    private static Face font(String file) throws Exception {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(APP.resolve(file).toFile()))) {
            return new Face(ttf.getName() == null ? "" : ttf.getNaming().getFontFamily(), ttf.getUnicodeCmapLookup());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"})
    void everyTranslatedStringCanBeDrawnWithTheBundledFont(String file) throws Exception {
        Face f = font(file);
        assertEquals("DejaVu Sans", f.family(), "atlas.css and AtlasWindow.FONT_FAMILY name this family");
        List<String> missing = new ArrayList<>();
        List<Path> bundles;
        try (Stream<Path> s = Files.list(BundleConsistencyTest.DIR)) {
            bundles = s.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
        }
        assertEquals(5, bundles.size(), "five languages: " + bundles);
        for (Path b : bundles) {
            for (Map.Entry<String, String> e : BundleConsistencyTest.read(b).entrySet()) {
                String v = e.getValue().replace("\n", "");
                int at = f.canDisplayUpTo(v);
                if (at >= 0) {
                    missing.add(b.getFileName() + " " + e.getKey() + ": U+" + Integer.toHexString(v.codePointAt(at)).toUpperCase()
                            + " in \u201c" + v + "\u201d");
                }
            }
        }
        assertEquals(List.of(), missing, file + " lacks glyphs");
    }

    /**
     * The texts the bundled database puts on screen: every translation of a treaty, provision or event (the details
     * show them in the reader's language), every English title and summary, and every place name the name table
     * lists. A translation with a letter the font lacks would be a box in the details.
     */
    @ParameterizedTest
    @ValueSource(strings = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"})
    void everyTextAndNameOfTheBundledDatabaseCanBeDrawn(String file) throws Exception {
        Face f = font(file);
        Path db = Path.of(System.getProperty("atlas.assets", "assets"), "atlas.sqlite");
        List<String> missing = new ArrayList<>();
        int translations = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro&immutable=1");
                Statement st = c.createStatement()) {
            String sql = "SELECT 'translation ' || record_key || ' ' || field || ' ' || lang, text FROM translation"
                    + " UNION ALL SELECT 'treaty ' || key, title_en || ' ' || coalesce(summary_en, '') FROM treaty"
                    + " UNION ALL SELECT 'provision ' || key, title_en || ' ' || summary_en FROM provision"
                    + " UNION ALL SELECT 'event ' || key, title_en || ' ' || coalesce(summary_en, '') || ' ' || coalesce(notes, '') FROM event"
                    + " UNION ALL SELECT 'name ' || feature_key || ' ' || lang, name FROM name";
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String where = rs.getString(1);
                    String v = rs.getString(2).replace("\n", "");
                    if (where.startsWith("translation ")) translations++;
                    int at = f.canDisplayUpTo(v);
                    if (at >= 0) {
                        missing.add(where + ": U+" + Integer.toHexString(v.codePointAt(at)).toUpperCase() + " in \u201c" + v + "\u201d");
                    }
                }
            }
        }
        assertTrue(translations > 0, "the bundled database " + db + " has no translations to check");
        assertEquals(List.of(), missing, file + " lacks glyphs for texts of the bundled database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"})
    void theLettersOfKyrgyzTajikAndUzbekAreThere(String file) throws Exception {
        Face f = font(file);
        // Kyrgyz ң ө ү, Tajik ғ қ ҳ ҷ ӣ ӯ (and capitals), Uzbek oʻ gʻ with U+02BB and the tutuq belgisi U+02BC
        String letters = "ңөүҢӨҮ" + "ғқҳҷӣӯҒҚҲҶӢӮ" + "oʻgʻOʻGʻʼ";
        assertEquals(-1, f.canDisplayUpTo(letters), () -> "missing U+" + Integer.toHexString(letters.charAt(f.canDisplayUpTo(letters))));
        // and the check can fail: DejaVu Sans has no CJK ideographs
        assertEquals(1, f.canDisplayUpTo("a\u4e2d"), "the check sees a missing glyph");
    }
}
