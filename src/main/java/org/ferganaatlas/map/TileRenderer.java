package org.ferganaatlas.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.logic.WeightedLruCache;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.GeoConventions;

/**
 * Draws one 256 px Web Mercator basemap tile from the atlas database with Java2D (antialiased, into a
 * {@link BufferedImage#TYPE_INT_ARGB_PRE} image). Tiles are numbered as Gluon Maps and OpenStreetMap number them:
 * {@code render(zoom, x, y)} with x growing east and y growing south (see {@link GeoConventions}); Gluon calls
 * {@code loadTile(zoom, i, j)} with {@code i} = x (column) and {@code j} = y (row).
 *
 * <p>Drawn, bottom to top: the plain background outside the atlas region, land inside it tinted by country, lakes
 * and reservoirs, rivers and canals, international borders (thin and subtle: the GUI draws the styled, interactive
 * borders on top), and a hairline graticule with degree labels at low zoom. Geometry is read at
 * {@link AtlasSchema#lodForZoom} and projected once per feature and LOD (cached, bounded).
 *
 * <p>Thread-safe: any number of threads may render at once.
 */
public final class TileRenderer {
    public static final int SIZE = GeoConventions.TILE_SIZE;
    /** Bump when the drawing changes, so that disk-cached tiles are redrawn. */
    public static final int VERSION = 2;

    /** Kinds the basemap draws. */
    static final Set<String> KINDS = Set.of("country", "enclave", "lake", "water_facility", "river", "border");
    /** Extra pixels around the tile that geometry is fetched and clipped for (line widths, label overhang). */
    private static final double MARGIN_PX = 6;
    /** Gaps between countries narrower than this on the ground are drawn as land (see {@code draw}). */
    static final double GAP_CLOSE_M = 1500;
    /** ... and never wider than this on screen, so a reservoir's real shore barely moves when seen close up. */
    static final double GAP_CLOSE_MAX_PX = 28;
    /** Budget of the projected-geometry cache, in vertices (16 bytes each plus run boxes: ~45 MB). */
    static final long SHAPE_CACHE_VERTICES = 2_500_000;

    private final AtlasDatabase db;
    private final BasemapStyle style;
    /** Projected shapes by {@code featureId * 16 + lod}, bounded by vertex count. */
    private final WeightedLruCache<Long, ProjectedShape> shapes =
            new WeightedLruCache<>(SHAPE_CACHE_VERTICES, s -> s.coordinateCount);
    private final ThreadLocal<ProjectedShape.Scratch> scratch = ThreadLocal.withInitial(ProjectedShape.Scratch::new);

    public TileRenderer(AtlasDatabase db, BasemapStyle style) {
        this.db = db;
        this.style = style;
    }

    public BasemapStyle style() {
        return style;
    }

    /** Whether a tile touches the atlas region at all (tiles that do not are plain background). */
    public static boolean touchesRegion(int zoom, long x, long y) {
        double n = GeoConventions.tilesPerSide(zoom);
        double west = GeoConventions.tileXToLon(x, zoom);
        double east = GeoConventions.tileXToLon(x + 1, zoom);
        double north = GeoConventions.tileYToLat(y, zoom);
        double south = GeoConventions.tileYToLat(y + 1, zoom);
        return x >= 0 && y >= 0 && x < n && y < n
                && east >= AtlasSchema.WEST && west <= AtlasSchema.EAST
                && north >= AtlasSchema.SOUTH && south <= AtlasSchema.NORTH;
    }

    /** A tile of plain background, for tiles outside the region or when there is no database. */
    public static BufferedImage backgroundTile(BasemapStyle style) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        java.util.Arrays.fill(pixels(img), style.outsideRegion().getRGB());
        return img;
    }

    /** The pixel array behind an image made by this class (ARGB premultiplied, row-major, 256 per row). */
    public static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** Renders tile (x, y) at {@code zoom}. */
    public BufferedImage render(int zoom, long x, long y) {
        if (!touchesRegion(zoom, x, y)) {
            return backgroundTile(style);
        }
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            draw(g, zoom, x, y);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw(Graphics2D g, int zoom, long tx, long ty) {
        double tiles = GeoConventions.tilesPerSide(zoom);
        double scale = SIZE * tiles;              // world units -> pixels
        double ox = tx / tiles, oy = ty / tiles;  // tile origin in world units
        double m = MARGIN_PX / scale;
        double x0 = ox - m, y0 = oy - m, x1 = ox + (SIZE / scale) + m, y1 = oy + (SIZE / scale) + m;

        // Background: outside the region, then the region's land that no country covers.
        g.setColor(style.outsideRegion());
        g.fillRect(0, 0, SIZE, SIZE);
        double rx0 = (GeoConventions.lonToWorldX(AtlasSchema.WEST) - ox) * scale;
        double rx1 = (GeoConventions.lonToWorldX(AtlasSchema.EAST) - ox) * scale;
        double ry0 = (GeoConventions.latToWorldY(AtlasSchema.NORTH) - oy) * scale;
        double ry1 = (GeoConventions.latToWorldY(AtlasSchema.SOUTH) - oy) * scale;
        g.setColor(style.noCountry());
        g.fill(new Rectangle2D.Double(rx0, ry0, rx1 - rx0, ry1 - ry0));

        double west = GeoConventions.worldXToLon(x0), east = GeoConventions.worldXToLon(x1);
        double north = GeoConventions.worldYToLat(y0), south = GeoConventions.worldYToLat(y1);
        int lod = AtlasSchema.lodForZoom(zoom);
        List<Feature> features = new ArrayList<>();
        for (Feature f : db.featureRepository().featuresIn(west, south, east, north, KINDS)) {
            if (f.minZoom() <= zoom) {
                features.add(f);
            }
        }
        ProjectedShape.Scratch sc = scratch.get();

        // Narrow gaps between the land polygons: the input cuts rivers out of the land as chains of slim triangles,
        // which a plain fill shows as pale shards along the Syr Darya. Every country's outline is first drawn thick in
        // its own colour (at most GAP_CLOSE_M wide on the ground), then the fills on top, so where two countries meet
        // the fills decide and only the gaps take the colour of the land beside them. The rivers and lakes drawn
        // next show the water. Clipped to the region, where the data ends.
        double gapPx = Math.min(GAP_CLOSE_MAX_PX,
                GAP_CLOSE_M / GeoConventions.metresPerPixel(GeoConventions.worldYToLat(oy + SIZE / 2.0 / scale), zoom));
        if (gapPx >= 1) {
            java.awt.Shape before = g.getClip();
            g.clip(new Rectangle2D.Double(rx0, ry0, rx1 - rx0, ry1 - ry0));
            double gm = (gapPx + MARGIN_PX) / scale;
            g.setStroke(new BasicStroke((float) gapPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Feature f : features) {
                if (f.kind().equals("country")) {
                    Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                    shape(f, lod).appendRings(p, x0 - gm, y0 - gm, x1 + gm, y1 + gm, ox, oy, scale, sc);
                    if (p.getCurrentPoint() != null) {
                        g.setColor(style.fillFor(f.country()));
                        g.draw(p);
                    }
                }
            }
            g.setClip(before);
        }

        // Land by country. Where two countries meet, the antialiased edges leave a faint seam; the border line drawn
        // below covers it (the database has a border feature for every pair of neighbours), so no seam stroke.
        for (String kind : new String[] {"country", "enclave"}) {
            for (Feature f : features) {
                if (!f.kind().equals(kind)) {
                    continue;
                }
                Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                shape(f, lod).appendRings(p, x0, y0, x1, y1, ox, oy, scale, sc);
                if (p.getCurrentPoint() == null) {
                    continue;
                }
                Color c = style.fillFor(f.country());
                g.setColor(c);
                g.fill(p);
            }
        }

        // Lakes and reservoirs.
        Path2D.Double water = new Path2D.Double(Path2D.WIND_NON_ZERO);
        Path2D.Double canals = new Path2D.Double();
        for (Feature f : features) {
            if (f.kind().equals("lake") || f.kind().equals("water_facility")) {
                ProjectedShape s = shape(f, lod);
                Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                s.appendRings(p, x0, y0, x1, y1, ox, oy, scale, sc);
                if (p.getCurrentPoint() != null) {
                    g.setColor(style.waterFill());
                    g.fill(p);
                    water.append(p, false);
                }
                s.appendLines(canals, x0, y0, x1, y1, ox, oy, scale);
            }
        }
        if (water.getCurrentPoint() != null) {
            g.setColor(style.waterEdge());
            g.setStroke(new BasicStroke(style.waterEdgeWidth(zoom), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(water);
        }

        // Rivers, smaller ones first so the big ones sit on top at confluences.
        List<Feature> rivers = new ArrayList<>();
        for (Feature f : features) {
            if (f.kind().equals("river")) {
                rivers.add(f);
            }
        }
        rivers.sort(Comparator.comparingInt(Feature::rank).reversed());
        g.setColor(style.river());
        if (canals.getCurrentPoint() != null) {
            g.setStroke(new BasicStroke(style.riverWidth(zoom, 3), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(canals);
        }
        for (Feature f : rivers) {
            Path2D.Double p = new Path2D.Double();
            ProjectedShape s = shape(f, lod);
            s.appendLines(p, x0, y0, x1, y1, ox, oy, scale);
            s.appendRings(p, x0, y0, x1, y1, ox, oy, scale, sc); // a river stored as an area (wide reach)
            if (p.getCurrentPoint() != null) {
                g.setStroke(new BasicStroke(style.riverWidth(zoom, f.rank()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(p);
            }
        }

        // International borders: thin and quiet, the interactive overlay draws the emphasis.
        Path2D.Double borders = new Path2D.Double();
        for (Feature f : features) {
            if (f.kind().equals("border")) {
                shape(f, lod).appendLines(borders, x0, y0, x1, y1, ox, oy, scale);
            }
        }
        if (borders.getCurrentPoint() != null) {
            g.setColor(style.border());
            g.setStroke(new BasicStroke(style.borderWidth(zoom), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(borders);
        }

        // The graticule stays inside the atlas region, like the data (tiles outside it are plain).
        java.awt.Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(rx0, ry0, rx1 - rx0, ry1 - ry0));
        drawGraticule(g, zoom, ox, oy, scale);
        g.setClip(clip);
    }

    private void drawGraticule(Graphics2D g, int zoom, double ox, double oy, double scale) {
        double step = style.graticuleStepDeg(zoom);
        boolean labels = style.graticuleLabels(zoom);
        double labelPx = labels ? 60 : 0; // labels may hang into this tile from an intersection outside it
        double west = GeoConventions.worldXToLon(ox - labelPx / scale);
        double east = GeoConventions.worldXToLon(ox + (SIZE + 2) / scale);
        double north = GeoConventions.worldYToLat(oy - 16 / scale);
        double south = GeoConventions.worldYToLat(oy + (SIZE + labelPx) / scale);
        long i0 = (long) Math.floor(west / step), i1 = (long) Math.ceil(east / step);
        long j0 = (long) Math.floor(south / step), j1 = (long) Math.ceil(north / step);
        if (i1 - i0 > 64 || j1 - j0 > 64) {
            return;
        }
        g.setColor(style.graticule());
        g.setStroke(new BasicStroke(0.6f));
        for (long i = i0; i <= i1; i++) {
            double px = (GeoConventions.lonToWorldX(i * step) - ox) * scale;
            if (px >= -1 && px <= SIZE + 1) {
                g.draw(new Line2D.Double(px, 0, px, SIZE));
            }
        }
        for (long j = j0; j <= j1; j++) {
            double py = (GeoConventions.latToWorldY(j * step) - oy) * scale;
            if (py >= -1 && py <= SIZE + 1) {
                g.draw(new Line2D.Double(0, py, SIZE, py));
            }
        }
        if (!labels) {
            return;
        }
        // Label only every stride-th line each way, so labelled intersections are at least ~320 px apart.
        double stepPx = (GeoConventions.lonToWorldX(step) - GeoConventions.lonToWorldX(0)) * scale;
        long stride = Math.max(1, (long) Math.ceil(320 / stepPx));
        for (long i = i0; i <= i1; i++) {
            for (long j = j0; j <= j1; j++) {
                if (Math.floorMod(i, stride) != 0 || Math.floorMod(j, stride) != 0) {
                    continue;
                }
                double lon = i * step, lat = j * step;
                if (lon < AtlasSchema.WEST - step || lon > AtlasSchema.EAST + step
                        || lat < AtlasSchema.SOUTH - step || lat > AtlasSchema.NORTH + step) {
                    continue;
                }
                double px = (GeoConventions.lonToWorldX(lon) - ox) * scale;
                double py = (GeoConventions.latToWorldY(lat) - oy) * scale;
                drawLabel(g, formatDegrees(lat, step, 'N', 'S'), px + 3, py - 3);
                drawLabel(g, formatDegrees(lon, step, 'E', 'W'), px + 3, py + 3 + style.labelSize());
            }
        }
    }

    /** Draws a label with a halo; labels are placed in world pixels, so neighbouring tiles draw the same pixels. */
    private void drawLabel(Graphics2D g, String text, double x, double y) {
        double size = style.labelSize();
        // the interface's typeface, DejaVu Sans, from its own file: no AWT font (OutlineFont says why)
        OutlineFont font = OutlineFont.dejaVuSans();
        double em = font.emForCapHeight(size);
        if (x > SIZE + 2 || y < -2 || y > SIZE + size + 4 || x + font.width(text, em) < -2) {
            return;
        }
        Path2D.Double outline = font.outline(text, x, y, em);
        g.setColor(style.labelHalo());
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(style.graticuleLabel());
        g.fill(outline);
    }

    /** 40° N as "40°N", 40.5 as "40°30′N" (the graticule steps are whole minutes). */
    static String formatDegrees(double value, double step, char positive, char negative) {
        char hemi = value >= 0 ? positive : negative;
        double a = Math.abs(value);
        long totalMinutes = Math.round(a * 60);
        long deg = totalMinutes / 60, min = totalMinutes % 60;
        if (min == 0) {
            return String.format(Locale.ROOT, "%d°%c", deg, hemi);
        }
        return String.format(Locale.ROOT, "%d°%02d′%c", deg, min, hemi);
    }

    private ProjectedShape shape(Feature f, int lod) {
        long key = f.id() * 16 + lod;
        ProjectedShape s = shapes.get(key);
        if (s == null) {
            s = db.featureRepository().geometry(f.id(), lod).map(ProjectedShape::of).orElse(EMPTY);
            shapes.put(key, s);
        }
        return s;
    }

    private static final ProjectedShape EMPTY = ProjectedShape.of(new org.locationtech.jts.geom.GeometryFactory().createPoint());
}
