package org.ferganaatlas.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** What the atlas writes reads back to the same features, in each format; a failed export leaves no file behind. */
class ExportersTest {
    @TempDir
    Path dir;

    private static List<Exporters.Exported> sample() throws Exception {
        WKTReader wkt = new WKTReader();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("households", "120");
        a.put("note", "moved to Жаны Достук, \"new\" houses; 2025");
        return List.of(
                new Exporters.Exported("Достук", wkt.read("POINT (70.6812345 39.9905432)"), a),
                new Exporters.Exported("Road", wkt.read("LINESTRING (70.78 39.96, 70.79 39.97, 70.8 39.975)"), Map.of("kind", "road")),
                new Exporters.Exported("Pasture with a well", wkt.read(
                        "POLYGON ((70.7 39.9, 70.8 39.9, 70.8 40, 70.7 40, 70.7 39.9), (70.72 39.92, 70.74 39.92, 70.74 39.94, 70.72 39.92))"),
                        Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"layer.geojson", "layer.kml", "layer.csv"})
    void anExportReadsBackToTheSameFeatures(String name) throws Exception {
        Path f = dir.resolve(name);
        List<Exporters.Exported> out = sample();
        Exporters.write(f, "Resettled villages", out);
        List<ImportedFeature> back = new ArrayList<>();
        ImportReport r = Importers.read(f, back::add, ImportControl.NONE);
        assertTrue(r.clean(), r.issues().toString());
        assertEquals(out.size(), back.size());
        for (int i = 0; i < out.size(); i++) {
            Exporters.Exported e = out.get(i);
            ImportedFeature b = back.get(i);
            assertEquals(e.name(), b.name());
            Geometry ge = e.geometry().norm(), gb = b.geometry().norm();
            assertTrue(ge.equalsExact(gb, 1e-7), name + ": " + ge + " came back as " + gb);
            for (Map.Entry<String, String> kv : e.attributes().entrySet()) {
                assertEquals(kv.getValue(), b.attributes().get(kv.getKey()), name + " " + kv.getKey());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"places.geojson", "places.kml", "places.csv"})
    void aRowWithoutALocationIsWrittenAndReadBackAsAFeatureWithoutOne(String name) throws Exception {
        // the affected-places table has places no source locates (Kok-Terek): they stay in the file, with no shape
        Path f = dir.resolve(name);
        List<Exporters.Exported> out = new ArrayList<>(sample());
        out.add(1, new Exporters.Exported("Kok-Terek", null, Map.of("key", "village:kok-terek")));
        Exporters.write(f, "Affected places", out);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains("Kok-Terek"), text);
        if (name.endsWith(".geojson")) {
            assertTrue(text.contains("\"geometry\":null"), "RFC 7946: an unlocated feature has a null geometry");
        }
        List<ImportedFeature> back = new ArrayList<>();
        ImportReport r = Importers.read(f, back::add, ImportControl.NONE);
        assertEquals(sample().size(), back.size(), "the located features come back");
        assertEquals(List.of("Достук", "Road", "Pasture with a well"), back.stream().map(ImportedFeature::name).toList());
        if (!name.endsWith(".kml")) {
            assertEquals(1, r.issues().size(), "the unlocated one is reported, by number: " + r.issues());
            assertEquals(2, r.issues().get(0).number());
        }
    }

    @Test
    void csvOpensInASpreadsheetAsUtf8WithLatitudeAndLongitudeColumns() throws Exception {
        Path f = dir.resolve("villages.csv");
        Exporters.write(f, "x", sample());
        byte[] bytes = Files.readAllBytes(f);
        assertEquals(0xEF, bytes[0] & 0xff, "a byte order mark, or Excel reads the Cyrillic as Windows-1252");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("name,latitude,longitude,households,note,kind,wkt\r\n"), text);
        assertTrue(text.contains("Достук,39.9905432,70.6812345,120,\"moved to Жаны Достук, \"\"new\"\" houses; 2025\""), text);
    }

    @Test
    void geoJsonFollowsRfc7946() throws Exception {
        Path f = dir.resolve("layer.geojson");
        Exporters.write(f, "x", sample());
        String text = Files.readString(f);
        assertFalse(text.contains("\"crs\""), "no crs member");
        Geometry pasture = new org.locationtech.jts.io.geojson.GeoJsonReader().read(
                text.substring(text.indexOf("{\"type\":\"Polygon\""), text.indexOf("]]]}", text.indexOf("{\"type\":\"Polygon\"")) + 4));
        assertTrue(org.locationtech.jts.algorithm.Orientation.isCCW(((org.locationtech.jts.geom.Polygon) pasture)
                .getExteriorRing().getCoordinates()), "outer ring counter-clockwise");
    }

    @Test
    void aFailedExportLeavesNoFileAndKeepsTheOldOne() throws Exception {
        Path f = dir.resolve("old.geojson");
        Files.writeString(f, "the teacher's earlier export");
        List<Exporters.Exported> broken = new ArrayList<>(sample());
        // a feature that fails half-way through the file (a null shape is a valid, unlocated feature now)
        broken.add(new Exporters.Exported("bad", sample().get(0).geometry(), new java.util.AbstractMap<String, String>() {
            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                throw new IllegalStateException("broken attributes");
            }
        }));
        assertThrows(RuntimeException.class, () -> Exporters.write(f, "x", broken));
        assertEquals("the teacher's earlier export", Files.readString(f), "the old file is untouched");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no .part file left behind");
        }
    }
}
