package org.ferganaatlas.build;

import org.ferganaatlas.data.AtlasSchema;
import org.locationtech.jts.geom.Polygon;

/** The clip frame: west, south, east, north in degrees. */
record Region(double west, double south, double east, double north) {
    static final Region ATLAS = new Region(AtlasSchema.WEST, AtlasSchema.SOUTH, AtlasSchema.EAST, AtlasSchema.NORTH);

    boolean contains(double lat, double lon) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    Polygon polygon() {
        return Geo.rect(west, south, east, north);
    }

    String gmt() {
        return fmt(west) + "/" + fmt(east) + "/" + fmt(south) + "/" + fmt(north);
    }

    static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "[" + fmt(west) + "," + fmt(south) + "," + fmt(east) + "," + fmt(north) + "]";
    }
}
