package org.ferganaatlas.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.model.GeoConventions;

/**
 * Renders mosaics of basemap tiles to PNG files to look at the style:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ferganaatlas.map.RenderSamples
 * -Dexec.args="assets/atlas.sqlite /tmp/tiles 6,9,12,14 40.53 72.0"} (database, output folder, zooms, centre lat lon;
 * an optional 6th argument is the mosaic size in tiles, default 4; {@code --fixture} as database draws the small test atlas;
 * {@code -Dstyle=contrast} draws the high-contrast style).
 */
public final class RenderSamples {
    public static void main(String[] args) throws Exception {
        Path dbFile = Path.of(args.length > 0 ? args[0] : "assets/atlas.sqlite");
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/tiles");
        String[] zooms = (args.length > 2 ? args[2] : "6,9,12,14").split(",");
        double lat = args.length > 3 ? Double.parseDouble(args[3]) : 40.6;
        double lon = args.length > 4 ? Double.parseDouble(args[4]) : 71.5;
        int n = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        Files.createDirectories(out);
        if (dbFile.toString().equals("--fixture")) { // the small test atlas of TestAtlasFile
            Files.deleteIfExists(out.resolve("fixture.sqlite"));
            dbFile = org.ferganaatlas.data.TestAtlasFile.write(out, "fixture.sqlite", String.valueOf(org.ferganaatlas.data.AtlasSchema.SCHEMA_VERSION));
        }
        try (AtlasDatabase db = AtlasDatabase.open(dbFile)) {
            TileRenderer r = new TileRenderer(db, "contrast".equals(System.getProperty("style")) ? BasemapStyle.HIGH_CONTRAST : BasemapStyle.ATLAS);
            for (String zs : zooms) {
                int z = Integer.parseInt(zs.strip());
                long cx = (long) GeoConventions.lonToTileX(lon, z) - n / 2;
                long cy = (long) GeoConventions.latToTileY(lat, z) - n / 2;
                BufferedImage mosaic = new BufferedImage(256 * n, 256 * n, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = mosaic.createGraphics();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        g.drawImage(r.render(z, cx + i, cy + j), 256 * i, 256 * j, null);
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                g.dispose();
                Path file = out.resolve("z" + z + ".png");
                ImageIO.write(mosaic, "png", file.toFile());
                System.out.println(file + "  (" + n * n + " tiles, " + ms + " ms)");
            }
        }
    }
}
