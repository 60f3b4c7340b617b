package org.ferganaatlas.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a teacher drew over the map: strokes of a pen or highlighter, in geographic coordinates so that they stay on
 * their place when the map pans and zooms. A tour stop can keep one; the window shows the current one.
 * <p>
 * Coordinates are stored as JTS and GeoJSON order them: x = longitude, then y = latitude (unlike {@code MapPoint},
 * which is latitude first).
 *
 * @param strokes in the order they were drawn (later ones on top)
 */
public record Drawing(List<Stroke> strokes) {
    /** Nothing drawn. */
    public static final Drawing EMPTY = new Drawing(List.of());

    public Drawing {
        strokes = strokes == null ? List.of() : List.copyOf(strokes);
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /** This drawing with one more stroke on top. */
    public Drawing plus(Stroke s) {
        List<Stroke> l = new ArrayList<>(strokes);
        l.add(Objects.requireNonNull(s));
        return new Drawing(l);
    }

    /** This drawing without the given stroke (compared by identity of content). */
    public Drawing minus(Stroke s) {
        List<Stroke> l = new ArrayList<>(strokes);
        l.remove(s);
        return new Drawing(l);
    }

    /** What draws a stroke: an opaque pen, or a wide translucent highlighter. */
    public enum Tool {
        PEN, HIGHLIGHTER
    }

    /**
     * One stroke.
     *
     * @param tool    pen or highlighter
     * @param color   {@code #rrggbb}
     * @param widthPx line width in screen pixels (it does not grow with the zoom, like a pen on glass)
     * @param lonLat  the points, flat: lon0, lat0, lon1, lat1, … (x = longitude first); at least one point
     */
    public record Stroke(Tool tool, String color, double widthPx, double[] lonLat) {
        private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

        public Stroke {
            Objects.requireNonNull(tool, "tool");
            if (color == null || !COLOR.matcher(color).matches()) {
                throw new IllegalArgumentException("A stroke's colour is #rrggbb, not " + color);
            }
            if (!(widthPx > 0 && widthPx <= 200)) {
                throw new IllegalArgumentException("A stroke's width is 0–200 px, not " + widthPx);
            }
            Objects.requireNonNull(lonLat, "points");
            if (lonLat.length < 2 || lonLat.length % 2 != 0) {
                throw new IllegalArgumentException("A stroke has whole lon, lat pairs, at least one: " + lonLat.length + " numbers");
            }
            lonLat = lonLat.clone();
            for (int i = 0; i < lonLat.length; i += 2) {
                if (!(lonLat[i] >= -180 && lonLat[i] <= 180 && lonLat[i + 1] >= -90 && lonLat[i + 1] <= 90)) {
                    throw new IllegalArgumentException("Not a point on the earth: lon " + lonLat[i] + ", lat " + lonLat[i + 1]);
                }
            }
        }

        /** Number of points. */
        public int size() {
            return lonLat.length / 2;
        }

        public double lon(int i) {
            return lonLat[2 * i];
        }

        public double lat(int i) {
            return lonLat[2 * i + 1];
        }

        @Override
        public double[] lonLat() {
            return lonLat.clone();
        }

        // arrays compare by content, so that a drawing saved and loaded again equals the one drawn
        @Override
        public boolean equals(Object o) {
            return o instanceof Stroke s && tool == s.tool && color.equalsIgnoreCase(s.color) && widthPx == s.widthPx
                    && Arrays.equals(lonLat, s.lonLat);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tool, color.toLowerCase(java.util.Locale.ROOT), widthPx, Arrays.hashCode(lonLat));
        }

        @Override
        public String toString() {
            return tool + " " + color + " " + widthPx + "px, " + size() + " points";
        }
    }
}
