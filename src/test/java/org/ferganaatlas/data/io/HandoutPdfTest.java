package org.ferganaatlas.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The handout writer without a screen: a page per sheet, every language's letters as text, nothing half-written. */
class HandoutPdfTest {
    private static final String FONT = "/org/ferganaatlas/gui/app/DejaVuSans.ttf", BOLD = "/org/ferganaatlas/gui/app/DejaVuSans-Bold.ttf";

    private static HandoutPdf.Sheet sheet(String title, String caption) {
        BufferedImage map = new BufferedImage(400, 287, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < map.getHeight(); y++) {
            for (int x = 0; x < map.getWidth(); x++) {
                map.setRGB(x, y, (x * 255 / 400) << 16 | (y * 255 / 287) << 8 | 120);
            }
        }
        BufferedImage swatch = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        return new HandoutPdf.Sheet(title, caption, "Map date: 13 March 2025", map, "Legend",
                List.of(new HandoutPdf.LegendItem(swatch, "Kyrgyzstan – Tajikistan"), new HandoutPdf.LegendItem(null, "Open")),
                "10 km", 0.2, "N", "Lines as mapped in OpenStreetMap in April 2022.",
                "Data: © OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0)", "Fergana Border Atlas · page 1 of 3");
    }

    private static void write(Path file, List<HandoutPdf.Sheet> sheets) throws IOException {
        HandoutPdf.write(file, "Test", sheets, () -> HandoutPdfTest.class.getResourceAsStream(FONT),
                () -> HandoutPdfTest.class.getResourceAsStream(BOLD));
    }

    @Test
    void onePagePerSheetWithItsWordsAsText() throws Exception {
        Path file = Files.createTempDirectory("atlas-pdf").resolve("h.pdf");
        // Kyrgyz ң ө ү, Tajik ҳ ҷ ӣ ӯ, Uzbek oʻ with U+02BB: the embedded font must carry them as text
        List<HandoutPdf.Sheet> sheets = List.of(sheet("Фергана өрөөнү: Кең-Сай", ""), sheet("Ҳудуди Ворух ва Хуҷанд", "Сарҳади тоҷику қирғиз"),
                sheet("Soʻx anklavi", "A caption long enough to wrap: " + "the crossing reopened after the treaty; ".repeat(40)));
        write(file, sheets);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(3, doc.getNumberOfPages());
            PDFTextStripper strip = new PDFTextStripper();
            for (int i = 0; i < 3; i++) {
                strip.setStartPage(i + 1);
                strip.setEndPage(i + 1);
                String text = strip.getText(doc).replaceAll("\\s+", " ");
                assertTrue(text.contains(sheets.get(i).title()), text);
                assertTrue(text.contains("© OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0)"), text);
                assertTrue(text.contains("10 km") && text.contains("Kyrgyzstan – Tajikistan"), text);
            }
            strip.setStartPage(3);
            strip.setEndPage(3);
            assertTrue(strip.getText(doc).contains("…"), "a caption too long for its lines ends with an ellipsis");
            assertEquals("Test", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws Exception {
        Path dir = Files.createTempDirectory("atlas-pdf");
        Path file = dir.resolve("h.pdf");
        Files.write(file, new byte[] {1, 2, 3});
        List<HandoutPdf.Sheet> sheets = new ArrayList<>(List.of(sheet("A", "")));
        assertThrows(IOException.class, () -> HandoutPdf.write(file, "Test", sheets, () -> {
            throw new IOException("font gone");
        }, () -> HandoutPdfTest.class.getResourceAsStream(BOLD)));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertThrows(IOException.class, () -> write(dir.resolve("missing").resolve("h.pdf"), sheets));
    }
}
