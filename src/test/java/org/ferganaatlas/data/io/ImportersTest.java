package org.ferganaatlas.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Files as QGIS, Google Earth, Marble and Excel write them, and the broken and hostile ones. */
class ImportersTest {
    @TempDir
    Path dir;

    private Path write(String name, String text, Charset cs) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private record Read(ImportReport report, List<ImportedFeature> features) {}

    private static Read read(Path f) throws ImportException {
        List<ImportedFeature> out = new ArrayList<>();
        ImportReport r = Importers.read(f, out::add, ImportControl.NONE);
        return new Read(r, out);
    }

    private static ImportException.Problem refused(Path f) {
        return assertThrows(ImportException.class, () -> read(f)).problem();
    }

    // ------------------------------------------------------------------ GeoJSON

    /** QGIS 3 "Export > Save Features As… > GeoJSON" (the 2008 crs member, name at the top, one feature per line). */
    static final String QGIS = """
            {
            "type": "FeatureCollection",
            "name": "wells",
            "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },
            "features": [
            { "type": "Feature", "properties": { "fid": 1, "name": "Well near Ak-Sai", "depth_m": 42.5, "checked": true }, "geometry": { "type": "Point", "coordinates": [ 70.8123, 39.9871 ] } },
            { "type": "Feature", "properties": { "fid": 2, "name": "Канал", "depth_m": null }, "geometry": { "type": "LineString", "coordinates": [ [ 70.5, 40.1 ], [ 70.6, 40.2 ] ] } },
            { "type": "Feature", "properties": { "fid": 3, "name": "Field with a hole" }, "geometry": { "type": "MultiPolygon", "coordinates": [ [ [ [ 70.0, 40.0 ], [ 70.1, 40.0 ], [ 70.1, 40.1 ], [ 70.0, 40.1 ], [ 70.0, 40.0 ] ], [ [ 70.02, 40.02 ], [ 70.04, 40.02 ], [ 70.04, 40.04 ], [ 70.02, 40.02 ] ] ] ] } }
            ]
            }
            """;

    @Test
    void geoJsonAsQgisWritesItIsReadWithItsPropertiesAndHoles() throws Exception {
        Read r = read(write("wells.geojson", QGIS));
        assertEquals("GeoJSON", r.report().format());
        assertTrue(r.report().clean(), r.report().issues().toString());
        assertEquals(3, r.features().size());
        ImportedFeature well = r.features().get(0);
        assertEquals("Well near Ak-Sai", well.name());
        assertEquals("42.5", well.attributes().get("depth_m"));
        assertEquals("true", well.attributes().get("checked"));
        Point p = (Point) well.geometry();
        assertEquals(70.8123, p.getX(), 1e-9, "x is the longitude");
        assertEquals(39.9871, p.getY(), 1e-9, "y is the latitude");
        assertEquals("Канал", r.features().get(1).name());
        assertFalse(r.features().get(1).attributes().containsKey("depth_m"), "a null property is no value");
        Polygon field = (Polygon) r.features().get(2).geometry().getGeometryN(0);
        assertEquals(1, field.getNumInteriorRing(), "the hole is kept");
        assertEquals(7, r.features().get(1).line(), "each feature knows its line");
    }

    @Test
    void aBareGeometryAndASingleFeatureAreLayersOfOne() throws Exception {
        assertEquals(1, read(write("p.geojson", "{\"coordinates\":[71.0,40.5],\"type\":\"Point\"}")).features().size());
        Read one = read(write("f.json", "{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"Point\",\"coordinates\":[71,40]},"
                + "\"properties\":{\"title\":\"Post\"}}"));
        assertEquals("Post", one.features().get(0).name());
        assertEquals("7", one.features().get(0).attributes().get("id"));
    }

    @Test
    void badFeaturesAreReportedByNumberAndLineAndTheRestIsRead() throws Exception {
        Read r = read(write("mixed.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[71,40]}},
                {"type":"Feature","properties":{"name":"swapped"},"geometry":{"type":"Point","coordinates":[40.2,171.5]}},
                {"type":"Feature","properties":{"name":"none"},"geometry":null},
                {"type":"Feature","properties":{"name":"words"},"geometry":{"type":"Point","coordinates":["east","north"]}}
                ]}"""));
        assertEquals(1, r.features().size());
        List<ImportIssue> issues = r.report().issues();
        assertEquals(3, issues.size(), issues.toString());
        assertEquals(2, issues.get(0).number());
        assertEquals(ImportIssue.Problem.OUT_OF_RANGE, issues.get(0).problem());
        assertEquals(3, issues.get(0).line());
        assertEquals(List.of(171.5, 40.2), issues.get(0).details(), "latitude first, as the message says it");
        assertEquals(ImportIssue.Problem.NO_GEOMETRY, issues.get(1).problem());
        assertEquals(ImportIssue.Problem.BAD_GEOMETRY, issues.get(2).problem());
    }

    @Test
    void brokenGeoJsonFilesAreRefusedWithWhatIsWrong() throws Exception {
        assertEquals(ImportException.Problem.EMPTY, refused(write("e.geojson", "  \n")));
        assertEquals(ImportException.Problem.TRUNCATED, refused(write("t.geojson", QGIS.substring(0, QGIS.length() / 2))));
        assertEquals(ImportException.Problem.MALFORMED, refused(write("m.geojson", "{\"type\": \"FeatureCollection\", \"features\": [}")));
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused(write("a.geojson", "[1,2,3]")));
        assertEquals(ImportException.Problem.OTHER_CRS, refused(write("3857.geojson", QGIS.replace("urn:ogc:def:crs:OGC:1.3:CRS84",
                "urn:ogc:def:crs:EPSG::3857"))));
        Path png = dir.resolve("picture.geojson");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused(png));
        ImportException e = assertThrows(ImportException.class, () -> read(write("deep.geojson", "[".repeat(5000))));
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, e.problem());
        e = assertThrows(ImportException.class, () -> read(write("deep2.geojson", "{\"type\":\"Feature\",\"properties\":" + "{\"a\":".repeat(5000))));
        assertTrue(e.problem() == ImportException.Problem.MALFORMED || e.problem() == ImportException.Problem.TRUNCATED, e.toString());
    }

    // ------------------------------------------------------------------ KML

    /** Google Earth Pro 7.3 "Save Place As… (.kml)": namespaces, styles, LookAt, gx:drawOrder, Folder, ExtendedData. */
    static final String GOOGLE_EARTH = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2" xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
            <Document>
            	<name>Field visit.kml</name>
            	<Style id="s_ylw-pushpin"><IconStyle><scale>1.1</scale></IconStyle></Style>
            	<Folder>
            		<name>Visit 2026</name>
            		<open>1</open>
            		<Placemark>
            			<name>Школа №3</name>
            			<description>Children cross at Kyzyl-Bel</description>
            			<LookAt><longitude>70.79</longitude><latitude>39.97</latitude><range>1200</range></LookAt>
            			<styleUrl>#s_ylw-pushpin</styleUrl>
            			<ExtendedData><Data name="pupils"><value>214</value></Data></ExtendedData>
            			<Point><gx:drawOrder>1</gx:drawOrder><coordinates>70.7912,39.9723,0</coordinates></Point>
            		</Placemark>
            		<Folder><name>Roads</name>
            		<Placemark>
            			<name>Road to the crossing</name>
            			<LineString><tessellate>1</tessellate><coordinates>70.78,39.96,0 70.79,39.97,0 70.80,39.975,0 </coordinates></LineString>
            		</Placemark>
            		</Folder>
            		<Placemark>
            			<name>Pasture</name>
            			<Polygon><tessellate>1</tessellate>
            				<outerBoundaryIs><LinearRing><coordinates>70.7,39.9,0 70.8,39.9,0 70.8,40.0,0 70.7,40.0,0 70.7,39.9,0</coordinates></LinearRing></outerBoundaryIs>
            				<innerBoundaryIs><LinearRing><coordinates>70.72,39.92,0 70.74,39.92,0 70.74,39.94,0 70.72,39.92,0</coordinates></LinearRing></innerBoundaryIs>
            			</Polygon>
            		</Placemark>
            		<Placemark>
            			<name>Two wells</name>
            			<MultiGeometry><Point><coordinates>70.71,39.91</coordinates></Point><Point><coordinates>70.72,39.91</coordinates></Point></MultiGeometry>
            		</Placemark>
            	</Folder>
            </Document>
            </kml>
            """;

    @Test
    void kmlAsGoogleEarthWritesItIsReadWithFoldersAndExtendedData() throws Exception {
        Read r = read(write("visit.kml", GOOGLE_EARTH));
        assertTrue(r.report().clean(), r.report().issues().toString());
        assertEquals(4, r.features().size());
        ImportedFeature school = r.features().get(0);
        assertEquals("Школа №3", school.name());
        assertEquals("214", school.attributes().get("pupils"));
        assertEquals("Children cross at Kyzyl-Bel", school.attributes().get("description"));
        assertEquals("Field visit.kml / Visit 2026", school.attributes().get("folder"));
        assertEquals(70.7912, school.geometry().getCoordinate().getX(), 1e-9);
        assertEquals(39.9723, school.geometry().getCoordinate().getY(), 1e-9);
        assertEquals("Field visit.kml / Visit 2026 / Roads", r.features().get(1).attributes().get("folder"));
        assertEquals(3, r.features().get(1).geometry().getNumPoints());
        assertEquals(1, ((Polygon) r.features().get(2).geometry()).getNumInteriorRing(), "the hole");
        assertEquals(2, r.features().get(3).geometry().getNumGeometries());
    }

    @Test
    void kmzIsTheKmlInsideTheZip() throws Exception {
        Path kmz = dir.resolve("visit.kmz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(kmz))) {
            z.putNextEntry(new ZipEntry("files/icon.png"));
            z.write(new byte[] {1, 2, 3});
            z.putNextEntry(new ZipEntry("doc.kml"));
            z.write(GOOGLE_EARTH.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(4, read(kmz).features().size());
        Path empty = dir.resolve("nothing.kmz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(empty))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("no kml".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused(empty));
    }

    @Test
    void hostileKmlIsRefusedWithoutReadingFilesOrExpandingEntities() throws Exception {
        Path secret = write("secret.txt", "the teacher's password");
        Path xxe = write("xxe.kml", "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&s;</name><Point><coordinates>70,40</coordinates>"
                + "</Point></Placemark></kml>");
        ImportException e = assertThrows(ImportException.class, () -> read(xxe));
        assertEquals(ImportException.Problem.UNSAFE_XML, e.problem());
        assertFalse(String.valueOf(e.getMessage()).contains("password"));
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY ").append((char) ('a' + i)).append(" \"").append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<kml><Placemark><name>&j;</name><Point><coordinates>70,40</coordinates></Point></Placemark></kml>");
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertEquals(ImportException.Problem.UNSAFE_XML, refused(write("bomb.kml", bomb.toString())));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 200L << 20, "no billion laughs: " + ((after - before) >> 20) + " MB more");
    }

    @Test
    void brokenKmlFilesAreRefusedWithWhatIsWrong() throws Exception {
        assertEquals(ImportException.Problem.EMPTY, refused(write("e.kml", "")));
        assertEquals(ImportException.Problem.TRUNCATED, refused(write("t.kml", GOOGLE_EARTH.substring(0, 900))));
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused(write("html.kml", "<html><body>not a map</body></html>")));
        Path binary = dir.resolve("program.kml");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused(binary));
        Read r = read(write("bad.kml", "<kml><Placemark><name>far</name><Point><coordinates>200,40</coordinates></Point></Placemark>"
                + "<Placemark><name>empty</name></Placemark></kml>"));
        assertEquals(0, r.features().size());
        assertEquals(List.of(ImportIssue.Problem.OUT_OF_RANGE, ImportIssue.Problem.NO_GEOMETRY),
                r.report().issues().stream().map(ImportIssue::problem).toList());
    }

    // ------------------------------------------------------------------ CSV

    /** Excel (Russian Windows) "CSV (разделители — запятые)": semicolons, decimal commas, Windows-1251, CRLF. */
    static final String EXCEL_RU = "Название;Широта;Долгота;Семей\r\nДостук;39,9905;70,6812;120\r\nЖаны Достук;40,0507;70,8174;87\r\n";

    @Test
    void csvAsExcelWritesItInARussianLocaleIsRead() throws Exception {
        Read r = read(write("villages.csv", EXCEL_RU, Charset.forName("windows-1251")));
        assertEquals("windows-1251", r.report().charset());
        assertEquals(2, r.features().size());
        ImportedFeature d = r.features().get(0);
        assertEquals("Достук", d.name());
        assertEquals("120", d.attributes().get("Семей"));
        assertEquals(70.6812, d.geometry().getCoordinate().getX(), 1e-9, "x is the longitude column");
        assertEquals(39.9905, d.geometry().getCoordinate().getY(), 1e-9, "y is the latitude column");
        Read utf8 = read(write("utf8.csv", "\uFEFF" + EXCEL_RU));
        assertEquals("UTF-8", utf8.report().charset());
        assertEquals("Достук", utf8.features().get(0).name(), "the byte order mark is not part of the first name");
        Read comma = read(write("plain.csv", "name,lat,lon,note\n\"Kyzyl-Bel, checkpoint\",39.97,70.79,\"says \"\"open\"\"\"\n"));
        assertEquals("Kyzyl-Bel, checkpoint", comma.features().get(0).name());
        assertEquals("says \"open\"", comma.features().get(0).attributes().get("note"));
    }

    @Test
    void csvRowsThatCannotBePlacedAreReportedWithTheirLine() throws Exception {
        Read r = read(write("rows.csv", "name,latitude,longitude\nA,40.1,70.2\nB,north,70.2\nC,95,70\nD,,\n"));
        assertEquals(1, r.features().size());
        assertEquals(List.of(2L, 3L, 4L), r.report().issues().stream().map(ImportIssue::number).map(Long::valueOf).toList());
        assertEquals(List.of("latitude", "north"), r.report().issues().get(0).details());
        assertEquals(ImportIssue.Problem.OUT_OF_RANGE, r.report().issues().get(1).problem());
        assertEquals(ImportException.Problem.NO_COORDINATE_COLUMNS, refused(write("nocoords.csv", "name,district\nDostuk,Batken\n")));
        assertEquals(ImportException.Problem.EMPTY, refused(write("empty.csv", "")));
    }

    @Test
    void cancellingStopsTheImport() throws Exception {
        StringBuilder big = new StringBuilder("name,lat,lon\n");
        for (int i = 0; i < 5000; i++) {
            big.append("p").append(i).append(",40.0,70.0\n");
        }
        Path f = write("big.csv", big.toString());
        int[] seen = {0};
        ImportException e = assertThrows(ImportException.class,
                () -> Importers.read(f, x -> seen[0]++, new ImportControl(b -> { }, () -> seen[0] >= 100)));
        assertEquals(ImportException.Problem.CANCELLED, e.problem());
        assertEquals(100, seen[0]);
    }

    @Test
    void theFormatIsTheEndingElseTheFirstBytes() throws Exception {
        assertEquals(Importers.Format.GEOJSON, Importers.formatOf(write("x", "  {\"type\":\"Point\"}")));
        assertEquals(Importers.Format.KML, Importers.formatOf(write("y", "<?xml version=\"1.0\"?><kml/>")));
        assertEquals(Importers.Format.CSV, Importers.formatOf(write("z", "name;lat;lon")));
        try (OutputStream o = Files.newOutputStream(dir.resolve("w"))) {
            o.write(new byte[] {'P', 'K', 3, 4});
        }
        assertEquals(Importers.Format.KMZ, Importers.formatOf(dir.resolve("w")));
    }
}
