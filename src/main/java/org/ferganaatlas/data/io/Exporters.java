package org.ferganaatlas.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.io.kml.KMLWriter;

/**
 * Writes features (a user layer, notes, the affected-places table) as GeoJSON (RFC 7946: WGS84, no crs member,
 * counter-clockwise outer rings), KML 2.2 or CSV (UTF-8 with a byte order mark, so Excel opens Cyrillic correctly;
 * latitude and longitude columns, the shape as WKT for lines and areas). Each file is written beside its target and
 * moved into place when complete: a failed export never leaves a half-written file, and an older file of that name
 * stays until the new one is whole. What is written reads back through {@link Importers} to the same features.
 */
public final class Exporters {
    /**
     * One feature to write: its name, its shape (x = longitude, y = latitude) and its values as text. The shape may be
     * null for a row that has no location (a place no source locates): GeoJSON writes {@code "geometry": null}
     * (RFC 7946 3.2), KML a Placemark without geometry, CSV empty coordinate cells; reading such a file back reports
     * those rows as features without a location.
     */
    public record Exported(String name, Geometry geometry, Map<String, String> attributes) {}

    /** Decimal places kept: 7 is about a centimetre, more than any source of ours. */
    static final int DECIMALS = 7;

    private Exporters() {}

    /** Writes by the file's ending: .geojson/.json, .kml or .csv. */
    public static void write(Path file, String layerName, List<Exported> features) throws IOException {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".kml")) {
            atomically(file, w -> kml(w, layerName, features));
        } else if (n.endsWith(".csv")) {
            atomically(file, w -> csv(w, features));
        } else {
            atomically(file, w -> geoJson(w, features));
        }
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void atomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                body.write(w);
            }
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves a finished file written beside its target over the target, atomically where the file system can. */
    static void moveIntoPlace(Path tmp, Path file) throws IOException {
        // a temp file is private to its owner (0600); a file saved to share is readable like any other the user saves
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a picture as PNG beside {@code file} and moves it into place (never a half-written picture). */
    public static void writePng(Path file, java.awt.image.BufferedImage image) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            if (!javax.imageio.ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("No PNG writer in this Java runtime");
            }
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void geoJson(Writer w, List<Exported> features) throws IOException {
        GeoJsonWriter geometry = new GeoJsonWriter(DECIMALS);
        geometry.setEncodeCRS(false); // RFC 7946: WGS84 is implied, a crs member is not allowed
        geometry.setForceCCW(true);   // RFC 7946: outer rings counter-clockwise
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Exported f : features) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeFieldName("geometry");
                if (f.geometry() == null) {
                    g.writeNull();
                } else {
                    g.writeRawValue(geometry.write(f.geometry()));
                }
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", f.name());
                for (Map.Entry<String, String> e : f.attributes().entrySet()) {
                    if (!e.getKey().equals("name")) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void kml(Writer w, String layerName, List<Exported> features) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
            x.writeStartElement("Document");
            element(x, "name", layerName);
            for (Exported f : features) {
                x.writeStartElement("Placemark");
                element(x, "name", f.name());
                if (!f.attributes().isEmpty()) {
                    x.writeStartElement("ExtendedData");
                    for (Map.Entry<String, String> e : f.attributes().entrySet()) {
                        x.writeStartElement("Data");
                        x.writeAttribute("name", e.getKey());
                        element(x, "value", e.getValue());
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.flush();
                // JTS writes the geometry element (Point, LineString, Polygon with holes, MultiGeometry) as text
                if (f.geometry() != null) {
                    w.write(KMLWriter.writeGeometry(f.geometry(), Double.NaN, DECIMALS, false, null));
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }

    static void csv(Writer w, List<Exported> features) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        features.forEach(f -> columns.addAll(f.attributes().keySet()));
        columns.removeAll(Set.of("name", "latitude", "longitude", "wkt"));
        w.write('\uFEFF'); // Excel reads a CSV as UTF-8 only with this mark
        List<String> header = new java.util.ArrayList<>(List.of("name", "latitude", "longitude"));
        header.addAll(columns);
        header.add("wkt");
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
            p.printRecord(header);
            for (Exported f : features) {
                Point at = f.geometry() == null ? null : f.geometry() instanceof Point pt ? pt : f.geometry().getInteriorPoint();
                List<String> row = new java.util.ArrayList<>();
                row.add(f.name());
                row.add(at == null ? "" : round(at.getY())); // y = latitude
                row.add(at == null ? "" : round(at.getX())); // x = longitude
                for (String c : columns) {
                    row.add(f.attributes().getOrDefault(c, ""));
                }
                row.add(f.geometry() == null || f.geometry() instanceof Point ? "" : new org.locationtech.jts.io.WKTWriter().write(f.geometry()));
                p.printRecord(row);
            }
        }
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(DECIMALS, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
