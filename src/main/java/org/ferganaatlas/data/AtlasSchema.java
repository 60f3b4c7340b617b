package org.ferganaatlas.data;

/**
 * Facts about the bundled database's layout that the builder and the app share.
 * The DDL itself lives with the builder ({@code src/build/resources/.../schema.sql}) and is
 * documented in {@code docs/SCHEMA.md}.
 */
public final class AtlasSchema {
    private AtlasSchema() {}

    /** Bump when a table, a column meaning or {@code TextFold} changes; the app refuses other versions. */
    public static final int SCHEMA_VERSION = 2;

    /** Levels of detail stored in {@code geometry.lod}, coarsest first. */
    public static final int LOD_COUNT = 4;

    /** Douglas-Peucker/coverage simplification tolerance per LOD, in degrees (0 = full detail). */
    public static final double[] LOD_TOLERANCE_DEG = {0.004, 0.001, 0.00025, 0.0};

    /** The highest map zoom served by each LOD (inclusive); the last LOD serves everything above. */
    public static final int[] LOD_MAX_ZOOM = {7, 9, 11, Integer.MAX_VALUE};

    /** The region the atlas covers and clips its data to: west, south, east, north (degrees). */
    public static final double WEST = 68.5, SOUTH = 39.0, EAST = 74.5, NORTH = 42.2;

    /** The LOD to draw at a map zoom level. */
    public static int lodForZoom(double zoom) {
        for (int lod = 0; lod < LOD_COUNT; lod++) {
            if (zoom <= LOD_MAX_ZOOM[lod]) {
                return lod;
            }
        }
        return LOD_COUNT - 1;
    }
}
