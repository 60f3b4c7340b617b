package org.ferganaatlas.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Large files written on the spot for the import tests (never committed): points spread over the valley with a few
 * attributes, and every 50th feature a small polygon, until the file reaches the size asked for.
 */
public final class BigFiles {
    private BigFiles() {}

    /** A GeoJSON FeatureCollection of at least {@code bytes} bytes; returns the number of features. */
    public static int geoJson(Path f, long bytes) throws IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            long written = 0;
            while (written < bytes) {
                String s = (n > 0 ? ",\n" : "") + "{\"type\":\"Feature\",\"properties\":{\"name\":\"household " + n
                        + "\",\"district\":\"Batken\",\"members\":" + (n % 9 + 1) + "},\"geometry\":" + geometry(n, true) + "}";
                w.write(s);
                written += s.length();
                n++;
            }
            w.write("\n]}\n");
        }
        return n;
    }

    /** A KML document of Placemarks of at least {@code bytes} bytes; returns the number of Placemarks. */
    public static int kml(Path f, long bytes) throws IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Folder><name>survey</name>\n");
            long written = 0;
            while (written < bytes) {
                String s = "<Placemark><name>household " + n + "</name><ExtendedData><Data name=\"members\"><value>" + (n % 9 + 1)
                        + "</value></Data></ExtendedData>" + geometry(n, false) + "</Placemark>\n";
                w.write(s);
                written += s.length();
                n++;
            }
            w.write("</Folder></Document></kml>\n");
        }
        return n;
    }

    /** A semicolon CSV with decimal commas, as Excel in a Russian locale writes it; returns the number of rows. */
    public static int csv(Path f, long bytes) throws IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("\uFEFFname;latitude;longitude;members;note\n");
            long written = 0;
            while (written < bytes) {
                double lat = lat(n), lon = lon(n);
                String s = String.format(Locale.ROOT, "household %d;%.6f;%.6f;%d;visited in spring%n", n, lat, lon, n % 9 + 1)
                        .replace('.', ',');
                w.write(s);
                written += s.length();
                n++;
            }
        }
        return n;
    }

    private static double lat(int n) {
        return 39.6 + (n * 0.618034 % 1.0) * 1.6; // the valley: 39.6..41.2 N
    }

    private static double lon(int n) {
        return 69.5 + (n * 0.414214 % 1.0) * 3.5; // 69.5..73.0 E
    }

    private static String geometry(int n, boolean json) {
        double lat = lat(n), lon = lon(n);
        if (n % 50 == 49) {
            double d = 0.002;
            if (json) {
                return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                        lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
            }
            return String.format(Locale.ROOT, "<Polygon><outerBoundaryIs><LinearRing><coordinates>%.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f"
                    + "</coordinates></LinearRing></outerBoundaryIs></Polygon>", lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
        }
        return json ? String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}", lon, lat)
                : String.format(Locale.ROOT, "<Point><coordinates>%.6f,%.6f</coordinates></Point>", lon, lat);
    }
}
