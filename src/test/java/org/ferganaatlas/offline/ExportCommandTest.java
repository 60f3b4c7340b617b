package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * {@code --export} as a teacher runs it: the real atlas in its own process draws the view offscreen, writes the file
 * and ends with 0 (no window); bad arguments end it at once with a non-zero code and one line saying what was wrong.
 */
class ExportCommandTest {
    private static final Path ASSETS = Path.of(System.getProperty("atlas.assets", "assets"));

    private static AtlasProcess.Result export(List<String> args) throws Exception {
        return AtlasProcess.run(List.of(), Map.of("atlas.assets", ASSETS.toString()), args, 150);
    }

    @Test
    void aPictureOfTheRequestedSizeIsWrittenAndTheRunEnds() throws Exception {
        Path dir = Files.createTempDirectory("atlas-export-cli");
        Path png = dir.resolve("valley.png");
        AtlasProcess.Result r = export(List.of("--export", png.toString(), "--size", "960x600", "--date=2025-03-20"));
        assertEquals(0, r.exitCode(), r::all);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth(), r::all);
        assertEquals(600, img.getHeight(), r::all);
        assertTrue(r.stdout().contains(png.toString()), r::all);
        assertFalse(r.stderr().contains("Exception"), r::all);
    }

    @Test
    void aHandoutIsWrittenWithTheSourcesOnItsPage() throws Exception {
        Path dir = Files.createTempDirectory("atlas-export-cli");
        Path pdf = dir.resolve("valley.pdf");
        AtlasProcess.Result r = export(List.of("--export=" + pdf, "--date", "2025-03-13", "--lang=ru"));
        assertEquals(0, r.exitCode(), r::all);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("OpenStreetMap") && text.contains("GeoNames"), text);
            assertTrue(text.contains("13 марта 2025"), "the Russian map date: " + text);
        }
    }

    @Test
    void theBuiltInTourBecomesAPagePerStopWithItsTitles() throws Exception {
        Path pdf = Files.createTempDirectory("atlas-export-cli").resolve("tour.pdf");
        AtlasProcess.Result r = export(List.of("--export", pdf.toString(), "--tour", "The 2025 settlement"));
        assertEquals(0, r.exitCode(), r::all);
        org.ferganaatlas.model.GuidedTour tour = org.ferganaatlas.gui.state.BuiltInTour.read();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(tour.stops().size(), doc.getNumberOfPages());
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(1);
            strip.setEndPage(1);
            String first = strip.getText(doc);
            String key = tour.stops().get(0).textKey();
            String title = key == null ? tour.stops().get(0).title()
                    : org.ferganaatlas.gui.l10n.Messages.getOr(key + ".title", tour.stops().get(0).title());
            assertTrue(first.contains(title), "page 1 lacks the first stop's title " + title + ": " + first);
        }
        AtlasProcess.Result none = export(List.of("--export", pdf.resolveSibling("x.pdf").toString(), "--tour", "No such tour"));
        assertNotEquals(0, none.exitCode(), none::all);
        assertTrue(none.stderr().contains("No such tour"), none::all);
    }

    @Test
    void badArgumentsEndTheRunWithOneLineAndNoFile() throws Exception {
        Path dir = Files.createTempDirectory("atlas-export-cli");
        AtlasProcess.Result size = export(List.of("--export", dir.resolve("a.png").toString(), "--size", "12"));
        assertNotEquals(0, size.exitCode(), size::all);
        assertTrue(size.stderr().lines().anyMatch(l -> l.contains("--size") && l.contains("12")), size::all);
        AtlasProcess.Result kind = export(List.of("--export", dir.resolve("a.gif").toString()));
        assertNotEquals(0, kind.exitCode(), kind::all);
        assertTrue(kind.stderr().contains(".png"), kind::all);
        Path nowhere = dir.resolve("no-such-folder").resolve("a.png");
        AtlasProcess.Result folder = export(List.of("--export", nowhere.toString()));
        assertNotEquals(0, folder.exitCode(), folder::all);
        assertTrue(folder.stderr().contains(nowhere.toString()), folder::all);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }
}
