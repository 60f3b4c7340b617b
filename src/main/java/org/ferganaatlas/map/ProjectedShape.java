package org.ferganaatlas.map;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.ferganaatlas.model.GeoConventions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A geometry projected once to Web Mercator world units (0..1, see {@link GeoConventions}), so that drawing a tile
 * is a linear transform. Long rings and lines are split into runs of {@value #RUN} vertices with their own bounding
 * boxes, so that a tile touching a small part of a long border only looks at the runs near it.
 */
final class ProjectedShape {
    static final int RUN = 64;

    /** One ring or line: xy interleaved, with per-run bounding boxes (minX, minY, maxX, maxY per run). */
    static final class Part {
        final double[] xy;
        final double[] runBoxes;
        final double minX, minY, maxX, maxY;

        Part(double[] xy) {
            this.xy = xy;
            int n = xy.length / 2;
            int runs = Math.max(1, (n - 1 + RUN - 1) / RUN);
            runBoxes = new double[runs * 4];
            double aMinX = Double.MAX_VALUE, aMinY = Double.MAX_VALUE, aMaxX = -Double.MAX_VALUE, aMaxY = -Double.MAX_VALUE;
            for (int r = 0; r < runs; r++) {
                int from = r * RUN;
                int to = Math.min(n - 1, from + RUN);
                double bMinX = Double.MAX_VALUE, bMinY = Double.MAX_VALUE, bMaxX = -Double.MAX_VALUE, bMaxY = -Double.MAX_VALUE;
                for (int i = from; i <= to; i++) {
                    double x = xy[2 * i], y = xy[2 * i + 1];
                    bMinX = Math.min(bMinX, x);
                    bMaxX = Math.max(bMaxX, x);
                    bMinY = Math.min(bMinY, y);
                    bMaxY = Math.max(bMaxY, y);
                }
                runBoxes[4 * r] = bMinX;
                runBoxes[4 * r + 1] = bMinY;
                runBoxes[4 * r + 2] = bMaxX;
                runBoxes[4 * r + 3] = bMaxY;
                aMinX = Math.min(aMinX, bMinX);
                aMinY = Math.min(aMinY, bMinY);
                aMaxX = Math.max(aMaxX, bMaxX);
                aMaxY = Math.max(aMaxY, bMaxY);
            }
            minX = aMinX;
            minY = aMinY;
            maxX = aMaxX;
            maxY = aMaxY;
        }

        boolean intersects(double x0, double y0, double x1, double y1) {
            return maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
        }

        boolean inside(double x0, double y0, double x1, double y1) {
            return minX >= x0 && maxX <= x1 && minY >= y0 && maxY <= y1;
        }
    }

    /** Polygon rings (shells and holes; filled even-odd). */
    final List<Part> rings;
    /** Lines. */
    final List<Part> lines;
    final long coordinateCount;

    private ProjectedShape(List<Part> rings, List<Part> lines, long coordinateCount) {
        this.rings = rings;
        this.lines = lines;
        this.coordinateCount = coordinateCount;
    }

    /** Projects a JTS geometry (x = lon, y = lat). Points are dropped: the basemap draws none. */
    static ProjectedShape of(Geometry g) {
        List<Part> rings = new ArrayList<>();
        List<Part> lines = new ArrayList<>();
        collect(g, rings, lines);
        long n = 0;
        for (Part p : rings) {
            n += p.xy.length / 2;
        }
        for (Part p : lines) {
            n += p.xy.length / 2;
        }
        return new ProjectedShape(List.copyOf(rings), List.copyOf(lines), n);
    }

    private static void collect(Geometry g, List<Part> rings, List<Part> lines) {
        if (g instanceof Polygon p) {
            addIfReal(project(p.getExteriorRing()), rings, 4);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                addIfReal(project(p.getInteriorRingN(i)), rings, 4);
            }
        } else if (g instanceof LineString l) { // includes LinearRing
            addIfReal(project(l), lines, 2);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) {
                    collect(part, rings, lines);
                }
            }
        }
    }

    private static void addIfReal(double[] xy, List<Part> out, int minVertices) {
        if (xy.length / 2 >= minVertices) {
            out.add(new Part(xy));
        }
    }

    private static double[] project(LineString l) {
        Coordinate[] cs = l.getCoordinates();
        double[] xy = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            xy[2 * i] = GeoConventions.lonToWorldX(cs[i].x);
            xy[2 * i + 1] = GeoConventions.latToWorldY(cs[i].y);
        }
        return xy;
    }

    // ------------------------------------------------------------------ drawing into a tile

    /**
     * Appends the rings clipped to the rectangle {@code [x0,x1]×[y0,y1]} (world units) to {@code path}, in pixels:
     * {@code px = (x - ox) * scale}. Clipping is Sutherland–Hodgman per ring, which is exact for even-odd fill
     * (its degenerate edges run along the clip rectangle, which lies outside the visible tile).
     */
    void appendRings(Path2D.Double path, double x0, double y0, double x1, double y1, double ox, double oy, double scale,
                     Scratch sc) {
        for (Part ring : rings) {
            if (!ring.intersects(x0, y0, x1, y1)) {
                continue;
            }
            if (ring.inside(x0, y0, x1, y1)) {
                appendPolyline(path, ring.xy, ring.xy.length / 2, ox, oy, scale, true);
                continue;
            }
            int count = gatherRing(ring, x0, y0, x1, y1, sc);
            double[] in = sc.gathered;
            for (int edge = 0; edge < 4 && count > 0; edge++) {
                double[] out = sc.buffer(edge % 2, 4 * count + 8);
                count = clipEdge(in, count, out, edge, x0, y0, x1, y1);
                in = out;
            }
            if (count >= 3) {
                appendPolyline(path, in, count, ox, oy, scale, true);
            }
        }
    }

    /** Per-thread work arrays for clipping (shapes are shared between rendering threads). */
    static final class Scratch {
        double[] gathered = new double[256];
        private final double[][] buffers = {new double[256], new double[256]};

        double[] buffer(int which, int minLength) {
            if (buffers[which].length < minLength) {
                buffers[which] = new double[Math.max(minLength, buffers[which].length * 2)];
            }
            return buffers[which];
        }
    }

    /**
     * Copies the ring's vertices into {@code sc.gathered}, replacing every run whose bounding box misses the
     * rectangle by its first vertex (a straight chord). The area between a run and its chord lies in the run's
     * convex hull, hence outside the rectangle, so the clipped result is unchanged. Returns the vertex count.
     */
    private static int gatherRing(Part ring, double x0, double y0, double x1, double y1, Scratch sc) {
        double[] xy = ring.xy;
        int n = xy.length / 2;
        if (sc.gathered.length < xy.length) {
            sc.gathered = new double[xy.length];
        }
        double[] g = sc.gathered;
        double[] rb = ring.runBoxes;
        int out = 0;
        int runs = rb.length / 4;
        for (int r = 0; r < runs; r++) {
            int from = r * RUN;
            int to = Math.min(n - 1, from + RUN);
            boolean outside = rb[4 * r + 2] < x0 || rb[4 * r] > x1 || rb[4 * r + 3] < y0 || rb[4 * r + 1] > y1;
            // run r spans vertices [from, to]; vertex 'to' starts the next run, so emit [from, to) here
            if (outside) {
                g[2 * out] = xy[2 * from];
                g[2 * out + 1] = xy[2 * from + 1];
                out++;
            } else {
                System.arraycopy(xy, 2 * from, g, 2 * out, 2 * (to - from));
                out += to - from;
            }
        }
        g[2 * out] = xy[2 * (n - 1)];
        g[2 * out + 1] = xy[2 * (n - 1) + 1];
        return out + 1;
    }

    /** One Sutherland–Hodgman pass against edge 0 = left, 1 = right, 2 = top, 3 = bottom. */
    private static int clipEdge(double[] in, int n, double[] out, int edge, double x0, double y0, double x1, double y1) {
        int m = 0;
        if (n == 0) {
            return 0;
        }
        double px = in[2 * (n - 1)], py = in[2 * (n - 1) + 1];
        boolean pIn = insideEdge(px, py, edge, x0, y0, x1, y1);
        for (int i = 0; i < n; i++) {
            double cx = in[2 * i], cy = in[2 * i + 1];
            boolean cIn = insideEdge(cx, cy, edge, x0, y0, x1, y1);
            if (cIn != pIn) {
                double t;
                double ix, iy;
                if (edge < 2) {
                    double ex = edge == 0 ? x0 : x1;
                    t = (ex - px) / (cx - px);
                    ix = ex;
                    iy = py + t * (cy - py);
                } else {
                    double ey = edge == 2 ? y0 : y1;
                    t = (ey - py) / (cy - py);
                    ix = px + t * (cx - px);
                    iy = ey;
                }
                out[2 * m] = ix;
                out[2 * m + 1] = iy;
                m++;
            }
            if (cIn) {
                out[2 * m] = cx;
                out[2 * m + 1] = cy;
                m++;
            }
            px = cx;
            py = cy;
            pIn = cIn;
        }
        return m;
    }

    private static boolean insideEdge(double x, double y, int edge, double x0, double y0, double x1, double y1) {
        switch (edge) {
            case 0: return x >= x0;
            case 1: return x <= x1;
            case 2: return y >= y0;
            default: return y <= y1;
        }
    }

    /**
     * Appends the lines to {@code path} in pixels, skipping runs and segments that lie wholly outside the rectangle
     * (Cohen–Sutherland outcodes); segments that cross it are kept whole (Java2D clips them to the image).
     */
    void appendLines(Path2D.Double path, double x0, double y0, double x1, double y1, double ox, double oy, double scale) {
        for (Part line : lines) {
            if (!line.intersects(x0, y0, x1, y1)) {
                continue;
            }
            double[] xy = line.xy;
            int n = xy.length / 2;
            boolean penDown = false;
            int runs = line.runBoxes.length / 4;
            for (int r = 0; r < runs; r++) {
                double[] rb = line.runBoxes;
                if (rb[4 * r + 2] < x0 || rb[4 * r] > x1 || rb[4 * r + 3] < y0 || rb[4 * r + 1] > y1) {
                    penDown = false;
                    continue;
                }
                int from = r * RUN;
                int to = Math.min(n - 1, from + RUN);
                for (int i = from; i < to; i++) {
                    double ax = xy[2 * i], ay = xy[2 * i + 1], bx = xy[2 * i + 2], by = xy[2 * i + 3];
                    int ca = outcode(ax, ay, x0, y0, x1, y1);
                    int cb = outcode(bx, by, x0, y0, x1, y1);
                    if ((ca & cb) != 0) {
                        penDown = false;
                        continue;
                    }
                    if (!penDown) {
                        path.moveTo((ax - ox) * scale, (ay - oy) * scale);
                        penDown = true;
                    }
                    path.lineTo((bx - ox) * scale, (by - oy) * scale);
                }
            }
        }
    }

    private static int outcode(double x, double y, double x0, double y0, double x1, double y1) {
        int c = 0;
        if (x < x0) {
            c |= 1;
        } else if (x > x1) {
            c |= 2;
        }
        if (y < y0) {
            c |= 4;
        } else if (y > y1) {
            c |= 8;
        }
        return c;
    }

    private static void appendPolyline(Path2D.Double path, double[] xy, int n, double ox, double oy, double scale, boolean close) {
        path.moveTo((xy[0] - ox) * scale, (xy[1] - oy) * scale);
        for (int i = 1; i < n; i++) {
            path.lineTo((xy[2 * i] - ox) * scale, (xy[2 * i + 1] - oy) * scale);
        }
        if (close) {
            path.closePath();
        }
    }
}
