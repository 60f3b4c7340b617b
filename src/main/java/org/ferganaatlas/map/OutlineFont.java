package org.ferganaatlas.map;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Glyph outlines read straight from a TrueType file, so the tiles can draw the interface's typeface (the bundled
 * DejaVu Sans) without AWT's font system. {@code java.awt.Font.createFont}, or any AWT text, starts the JDK's font
 * manager, which on Linux builds {@code sun.font.FcFontConfiguration}, whose cache file name contains the host name:
 * {@code FcFontConfiguration.getFcInfoFile} calls {@code InetAddress.getLocalHost()} (measured: the test JVM's network
 * trap records "lookup &lt;host&gt;", and the first call costs about a second). {@code getLocalHost} resolves the machine's
 * own name, which goes to DNS when the name is not in the hosts file, so on an offline PC it can stall. This reader
 * uses no AWT font class: it parses {@code cmap} (formats 4 and 12), {@code hmtx}, {@code loca} and {@code glyf}
 * (simple and composite glyphs, quadratic contours) into {@link Path2D}s, which Java2D fills like any shape. No
 * hinting (not needed with antialiasing at label sizes), no kerning or shaping (the tiles draw short Latin and
 * Cyrillic labels). Thread-safe; glyph outlines are cached.
 */
final class OutlineFont {
    /** The interface's typeface, bundled with the window's code. */
    static final String DEJAVU_SANS = "/org/ferganaatlas/gui/app/DejaVuSans.ttf";

    private static volatile OutlineFont dejaVu;

    private final ByteBuffer data;
    private final int unitsPerEm;
    private final boolean longLoca;
    private final int numGlyphs;
    private final int numberOfHMetrics;
    private final int glyf, loca, hmtx;
    private final int cmapSubtable;
    private final int cmapFormat;
    private final double capHeight;
    private final Map<Integer, Path2D.Double> glyphs = new ConcurrentHashMap<>();

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

    OutlineFont(byte[] bytes) {
        data = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        int numTables = u16(4);
        int head = -1, maxp = -1, hhea = -1, cmap = -1, glyfAt = -1, locaAt = -1, hmtxAt = -1;
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(new byte[] {data.get(rec), data.get(rec + 1), data.get(rec + 2), data.get(rec + 3)},
                    java.nio.charset.StandardCharsets.US_ASCII);
            int offset = data.getInt(rec + 8);
            switch (tag) {
                case "head" -> head = offset;
                case "maxp" -> maxp = offset;
                case "hhea" -> hhea = offset;
                case "cmap" -> cmap = offset;
                case "glyf" -> glyfAt = offset;
                case "loca" -> locaAt = offset;
                case "hmtx" -> hmtxAt = offset;
                default -> { }
            }
        }
        if (head < 0 || maxp < 0 || hhea < 0 || cmap < 0 || glyfAt < 0 || locaAt < 0 || hmtxAt < 0) {
            throw new IllegalArgumentException("not a TrueType font with glyf outlines");
        }
        unitsPerEm = u16(head + 18);
        longLoca = data.getShort(head + 50) != 0;
        numGlyphs = u16(maxp + 4);
        numberOfHMetrics = u16(hhea + 34);
        glyf = glyfAt;
        loca = locaAt;
        hmtx = hmtxAt;
        int best = -1, bestFormat = -1;
        int subtables = u16(cmap + 2);
        for (int i = 0; i < subtables; i++) {
            int rec = cmap + 4 + 8 * i;
            int platform = u16(rec), encoding = u16(rec + 2);
            int at = cmap + data.getInt(rec + 4);
            int format = u16(at);
            boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (unicode && (format == 12 || (format == 4 && bestFormat != 12))) {
                best = at;
                bestFormat = format;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the font has no Unicode character map");
        }
        cmapSubtable = best;
        cmapFormat = bestFormat;
        int h = glyph('H');
        capHeight = h == 0 ? unitsPerEm * 0.73 : glyphPath(h).getBounds2D().getMaxY();
    }

    private int u16(int at) {
        return data.getShort(at) & 0xFFFF;
    }

    /** The glyph index of a character, 0 (the missing glyph) when the font lacks it. */
    int glyph(int codePoint) {
        if (cmapFormat == 12) {
            long groups = data.getInt(cmapSubtable + 12) & 0xFFFFFFFFL;
            for (int i = 0; i < groups; i++) {
                int g = cmapSubtable + 16 + 12 * i;
                long start = data.getInt(g) & 0xFFFFFFFFL, end = data.getInt(g + 4) & 0xFFFFFFFFL;
                if (codePoint >= start && codePoint <= end) {
                    return (int) ((data.getInt(g + 8) & 0xFFFFFFFFL) + codePoint - start);
                }
            }
            return 0;
        }
        if (codePoint > 0xFFFF) {
            return 0;
        }
        int segCount = u16(cmapSubtable + 6) / 2;
        int ends = cmapSubtable + 14;
        int starts = ends + 2 * segCount + 2;
        int deltas = starts + 2 * segCount;
        int ranges = deltas + 2 * segCount;
        for (int i = 0; i < segCount; i++) {
            int end = u16(ends + 2 * i);
            if (codePoint > end) {
                continue;
            }
            int start = u16(starts + 2 * i);
            if (codePoint < start) {
                return 0;
            }
            int delta = data.getShort(deltas + 2 * i);
            int rangeOffset = u16(ranges + 2 * i);
            if (rangeOffset == 0) {
                return (codePoint + delta) & 0xFFFF;
            }
            int g = u16(ranges + 2 * i + rangeOffset + 2 * (codePoint - start));
            return g == 0 ? 0 : (g + delta) & 0xFFFF;
        }
        return 0;
    }

    /** Whether the font has a glyph for every character of {@code text}. */
    boolean canDisplay(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || glyph(cp) != 0);
    }

    /** Advance width of a glyph in font units. */
    int advance(int glyph) {
        int i = Math.min(glyph, numberOfHMetrics - 1);
        return u16(hmtx + 4 * i);
    }

    /** The outline of a glyph in font units, y up (a shared object: do not modify). */
    Path2D.Double glyphPath(int glyph) {
        return glyphs.computeIfAbsent(glyph, g -> {
            Path2D.Double p = new Path2D.Double();
            append(p, g, new AffineTransform(), 0);
            return p;
        });
    }

    private int glyphOffset(int g) {
        return longLoca ? data.getInt(loca + 4 * g) : u16(loca + 2 * g) * 2;
    }

    private void append(Path2D.Double out, int g, AffineTransform t, int depth) {
        if (g < 0 || g >= numGlyphs || depth > 8) {
            return;
        }
        int start = glyphOffset(g), end = glyphOffset(g + 1);
        if (end <= start) {
            return; // an empty glyph (space)
        }
        int at = glyf + start;
        int contours = data.getShort(at);
        if (contours >= 0) {
            simple(out, at, contours, t);
        } else {
            composite(out, at + 10, t, depth);
        }
    }

    private void simple(Path2D.Double out, int at, int contours, AffineTransform t) {
        int[] endPts = new int[contours];
        int p = at + 10;
        for (int i = 0; i < contours; i++) {
            endPts[i] = u16(p);
            p += 2;
        }
        int n = contours == 0 ? 0 : endPts[contours - 1] + 1;
        p += 2 + u16(p); // instructions
        byte[] flags = new byte[n];
        for (int i = 0; i < n; ) {
            byte f = data.get(p++);
            flags[i++] = f;
            if ((f & 8) != 0) {
                int repeat = data.get(p++) & 0xFF;
                for (int r = 0; r < repeat && i < n; r++) {
                    flags[i++] = f;
                }
            }
        }
        double[] xs = new double[n], ys = new double[n];
        int v = 0;
        for (int i = 0; i < n; i++) {
            int f = flags[i];
            if ((f & 2) != 0) {
                int d = data.get(p++) & 0xFF;
                v += (f & 16) != 0 ? d : -d;
            } else if ((f & 16) == 0) {
                v += data.getShort(p);
                p += 2;
            }
            xs[i] = v;
        }
        v = 0;
        for (int i = 0; i < n; i++) {
            int f = flags[i];
            if ((f & 4) != 0) {
                int d = data.get(p++) & 0xFF;
                v += (f & 32) != 0 ? d : -d;
            } else if ((f & 32) == 0) {
                v += data.getShort(p);
                p += 2;
            }
            ys[i] = v;
        }
        double[] pt = new double[2];
        int first = 0;
        for (int c = 0; c < contours; c++) {
            int last = endPts[c];
            int count = last - first + 1;
            if (count > 0) {
                contour(out, xs, ys, flags, first, count, t, pt);
            }
            first = last + 1;
        }
    }

    /** One closed contour of on- and off-curve points (two off-curve points in a row imply an on-curve midpoint). */
    private static void contour(Path2D.Double out, double[] xs, double[] ys, byte[] flags, int first, int count,
                                AffineTransform t, double[] pt) {
        int startIdx = -1;
        for (int k = 0; k < count; k++) {
            if ((flags[first + k] & 1) != 0) {
                startIdx = k;
                break;
            }
        }
        double sx, sy;
        if (startIdx < 0) {
            // every point off the curve: start at the midpoint of the first two
            sx = (xs[first] + xs[first + (count > 1 ? 1 : 0)]) / 2;
            sy = (ys[first] + ys[first + (count > 1 ? 1 : 0)]) / 2;
            startIdx = 0;
        } else {
            sx = xs[first + startIdx];
            sy = ys[first + startIdx];
        }
        moveTo(out, t, pt, sx, sy);
        boolean haveControl = false;
        double cx = 0, cy = 0;
        for (int k = 1; k <= count; k++) {
            int i = first + (startIdx + k) % count;
            double x = xs[i], y = ys[i];
            boolean on = (flags[i] & 1) != 0;
            if (on) {
                if (haveControl) {
                    quadTo(out, t, pt, cx, cy, x, y);
                } else {
                    lineTo(out, t, pt, x, y);
                }
                haveControl = false;
            } else {
                if (haveControl) {
                    double mx = (cx + x) / 2, my = (cy + y) / 2;
                    quadTo(out, t, pt, cx, cy, mx, my);
                }
                cx = x;
                cy = y;
                haveControl = true;
            }
        }
        if (haveControl) {
            quadTo(out, t, pt, cx, cy, sx, sy);
        }
        out.closePath();
    }

    private static void moveTo(Path2D.Double out, AffineTransform t, double[] pt, double x, double y) {
        pt[0] = x;
        pt[1] = y;
        t.transform(pt, 0, pt, 0, 1);
        out.moveTo(pt[0], pt[1]);
    }

    private static void lineTo(Path2D.Double out, AffineTransform t, double[] pt, double x, double y) {
        pt[0] = x;
        pt[1] = y;
        t.transform(pt, 0, pt, 0, 1);
        out.lineTo(pt[0], pt[1]);
    }

    private static void quadTo(Path2D.Double out, AffineTransform t, double[] pt, double cx, double cy, double x, double y) {
        double[] q = {cx, cy, x, y};
        t.transform(q, 0, q, 0, 2);
        out.quadTo(q[0], q[1], q[2], q[3]);
    }

    private void composite(Path2D.Double out, int p, AffineTransform parent, int depth) {
        while (true) {
            int flags = u16(p);
            int component = u16(p + 2);
            p += 4;
            double dx, dy;
            if ((flags & 1) != 0) {
                dx = data.getShort(p);
                dy = data.getShort(p + 2);
                p += 4;
            } else {
                dx = data.get(p);
                dy = data.get(p + 1);
                p += 2;
            }
            if ((flags & 2) == 0) {
                dx = 0; // point-matched components are not used by the fonts we bundle
                dy = 0;
            }
            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & 8) != 0) {
                a = d = f2dot14(p);
                p += 2;
            } else if ((flags & 0x40) != 0) {
                a = f2dot14(p);
                d = f2dot14(p + 2);
                p += 4;
            } else if ((flags & 0x80) != 0) {
                a = f2dot14(p);
                b = f2dot14(p + 2);
                c = f2dot14(p + 4);
                d = f2dot14(p + 6);
                p += 8;
            }
            AffineTransform t = new AffineTransform(parent);
            t.concatenate(new AffineTransform(a, b, c, d, dx, dy));
            append(out, component, t, depth + 1);
            if ((flags & 0x20) == 0) {
                return;
            }
        }
    }

    private double f2dot14(int at) {
        return data.getShort(at) / 16384.0;
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
            AffineTransform t = new AffineTransform(scale, 0, 0, -scale, x + pen * scale, y);
            out.append(glyphPath(g).getPathIterator(t), false);
            pen += advance(g);
        }
        return out;
    }
}
