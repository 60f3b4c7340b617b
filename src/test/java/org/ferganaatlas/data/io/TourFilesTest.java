package org.ferganaatlas.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Tour files: our JSON format read back to the same tour, refusals that change nothing, and the KML gx:Tour. */
class TourFilesTest {
    @TempDir
    Path dir;

    static GuidedTour sample() {
        Drawing d = new Drawing(List.of(
                new Drawing.Stroke(Drawing.Tool.PEN, "#d03030", 4, new double[] {70.6427, 40.1083, 70.65, 40.11}),
                new Drawing.Stroke(Drawing.Tool.HIGHLIGHTER, "#FFDD00", 18.5, new double[] {71.1234567, 40.0319})));
        return new GuidedTour("Kyzyl-Bel and Кызыл-Бел «quotes» & <tags>", "Ms Aliyeva", null, List.of(
                new GuidedTour.Stop("The valley", "Three countries share it.", "Ask: who lives where?",
                        new ViewSnapshot(40.75, 71.6, 8.0, LocalDate.of(2020, 6, 1), Set.of("borders", "towns"), List.of(), null, null),
                        Drawing.EMPTY),
                new GuidedTour.Stop("Kyzyl-Bel", "Reopened on 13 March 2025.\nSecond line.", "",
                        new ViewSnapshot(40.1083, 70.6427123, 11.25, LocalDate.of(2025, 3, 13), Set.of("borders", "crossings"),
                                List.of("crossing:kyzyl-bel", "crossing:kairagach"), "crossing:kyzyl-bel", "treaty:kg-tj-2025"),
                        d)));
    }

    @Test
    void aTourWrittenReadsBackEqual() throws Exception {
        Path f = dir.resolve("tour.json");
        GuidedTour t = sample();
        TourFiles.write(f, t);
        assertEquals(t, TourFiles.read(f));
        String text = Files.readString(f);
        assertTrue(text.contains("\"format\" : \"fergana-atlas-tour\""), text);
        assertTrue(text.contains("\"version\" : 1"), text);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left beside the tour");
        }
    }

    @Test
    void unknownMembersOfTheSameVersionAreSkipped() throws Exception {
        Path f = dir.resolve("later.json");
        Files.writeString(f, """
                {"format": "fergana-atlas-tour", "version": 1, "title": "T", "colour": {"a": [1, 2]},
                 "stops": [{"title": "A", "view": {"lat": 40, "lon": 71, "zoom": 9, "date": "2025-03-13", "tilt": 30},
                            "sound": "x.mp3"}]}""");
        GuidedTour t = TourFiles.read(f);
        assertEquals(1, t.stops().size());
        assertEquals(9.0, t.stops().get(0).view().zoom());
        assertEquals(Drawing.EMPTY, t.stops().get(0).drawing());
    }

    private ImportException refused(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        byte[] before = Files.readAllBytes(f);
        ImportException e = assertThrows(ImportException.class, () -> TourFiles.read(f));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), "reading never changes the file");
        return e;
    }

    @Test
    void brokenForeignAndNewerFilesAreRefusedWithTheirReason() throws Exception {
        Path good = dir.resolve("good.json");
        TourFiles.write(good, sample());
        byte[] whole = Files.readAllBytes(good);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertEquals(ImportException.Problem.TRUNCATED, refused("cut.json", half).problem());
        assertEquals(ImportException.Problem.EMPTY, refused("empty.json", new byte[0]).problem());
        assertEquals(ImportException.Problem.NOT_A_TOUR, refused("text.json", "Dear colleague, here is my tour".getBytes(StandardCharsets.UTF_8)).problem());
        assertEquals(ImportException.Problem.NOT_A_TOUR, refused("layer.geojson",
                "{\"type\": \"FeatureCollection\", \"features\": []}".getBytes(StandardCharsets.UTF_8)).problem());
        assertEquals(ImportException.Problem.NOT_A_TOUR, refused("list.json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)).problem());
        ImportException newer = refused("newer.json",
                "{\"format\": \"fergana-atlas-tour\", \"version\": 2, \"title\": \"T\", \"stops\": {\"new\": \"shape\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(ImportException.Problem.NEWER_TOUR, newer.problem());
        assertEquals(List.of(2L, 1), newer.details());
        ImportException noView = refused("noview.json",
                "{\"format\": \"fergana-atlas-tour\", \"version\": 1, \"title\": \"T\", \"stops\": [{\"title\": \"A\"}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(ImportException.Problem.MALFORMED, noView.problem());
        assertTrue(String.valueOf(noView.details()).contains("no view"), noView.details()::toString);
        ImportException badPoint = refused("badpoint.json", ("{\"format\": \"fergana-atlas-tour\", \"version\": 1, \"title\": \"T\", \"stops\": "
                + "[{\"view\": {\"lat\": 140, \"lon\": 71, \"zoom\": 9, \"date\": \"2025-03-13\"}}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(ImportException.Problem.MALFORMED, badPoint.problem());
        assertEquals(ImportException.Problem.NOT_THIS_FORMAT, refused("picture.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}).problem());
    }

    @Test
    void aZoomLevelOutIsTwiceTheRange() {
        double r9 = TourFiles.zoomToLookAtRange(40, 9), r10 = TourFiles.zoomToLookAtRange(40, 10);
        assertEquals(2.0, r9 / r10, 1e-9);
        // at zoom 9 the map's 700 px show some 150 km of ground at 40° N: the camera is about as far away again
        assertTrue(r9 > 80_000 && r9 < 250_000, "range " + r9);
    }

    @Test
    void theKmlIsKml22WithAGxTourFlyingToEveryStop() throws Exception {
        Path f = dir.resolve("tour.kml");
        GuidedTour t = sample();
        TourFiles.writeKml(f, t);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setExpandEntityReferences(false);
        Document doc = dbf.newDocumentBuilder().parse(f.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("kml", root.getLocalName());
        assertEquals(TourFiles.KML_NS, root.getNamespaceURI());
        NodeList tours = doc.getElementsByTagNameNS(TourFiles.GX_NS, "Tour");
        assertEquals(1, tours.getLength());
        NodeList flights = ((Element) tours.item(0)).getElementsByTagNameNS(TourFiles.GX_NS, "FlyTo");
        assertEquals(t.stops().size(), flights.getLength());
        assertEquals(t.stops().size(), doc.getElementsByTagNameNS(TourFiles.GX_NS, "Wait").getLength());
        for (int i = 0; i < t.stops().size(); i++) {
            ViewSnapshot v = t.stops().get(i).view();
            Element lookAt = (Element) ((Element) flights.item(i)).getElementsByTagNameNS(TourFiles.KML_NS, "LookAt").item(0);
            assertEquals(v.centerLon(), Double.parseDouble(text(lookAt, "longitude")), 1e-7);
            assertEquals(v.centerLat(), Double.parseDouble(text(lookAt, "latitude")), 1e-7);
            assertEquals(Math.round(TourFiles.zoomToLookAtRange(v.centerLat(), v.zoom())), Double.parseDouble(text(lookAt, "range")), 1);
        }
        NodeList placemarks = doc.getElementsByTagNameNS(TourFiles.KML_NS, "Placemark");
        int withCoordinates = 0;
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element p = (Element) placemarks.item(i);
            if (p.getElementsByTagNameNS(TourFiles.KML_NS, "coordinates").getLength() == 0) {
                continue; // the balloon updates name placemarks by targetId
            }
            GuidedTour.Stop s = t.stops().get(withCoordinates++);
            String[] lonLat = text(p, "coordinates").split(",");
            assertEquals(s.view().centerLon(), Double.parseDouble(lonLat[0]), 1e-7, "KML coordinates are longitude first");
            assertEquals(s.view().centerLat(), Double.parseDouble(lonLat[1]), 1e-7);
            assertEquals(s.caption(), text(p, "description"));
        }
        assertEquals(t.stops().size(), withCoordinates);
        assertFalse(Files.readString(f).contains("<!DOCTYPE"));
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS(TourFiles.KML_NS, localName).item(0).getTextContent();
    }
}
