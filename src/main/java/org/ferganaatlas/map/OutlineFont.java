package org.ferganaatlas.map;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Glyph outlines of a TrueType file, so the tiles can draw the interface's typeface (the bundled DejaVu Sans)
 * without AWT's font system. {@code java.awt.Font.createFont}, or any AWT text, starts the JDK's font manager, which
 * on Linux builds {@code sun.font.FcFontConfiguration}, whose cache file name contains the host name:
 * {@code FcFontConfiguration.getFcInfoFile} calls {@code InetAddress.getLocalHost()} (measured: the test JVM's network
 * trap records "lookup &lt;host&gt;", and the first call costs about a second). {@code getLocalHost} resolves the
 * machine's own name, which goes to DNS when the name is not in the hosts file, so on an offline PC it can stall.
 * <p>
 * The file is read by Apache FontBox (already here for the PDF handouts, whose fonts it embeds), which gives each
 * glyph as a {@link GeneralPath} in font units; Java2D fills it like any shape. No AWT font class is involved. No
 * hinting (not needed with antialiasing at label sizes), no kerning or shaping (the tiles draw short Latin and
 * Cyrillic labels). Thread-safe; glyph outlines are cached.
 */
final class OutlineFont {
    /** The interface's typeface, bundled with the window's code. */
    static final String DEJAVU_SANS = "/org/ferganaatlas/gui/app/DejaVuSans.ttf";

    private static volatile OutlineFont dejaVu;

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final int unitsPerEm;
    private final double capHeight;
    private final Map<Integer, Path2D.Double> glyphs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> advances = new ConcurrentHashMap<>();

    /** The bundled DejaVu Sans, read once. */
    static OutlineFont dejaVuSans() {
        OutlineFont f = dejaVu;
        if (f == null) {
            synchronized (OutlineFont.class) {
                f = dejaVu;
                if (f == null) {
                    try (InputStream in = OutlineFont.class.getResourceAsStream(DEJAVU_SANS)) {
                        if (in == null) {
                            throw new IllegalStateException(DEJAVU_SANS + " is missing from the program");
                        }
                        f = dejaVu = new OutlineFont(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return f;
    }

    OutlineFont(byte[] bytes) throws IOException {
        // kept open for the life of the program: FontBox reads glyphs from it on demand (it is in memory)
        font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null || font.getGlyph() == null) {
            throw new IllegalArgumentException("not a TrueType font with glyf outlines and a Unicode character map");
        }
        unitsPerEm = font.getUnitsPerEm();
        int h = glyph('H');
        capHeight = h == 0 ? unitsPerEm * 0.73 : glyphPath(h).getBounds2D().getMaxY();
    }

    /** The glyph index of a character, 0 (the missing glyph) when the font lacks it. */
    int glyph(int codePoint) {
        return cmap.getGlyphId(codePoint);
    }

    /** Whether every character of {@code text} (spaces aside) has a glyph. */
    boolean canDisplay(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || glyph(cp) != 0);
    }

    /** A glyph's advance width in font units. */
    int advance(int glyph) {
        return advances.computeIfAbsent(glyph, g -> {
            try {
                return font.getAdvanceWidth(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A glyph's outline in font units (y up), empty for a blank glyph. */
    Path2D.Double glyphPath(int glyph) {
        return glyphs.computeIfAbsent(glyph, g -> {
            try {
                GlyphData d = font.getGlyph().getGlyph(g);
                GeneralPath p = d == null ? null : d.getPath();
                return p == null ? new Path2D.Double() : new Path2D.Double(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The em size in pixels that gives capital letters this height. */
    double emForCapHeight(double capHeightPx) {
        return capHeightPx * unitsPerEm / capHeight;
    }

    /** Width of {@code text} in pixels at an em size of {@code emPx}. */
    double width(String text, double emPx) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            units += advance(glyph(cp));
        }
        return units * emPx / unitsPerEm;
    }

    /** The outline of {@code text} with its baseline starting at (x, y) in pixels (y down), at an em size of {@code emPx}. */
    Path2D.Double outline(String text, double x, double y, double emPx) {
        Path2D.Double out = new Path2D.Double();
        double scale = emPx / unitsPerEm;
        double pen = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int g = glyph(cp);
            // font units are y up; the tile is y down: flip about the baseline
            AffineTransform t = new AffineTransform(scale, 0, 0, -scale, x + pen * scale, y);
            out.append(glyphPath(g).getPathIterator(t), false);
            pen += advance(g);
        }
        return out;
    }
}
