package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.HandoutPage;
import org.ferganaatlas.model.ViewSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures and handouts of the view, drawn offscreen from the window's read model: the requested size (and twice it),
 * a map really drawn (the border's colour inside the map, and only when the borders are on), a PDF with a page per
 * view that says the title and the sources, and a clear failure for a folder that does not exist.
 */
@ExtendWith(ApplicationExtension.class)
class HandoutExportTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    private static Path out;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        out = Files.createTempDirectory("atlas-handouts");
        System.setProperty("atlas.noninteractive", "true"); // the "done" notice prints its text and closes
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("atlas.noninteractive");
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(90, TimeUnit.SECONDS);
    }

    /** The view over the fixture's Kyrgyz–Tajik border (70.5..72.0 E, 40.0..40.4 N), with the layers given. */
    private static HandoutPage borderView(String title, Set<String> layers) {
        return new HandoutPage(title, "", new ViewSnapshot(40.2, 71.2, 9, LocalDate.of(2025, 3, 20), layers, List.of(), null, null),
                Drawing.EMPTY);
    }

    private Set<String> allLayers() {
        return Set.copyOf(state.layers().layers().stream().map(s -> s.id()).toList());
    }

    @Test
    void aPictureHasTheRequestedSizeTwiceItForPrintAndIsNotBlank(FxRobot robot) throws Exception {
        settle();
        Path one = out.resolve("view.png"), two = out.resolve("view-2x.png");
        List<Path> written = await(WaitForAsyncUtils.asyncFx(() -> window.exportMenu().savePng(one, HandoutExport.Size.HD, false)).get());
        assertEquals(List.of(one), written);
        BufferedImage img = ImageIO.read(one.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(720, img.getHeight());
        assertTrue(distinctColours(img) > 300, "a picture of a map has many colours, this one " + distinctColours(img));
        await(WaitForAsyncUtils.asyncFx(() -> window.exportMenu().savePng(two, HandoutExport.Size.HD, true)).get());
        BufferedImage big = ImageIO.read(two.toFile());
        assertEquals(2560, big.getWidth());
        assertEquals(1440, big.getHeight());
        // no temp files left beside the pictures
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void theMapIsDrawnTheBorderInItsColourOnlyWhenItsLayerIsOn(FxRobot robot) throws Exception {
        settle();
        HandoutRenderer r = new HandoutRenderer(window.context());
        Set<String> all = allLayers();
        Set<String> noBorders = new HashSet<>(all);
        noBorders.remove(BuiltInLayer.BORDERS.id());
        int with = borderPixels(r, borderView("", all)), without = borderPixels(r, borderView("", noBorders));
        assertTrue(with > 60, "the Kyrgyz–Tajik border's colour in the map: " + with + " pixels");
        assertTrue(without * 10 < with, "without the borders layer: " + without + " pixels of its colour, with: " + with);
    }

    @Test
    void thePensStrokesAreDrawnOnTheirPlace(FxRobot robot) throws Exception {
        settle();
        HandoutRenderer r = new HandoutRenderer(window.context());
        HandoutPage plain = borderView("", allLayers());
        // a stroke across the view's centre (x = longitude first), in a green the map never uses
        Drawing pen = Drawing.EMPTY.plus(new Drawing.Stroke(Drawing.Tool.PEN, "#00ff00", 8, new double[] {71.0, 40.2, 71.4, 40.2}));
        HandoutPage drawn = new HandoutPage("", "", plain.view(), pen);
        int with = pixels(r, drawn, 0x00, 0xff, 0x00), without = pixels(r, plain, 0x00, 0xff, 0x00);
        assertTrue(with > 400, "the stroke's green in the map: " + with + " pixels");
        assertTrue(without < 10, "green without a stroke: " + without);
    }

    /** Pixels of the Kyrgyz–Tajik border's colour (atlas.css -color-border-kgz-tjk, #c2187a) inside the page's map. */
    private static int borderPixels(HandoutRenderer r, HandoutPage page) throws Exception {
        return pixels(r, page, 0xc2, 0x18, 0x7a);
    }

    /** Pixels near a colour inside the page's map. */
    private static int pixels(HandoutRenderer r, HandoutPage page, int wantRed, int wantGreen, int wantBlue) throws Exception {
        HandoutRenderer.Laid laid = await(WaitForAsyncUtils.asyncFx(() -> r.layOut(page, 1, 1, 1000, 700)).get());
        Object[] result = WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = laid.layout().mapSlot().localToScene(laid.layout().mapSlot().getLayoutBounds());
            return new Object[] {HandoutRenderer.toBuffered(HandoutRenderer.snapshot(laid.layout(), 1), false), b};
        }).get(10, TimeUnit.SECONDS);
        BufferedImage img = (BufferedImage) result[0];
        Bounds b = (Bounds) result[1];
        int n = 0;
        for (int y = (int) b.getMinY() + 1; y < (int) b.getMaxY() - 1; y++) {
            for (int x = (int) b.getMinX() + 1; x < (int) b.getMaxX() - 1; x++) {
                int c = img.getRGB(x, y);
                int red = (c >> 16) & 255, green = (c >> 8) & 255, blue = c & 255;
                if (Math.abs(red - wantRed) < 30 && Math.abs(green - wantGreen) < 30 && Math.abs(blue - wantBlue) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aHandoutHasAPagePerViewWithItsTitleAndTheSources(FxRobot robot) throws Exception {
        settle();
        Set<String> all = allLayers();
        List<HandoutPage> pages = List.of(borderView("Баткен: чек ара", all), borderView("Soʻx anklavi", all),
                borderView("Ворух ва Хуҷанд", all));
        Path pdf = out.resolve("tour.pdf");
        robot.interact(() -> window.exportMenu().pages(() -> pages));
        try {
            await(WaitForAsyncUtils.asyncFx(() -> window.exportMenu().savePdf(pdf)).get());
        } finally {
            robot.interact(() -> window.exportMenu().pages(() -> List.of(HandoutExport.currentView(window.context()))));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, doc.getNumberOfPages());
            PDFTextStripper strip = new PDFTextStripper();
            for (int i = 1; i <= 3; i++) {
                strip.setStartPage(i);
                strip.setEndPage(i);
                String text = strip.getText(doc).replaceAll("\\s+", " ");
                assertTrue(text.contains(pages.get(i - 1).title()), "page " + i + " lacks its title: " + text);
                assertTrue(text.contains(db.attribution().replaceAll("\\s+", " ")), "page " + i + " lacks the attribution: " + text);
                assertTrue(text.contains("20 March 2025"), "page " + i + " lacks the map date: " + text);
            }
        }
    }

    @Test
    void whileATourPlaysTheHandoutHasAPagePerStop(FxRobot robot) throws Exception {
        settle();
        org.ferganaatlas.model.GuidedTour tour = org.ferganaatlas.gui.state.BuiltInTour.read();
        robot.interact(() -> state.tours().play(tour, 0));
        Path pdf = out.resolve("playing.pdf");
        try {
            await(WaitForAsyncUtils.asyncFx(() -> window.exportMenu().savePdf(pdf)).get());
        } finally {
            robot.interact(() -> state.tours().stop());
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(tour.stops().size(), doc.getNumberOfPages());
        }
    }

    @Test
    void aFolderThatDoesNotExistGetsAClearMessageAndNoFile(FxRobot robot) throws Exception {
        settle();
        Path nowhere = out.resolve("no-such-folder").resolve("x.pdf");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(WaitForAsyncUtils.asyncFx(() -> window.exportMenu().savePdf(nowhere)).get()));
        HandoutExport.ExportException x = HandoutExport.asExport(e, nowhere);
        assertTrue(x.getMessage().contains(nowhere.toString()) && x.getMessage().contains("folder"), x.getMessage());
        assertFalse(Files.exists(nowhere.getParent()));
    }

    @Test
    void printingWithoutAPrinterSaysSo(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(javafx.print.Printer.getDefaultPrinter() == null && javafx.print.Printer.getAllPrinters().isEmpty(),
                "a printer is set up here: printing would open the system's dialog");
        HandoutExport export = new HandoutExport(window.context());
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(WaitForAsyncUtils.asyncFx(
                () -> export.print(List.of(HandoutExport.currentView(window.context())), stage)).get()));
        assertTrue(HandoutExport.asExport(e, null).getMessage().contains("No printer"), e.getMessage());
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
