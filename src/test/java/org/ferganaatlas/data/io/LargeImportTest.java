package org.ferganaatlas.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserFeature;
import org.ferganaatlas.data.user.UserLayers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large files stream into the user's database with bounded memory: a 200 MB GeoJSON in a JVM with the atlas's own
 * 256 MB heap, big KML and CSV files likewise; progress goes from 0 to the file's size; a cancel half-way and a
 * failure leave the layers as they were. The files are written into a temporary folder by the test.
 */
@Tag("large")
class LargeImportTest {
    private static final Pattern RESULT = Pattern.compile("imported features=(\\d+) issues=(\\d+) ms=(\\d+) peakHeapMb=(\\d+)"
            + " maxHeapMb=(\\d+)(?: cpuMs=(-?\\d+))?");
    private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    @TempDir
    Path dir;

    /** Imports {@code file} in a child JVM with the installer's heap flags; returns the child's numbers. */
    private Matcher importInAtlasHeap(Path file) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = dir.resolve("child-out.txt"), err = dir.resolve("child-err.txt");
        // the flags of installer/package.sh and run-atlas
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xmn48m", "-Xlog:gc:file=" + dir.resolve("gc.log"),
                LargeImportChild.class.getName(), file.toString(), dir.resolve(file.getFileName() + ".user.sqlite").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the import finished");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> text + readQuietly(err));
        Matcher m = RESULT.matcher(text);
        assertTrue(m.find(), text);
        int live = 0;
        Matcher g = AFTER_GC.matcher(Files.readString(dir.resolve("gc.log")));
        while (g.find()) {
            live = Math.max(live, Integer.parseInt(g.group(1)));
        }
        System.out.println("large import of " + file.getFileName() + " (" + (Files.size(file) >> 20) + " MB): " + m.group()
                + " mostHeapAfterGcMb=" + live);
        return m;
    }

    @Test
    void a200MbGeoJsonImportsWithinTheAtlasHeap() throws Exception {
        Path f = dir.resolve("households.geojson");
        int n = BigFiles.geoJson(f, 200L << 20);
        Matcher m = importInAtlasHeap(f);
        assertEquals(n, Integer.parseInt(m.group(1)), "every feature is saved");
        assertEquals("0", m.group(2));
        Files.delete(f);
    }

    @Test
    void bigKmlAndCsvImportWithinTheAtlasHeap() throws Exception {
        Path kml = dir.resolve("survey.kml");
        int nk = BigFiles.kml(kml, 20L << 20);
        assertEquals(nk, Integer.parseInt(importInAtlasHeap(kml).group(1)));
        Files.delete(kml);
        Path csv = dir.resolve("survey.csv");
        int nc = BigFiles.csv(csv, 20L << 20);
        assertEquals(nc, Integer.parseInt(importInAtlasHeap(csv).group(1)));
    }

    private static UserLayers.FeatureSource<ImportReport> source(Path file, ImportControl ctl) {
        return new UserLayers.FeatureSource<>() {
            @Override
            public String format() {
                return "geojson";
            }

            @Override
            public ImportReport feed(java.util.function.Consumer<UserFeature> sink) throws ImportException {
                return Importers.read(file, f -> sink.accept(UserFeature.draft(f.name(), f.geometry(), f.attributesJson())), ctl);
            }
        };
    }

    @Test
    void progressGoesFromNothingToTheWholeFileAndACancelHalfWayLeavesTheLayersAsTheyWere() throws Exception {
        Path f = dir.resolve("households.geojson");
        int n = BigFiles.geoJson(f, 12L << 20);
        long size = Files.size(f);
        try (UserDatabase db = UserDatabase.open(dir.resolve("user.sqlite"))) {
            // a layer the user already has
            var before = db.layers().importLayer("earlier", "a.geojson", source(f, ImportControl.NONE), r -> true).join();
            assertEquals(n, before.count());

            List<Long> told = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean cancel = new AtomicBoolean();
            ImportControl ctl = new ImportControl(b -> {
                told.add(b);
                if (b > size / 2) {
                    cancel.set(true); // the user presses Cancel half-way
                }
            }, cancel::get);
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> db.layers().importLayer("cancelled", "b.geojson", source(f, ctl), r -> true).join());
            ImportException ie = assertInstanceOf(ImportException.class, e.getCause());
            assertEquals(ImportException.Problem.CANCELLED, ie.problem());
            assertTrue(told.size() > 10 && told.get(told.size() - 1) < size, "it stopped before the end: " + told.size());
            assertEquals(List.of("earlier"), db.layers().list().join().stream().map(l -> l.name()).toList(),
                    "the cancelled import left nothing");
            assertEquals(n, db.layers().count(before.layer().id()).join(), "the layer the user had is as it was");
            assertEquals(String.valueOf(n), one(db, "SELECT count(*) FROM user_feature"));

            // a whole import: progress rises from the first bytes to the file's size, never back
            told.clear();
            var whole = db.layers().importLayer("whole", "c.geojson", source(f, new ImportControl(told::add, () -> false)), r -> true).join();
            assertEquals(n, whole.count());
            assertTrue(told.get(0) > 0 && told.get(0) < size / 10, "the first report comes early: " + told.get(0));
            for (int i = 1; i < told.size(); i++) {
                assertTrue(told.get(i) >= told.get(i - 1), "progress never goes back");
            }
            assertEquals(size, told.get(told.size() - 1), "it ends at the whole file: progress 1");

            // a failure of the store half-way (here: a feature the store refuses) rolls back too
            var failing = new UserLayers.FeatureSource<ImportReport>() {
                @Override
                public String format() {
                    return "geojson";
                }

                @Override
                public ImportReport feed(java.util.function.Consumer<UserFeature> sink) throws ImportException {
                    int[] k = {0};
                    return Importers.read(f, x -> {
                        if (++k[0] == 5_000) {
                            sink.accept(UserFeature.draft("off the earth", new org.locationtech.jts.geom.GeometryFactory()
                                    .createPoint(new org.locationtech.jts.geom.Coordinate(500, 40)), "{}"));
                        }
                        sink.accept(UserFeature.draft(x.name(), x.geometry(), x.attributesJson()));
                    }, ImportControl.NONE);
                }
            };
            CompletionException fail = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> db.layers().importLayer("failing", "d.geojson", failing, r -> true).join());
            assertInstanceOf(IllegalArgumentException.class, fail.getCause());
            assertEquals(List.of("earlier", "whole"), db.layers().list().join().stream().map(l -> l.name()).toList());
            assertEquals(String.valueOf(2 * n), one(db, "SELECT count(*) FROM user_feature"));
        }
    }

    @Test
    void aReportRefusedByKeepIsRolledBackAndKeepsOnlyTheFirstProblems() throws Exception {
        Path f = dir.resolve("bad.csv");
        StringBuilder sb = new StringBuilder("name,lat,lon\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append("p").append(i).append(',').append(i % 2 == 0 ? "40.1" : "140.1").append(",71.2\n");
        }
        Files.writeString(f, sb);
        try (UserDatabase db = UserDatabase.open(dir.resolve("user.sqlite"))) {
            var done = db.layers().importLayer("bad", f.toString(), new UserLayers.FeatureSource<ImportReport>() {
                @Override
                public String format() {
                    return "csv";
                }

                @Override
                public ImportReport feed(java.util.function.Consumer<UserFeature> sink) throws ImportException {
                    return Importers.read(f, x -> sink.accept(UserFeature.draft(x.name(), x.geometry(), x.attributesJson())),
                            ImportControl.NONE);
                }
            }, ImportReport::clean).join();
            assertEquals(null, done.layer(), "rolled back: the user decides first");
            assertEquals(2_500, done.count());
            assertEquals(2_500, done.report().issueCount(), "every bad row is counted");
            assertEquals(FirstIssues.KEPT, done.report().issues().size(), "only the first are kept");
            assertEquals(2, done.report().issues().get(0).number());
            assertEquals(List.of(), db.layers().list().join());
        }
    }

    private static String one(UserDatabase db, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.file()); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
