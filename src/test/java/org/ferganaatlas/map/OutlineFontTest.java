package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.ferganaatlas.nonet.NetworkTrap;
import org.junit.jupiter.api.Test;

/**
 * The tiles' font (FontBox's reading of the bundled DejaVu Sans, from the program's own copy) against the file on
 * disk: every letter of the five languages has its glyph, advance and outline, composite glyphs included; the text
 * lands where it is asked; and no network on the way.
 */
class OutlineFontTest {
    static final Path TTF = Path.of("src/main/resources/org/ferganaatlas/gui/app/DejaVuSans.ttf");
    // Latin, Russian, Kyrgyz ң ө ү, Tajik ғ қ ҳ ҷ ӣ ӯ, Uzbek ʻ, and the graticule's ° ′
    static final String TEXT = "0123456789°′NSEW Khujand Xoʻjand Худжанд ЁёЙй ңөүҢӨҮ ғқҳҷӣӯҒҚҲҶӢӮ";

    @Test
    void glyphsAdvancesAndOutlinesMatchFontBox() throws Exception {
        OutlineFont ours = OutlineFont.dejaVuSans();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(TTF.toFile()))) {
            var cmap = ttf.getUnicodeCmapLookup();
            for (int cp : TEXT.codePoints().filter(c -> c != ' ').toArray()) {
                String ch = new String(Character.toChars(cp));
                int gid = cmap.getGlyphId(cp);
                assertTrue(gid != 0, ch + " is in DejaVu Sans");
                assertEquals(gid, ours.glyph(cp), "glyph of " + ch);
                assertEquals(ttf.getAdvanceWidth(gid), ours.advance(gid), "advance of " + ch);
                GlyphData g = ttf.getGlyph().getGlyph(gid);
                Rectangle2D want = g.getPath().getBounds2D();
                Rectangle2D got = ours.glyphPath(gid).getBounds2D();
                assertFalse(got.isEmpty(), ch + " has an outline");
                assertEquals(want.getMinX(), got.getMinX(), 1.0, "left of " + ch);
                assertEquals(want.getMaxX(), got.getMaxX(), 1.0, "right of " + ch);
                assertEquals(want.getMinY(), got.getMinY(), 1.0, "bottom of " + ch);
                assertEquals(want.getMaxY(), got.getMaxY(), 1.0, "top of " + ch);
            }
        }
    }

    @Test
    void aMissingCharacterIsGlyphZero() {
        assertEquals(0, OutlineFont.dejaVuSans().glyph(0x4E00), "DejaVu Sans has no CJK");
        assertFalse(OutlineFont.dejaVuSans().canDisplay("苦盏"));
        assertTrue(OutlineFont.dejaVuSans().canDisplay(TEXT));
    }

    @Test
    void capHeightAndWidthScaleWithTheSize() {
        OutlineFont f = OutlineFont.dejaVuSans();
        double em = f.emForCapHeight(10);
        Rectangle2D h = f.outline("H", 0, 100, em).getBounds2D();
        assertEquals(10, h.getHeight(), 0.05, "capital H is as tall as asked");
        assertEquals(100, h.getMaxY(), 0.05, "standing on the baseline (y down)");
        assertEquals(2 * f.width("40°N", em), f.width("40°N", 2 * em), 1e-9);
    }

    @Test
    void drawingTextTouchesNoNetwork() {
        int before = NetworkTrap.attempts().size();
        BufferedImage img = new BufferedImage(120, 30, BufferedImage.TYPE_INT_ARGB_PRE);
        var g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.fill(OutlineFont.dejaVuSans().outline("Хуҷанд 40°N", 2, 20, 14));
        g.dispose();
        int inked = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) >>> 24) > 0) inked++;
            }
        }
        assertTrue(inked > 100, "the text was drawn: " + inked + " pixels");
        assertEquals(before, NetworkTrap.attempts().size(), "no host-name lookup: " + NetworkTrap.attempts());
    }
}
