package org.ferganaatlas.data.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferganaatlas.data.io.Exporters;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.data.io.ImportedFeature;
import org.ferganaatlas.data.io.Importers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notes exported as GeoJSON, KML and CSV read back through the importers to the same notes. */
class NoteFilesRoundTripTest {
    @TempDir
    Path dir;

    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static List<Note> notes() {
        return List.of(
                new Note(1, "village:dostuk", 40.0512345, 70.6934567, "Водопровод, Достук",
                        "Канал отремонтирован; \"новые\" трубы\nвторая строка", LocalDate.of(2025, 4, 3), "Айгүл",
                        List.of("water", "вода"), AT, AT, "/home/a/Pictures/canal 1.jpg"),
                new Note(2, null, 40.3, 71.1, "Kyzyl-Bel queue", "", null, null, List.of(), AT, AT, null),
                // a note on a feature only: placed where the feature is
                new Note(3, "crossing:kyzyl-bel", null, null, "Oʻzbekiston side", "Gʻ and oʻ kept", null, "Bobur",
                        List.of("crossing"), AT, AT, null),
                // a note on an unknown feature with no point of its own cannot be a map feature
                new Note(4, "village:gone", null, null, "Nowhere", "", null, null, List.of(), AT, AT, null));
    }

    private static Optional<NoteFiles.LatLon> place(String key) {
        return key.equals("crossing:kyzyl-bel") ? Optional.of(new NoteFiles.LatLon(39.95, 70.45)) : Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.geojson", "notes.kml", "notes.csv"})
    void exportedNotesReadBackToTheSameNotes(String name) throws Exception {
        Path f = dir.resolve(name);
        List<Exporters.Exported> out = NoteFiles.exported(notes(), NoteFilesRoundTripTest::place);
        assertEquals(3, out.size(), "the note with no place is left out");
        Exporters.write(f, "My notes", out);
        List<ImportedFeature> back = new ArrayList<>();
        ImportReport r = Importers.read(f, back::add, ImportControl.NONE);
        assertTrue(r.clean(), r.issues().toString());
        assertEquals(3, back.size());
        List<NoteDraft> drafts = back.stream().map(b -> NoteFiles.draft(b).orElseThrow()).toList();
        List<NoteDraft> expected = List.of(notes().get(0).draft(), notes().get(1).draft(),
                notes().get(2).draft().withPlace("crossing:kyzyl-bel", 39.95, 70.45));
        for (int i = 0; i < expected.size(); i++) {
            NoteDraft e = expected.get(i), b = drafts.get(i);
            assertEquals(e.title(), b.title(), name);
            assertEquals(e.text(), b.text(), name + " text");
            assertEquals(e.tags(), b.tags(), name + " tags");
            assertEquals(e.date(), b.date(), name + " date");
            assertEquals(e.author(), b.author(), name + " author");
            assertEquals(e.featureKey(), b.featureKey(), name + " place");
            assertEquals(e.photo(), b.photo(), name + " photo");
            assertEquals(e.lat(), b.lat(), 1e-7, name + " latitude");
            assertEquals(e.lon(), b.lon(), 1e-7, name + " longitude");
        }
    }

    @Test
    void theCsvOpensInASpreadsheetAsUtf8WithColumnsNamed() throws Exception {
        Path f = dir.resolve("notes.csv");
        Exporters.write(f, "My notes", NoteFiles.exported(notes(), NoteFilesRoundTripTest::place));
        byte[] bytes = Files.readAllBytes(f);
        assertTrue(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF, "a byte order mark");
        String head = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals("\uFEFFname,latitude,longitude,text,date,author,tags,place,photo,wkt", head);
    }

    @Test
    void aFeatureWithoutTitleOrPointIsNoNote() throws Exception {
        var gf = new org.locationtech.jts.geom.GeometryFactory();
        var line = gf.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(70, 40), new org.locationtech.jts.geom.Coordinate(71, 41)});
        var point = gf.createPoint(new org.locationtech.jts.geom.Coordinate(70, 40));
        assertTrue(NoteFiles.draft(new ImportedFeature(1, 0, "Road", line, Map.of())).isEmpty());
        assertTrue(NoteFiles.draft(new ImportedFeature(2, 0, " ", point, Map.of())).isEmpty());
        NoteDraft d = NoteFiles.draft(new ImportedFeature(3, 0, "Well", point, Map.of("date", "3 April", "tags", " a ,b,, "))).orElseThrow();
        assertEquals(null, d.date(), "a date that is not ISO is dropped, not guessed");
        assertEquals(List.of("a", "b"), d.tags());
    }
}
