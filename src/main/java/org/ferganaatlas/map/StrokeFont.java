package org.ferganaatlas.map;

import java.awt.geom.Path2D;
import java.util.Map;

/**
 * A tiny built-in stroke font for graticule labels (digits, {@code ° ′ N S E W}). The basemap does not use AWT fonts:
 * initialising them makes the JDK look up the machine's host name (for its fontconfig cache file), which on a PC
 * with a broken network can stall, costs start-up time, and would count as a network attempt. Glyphs are polylines on
 * a 4 × 6 unit grid (y down, baseline at 6), drawn by stroking.
 */
final class StrokeFont {
    private StrokeFont() {}

    private static final Map<Character, double[][]> GLYPHS = Map.ofEntries(
            Map.entry('0', new double[][] {{1, 0, 3, 0, 4, 1, 4, 5, 3, 6, 1, 6, 0, 5, 0, 1, 1, 0}}),
            Map.entry('1', new double[][] {{0.8, 1.2, 2.2, 0, 2.2, 6}}),
            Map.entry('2', new double[][] {{0, 1, 1, 0, 3, 0, 4, 1, 4, 2.2, 0, 6, 4, 6}}),
            Map.entry('3', new double[][] {{0, 0, 4, 0, 2, 2.5, 3, 2.5, 4, 3.5, 4, 5, 3, 6, 1, 6, 0, 5}}),
            Map.entry('4', new double[][] {{3, 6, 3, 0, 0, 4.2, 4, 4.2}}),
            Map.entry('5', new double[][] {{4, 0, 0.3, 0, 0, 2.6, 3, 2.4, 4, 3.4, 4, 5, 3, 6, 0, 6}}),
            Map.entry('6', new double[][] {{3.6, 0, 1.6, 0, 0, 2, 0, 5, 1, 6, 3, 6, 4, 5, 4, 3.6, 3, 2.7, 1, 2.7, 0, 3.4}}),
            Map.entry('7', new double[][] {{0, 0, 4, 0, 1.4, 6}}),
            Map.entry('8', new double[][] {{1, 0, 3, 0, 4, 1, 4, 2, 3, 2.8, 1, 2.8, 0, 2, 0, 1, 1, 0},
                {1, 2.8, 0, 3.8, 0, 5, 1, 6, 3, 6, 4, 5, 4, 3.8, 3, 2.8}}),
            Map.entry('9', new double[][] {{0.4, 6, 2.4, 6, 4, 4, 4, 1, 3, 0, 1, 0, 0, 1, 0, 2.4, 1, 3.3, 3, 3.3, 4, 2.6}}),
            Map.entry('°', new double[][] {{0.6, 0, 1.4, 0, 2, 0.6, 2, 1.4, 1.4, 2, 0.6, 2, 0, 1.4, 0, 0.6, 0.6, 0}}),
            Map.entry('′', new double[][] {{1.1, 0, 0.5, 2}}),
            Map.entry('N', new double[][] {{0, 6, 0, 0, 4, 6, 4, 0}}),
            Map.entry('S', new double[][] {{4, 1, 3, 0, 1, 0, 0, 1, 0, 2, 1, 3, 3, 3, 4, 4, 4, 5, 3, 6, 1, 6, 0, 5}}),
            Map.entry('E', new double[][] {{4, 0, 0, 0, 0, 6, 4, 6}, {0, 3, 3, 3}}),
            Map.entry('W', new double[][] {{0, 0, 1, 6, 2, 2, 3, 6, 4, 0}}));

    private static final Map<Character, Double> WIDTHS = Map.of('°', 2.0, '′', 1.2, '1', 2.6);

    /** The text's outline as polylines, {@code size} pixels tall (cap height), baseline-left at (x, y). */
    static Path2D.Double outline(String text, double x, double y, double size) {
        double u = size / 6.0;
        Path2D.Double p = new Path2D.Double();
        double pen = x;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double[][] glyph = GLYPHS.get(c);
            double w = WIDTHS.getOrDefault(c, 4.0);
            if (glyph != null) {
                for (double[] line : glyph) {
                    p.moveTo(pen + line[0] * u, y - size + line[1] * u);
                    for (int k = 2; k < line.length; k += 2) {
                        p.lineTo(pen + line[k] * u, y - size + line[k + 1] * u);
                    }
                }
            }
            pen += (w + 1.6) * u;
        }
        return p;
    }

    /** Advance width of the text in pixels at {@code size}. */
    static double width(String text, double size) {
        double u = size / 6.0, w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += (WIDTHS.getOrDefault(text.charAt(i), 4.0) + 1.6) * u;
        }
        return w;
    }
}
