package org.ferganaatlas.gui.app;

import org.ferganaatlas.data.io.Exporters;
import org.ferganaatlas.data.io.HandoutPdf;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.model.HandoutPage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.transform.Scale;

/**
 * Pictures, handouts and printing of views (the current one, or a tour's stops): the maps are drawn offscreen by
 * {@link HandoutRenderer} on the FX thread, one page at a time; files are encoded and written on a thread of their
 * own, beside the target and moved into place. Each call returns a future that completes when the file is written
 * (with a {@link ExportException} carrying the user's message when it could not be).
 */
final class HandoutExport {
    /** A picture size: the presets of the export dialog. */
    record Size(int width, int height) {
        static final Size HD = new Size(1280, 720), FULL_HD = new Size(1920, 1080), A4 = new Size(1754, 1240);
        static final List<Size> PRESETS = List.of(HD, FULL_HD, A4);
        static final int MIN = 200, MAX = 8000;

        Size {
            if (width < MIN || height < MIN || width > MAX || height > MAX) {
                throw new IllegalArgumentException(width + "x" + height);
            }
        }

        /** "1920x1080" (x or ×, spaces allowed), else null. */
        static Size parse(String s) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*").matcher(s);
            if (!m.matches()) {
                return null;
            }
            try {
                return new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /**
         * The page is laid out at most 1280 × 800 layout pixels and taken larger (a 1920 × 1080 picture at 1.35×):
         * the map, its names and the page's words keep the proportions of the screen instead of shrinking on a
         * large picture.
         */
        double factor() {
            return Math.max(1, Math.min(width / 1280.0, height / 800.0));
        }
    }

    /** The PDF's map: its box on the page in layout pixels (96 per inch, so names print at their screen size). */
    static final double PDF_MAP_W = HandoutPdf.MAP_W * 96 / 72, PDF_MAP_H = HandoutPdf.MAP_H * 96 / 72;
    /** The PDF's map picture: 2.5 × 96 = 240 dots per inch. */
    static final double PDF_SCALE = 2.5;

    private static final ExecutorService FILES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-export");
        t.setDaemon(true);
        return t;
    });

    private final AtlasContext ctx;
    private final HandoutRenderer renderer;

    HandoutExport(AtlasContext ctx) {
        this.ctx = ctx;
        this.renderer = new HandoutRenderer(ctx);
    }

    /** Shows the whole valley on each page, fitted to its map, instead of the pages' stored centre and zoom. */
    void fitValley(boolean on) {
        renderer.fitValley(on);
    }

    /** The window's view as a page (titled by the map date; the pen's strokes included). */
    static HandoutPage currentView(AtlasContext ctx) {
        return new HandoutPage("", "", ctx.state().snapshot(), ctx.state().drawingProperty().get());
    }

    /**
     * A tour's stops as pages, in the reader's language (a built-in stop's texts from the bundles, as the tour player
     * shows them), each with its own view and drawing.
     */
    static List<HandoutPage> pagesOf(org.ferganaatlas.model.GuidedTour tour) {
        List<HandoutPage> pages = new ArrayList<>();
        for (org.ferganaatlas.model.GuidedTour.Stop s : tour.stops()) {
            String title = s.textKey() != null ? Messages.getOr(s.textKey() + ".title", s.title()) : s.title();
            String caption = s.textKey() != null ? Messages.getOr(s.textKey() + ".caption", s.caption()) : s.caption();
            pages.add(new HandoutPage(title, caption, s.view(), s.drawing()));
        }
        return pages;
    }

    /** A tour's title in the reader's language. */
    static String titleOf(org.ferganaatlas.model.GuidedTour tour) {
        return tour.titleKey() != null ? Messages.getOr(tour.titleKey(), tour.title()) : tour.title();
    }

    /**
     * Writes each page as a PNG of {@code size} (twice as many pixels each way if {@code twice}): one page to
     * {@code file}, several to {@code name-01.png}, {@code name-02.png} … beside it. Call on the FX thread.
     *
     * @return the files written
     */
    CompletableFuture<List<Path>> png(List<HandoutPage> pages, Size size, boolean twice, Path file) {
        List<Path> targets = pngTargets(file, pages.size());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        double k = size.factor(), scale = k * (twice ? 2 : 1);
        for (int i = 0; i < pages.size(); i++) {
            int n = i;
            chain = chain.thenComposeAsync(v -> renderer.picture(pages.get(n), n + 1, pages.size(),
                            size.width() / k, size.height() / k, scale), Platform::runLater)
                    .thenAcceptAsync(img -> write(targets.get(n), () -> Exporters.writePng(targets.get(n), img)), FILES);
        }
        return chain.handle((v, e) -> result(targets, e, targets.get(0)));
    }

    static List<Path> pngTargets(Path file, int pages) {
        if (pages == 1) {
            return List.of(file);
        }
        String name = file.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            out.add(file.resolveSibling(String.format(Locale.ROOT, "%s-%02d.png", stem, i)));
        }
        return out;
    }

    /** Writes the pages as one PDF handout, a page each. Call on the FX thread. */
    CompletableFuture<List<Path>> pdf(List<HandoutPage> pages, Path file) {
        List<HandoutPdf.Sheet> sheets = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < pages.size(); i++) {
            int n = i;
            chain = chain.thenComposeAsync(v -> renderer.pdfParts(pages.get(n), n + 1, pages.size(), PDF_MAP_W, PDF_MAP_H,
                    PDF_SCALE, 0.28), Platform::runLater).thenAccept(p -> {
                        List<HandoutPdf.LegendItem> legend = new ArrayList<>();
                        for (int j = 0; j < p.swatches().size(); j++) {
                            legend.add(new HandoutPdf.LegendItem(p.swatches().get(j), p.legendLabels().get(j)));
                        }
                        sheets.add(new HandoutPdf.Sheet(p.texts().title(), p.texts().caption(),
                                p.texts().mapDate(), p.map(), p.texts().legendTitle(), legend, p.scaleLabel(), p.scaleShare(),
                                p.texts().north(), p.texts().geometryAge(), p.texts().attribution(), p.texts().footer()));
                    });
        }
        String title = Messages.get("app.title");
        chain = chain.thenRunAsync(() -> write(file, () -> HandoutPdf.write(file, title, sheets,
                () -> AtlasWindow.class.getResourceAsStream("DejaVuSans.ttf"),
                () -> AtlasWindow.class.getResourceAsStream("DejaVuSans-Bold.ttf"))), FILES);
        return chain.handle((v, e) -> result(List.of(file), e, file));
    }

    /**
     * Prints the pages through the system's print dialog, landscape, with the picture's layout. Call on the FX
     * thread; completes with false when the user cancelled.
     *
     * @throws ExportException (in the future) when there is no printer or it failed
     */
    CompletableFuture<Boolean> print(List<HandoutPage> pages, javafx.stage.Window owner) {
        if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
            return CompletableFuture.failedFuture(new ExportException(Messages.get("print.noPrinter")));
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return CompletableFuture.failedFuture(new ExportException(Messages.get("print.noPrinter")));
        }
        Printer printer = job.getPrinter();
        job.getJobSettings().setPageLayout(printer.createPageLayout(job.getJobSettings().getPageLayout().getPaper(),
                PageOrientation.LANDSCAPE, Printer.MarginType.DEFAULT));
        if (!job.showPrintDialog(owner)) {
            return CompletableFuture.completedFuture(false);
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        // laid out at 96 layout pixels per inch and printed at 72 points per inch: names print at their screen size
        double w = layout.getPrintableWidth() * 96 / 72, h = layout.getPrintableHeight() * 96 / 72;
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < pages.size(); i++) {
            int n = i;
            chain = chain.thenComposeAsync(v -> renderer.layOut(pages.get(n), n + 1, pages.size(), w, h), Platform::runLater)
                    .thenAcceptAsync(laid -> {
                        laid.layout().getTransforms().add(new Scale(72.0 / 96, 72.0 / 96));
                        if (!job.printPage(laid.layout())) {
                            throw new ExportException(Messages.get("print.failed"));
                        }
                    }, FILES);
        }
        return chain.handle((v, e) -> {
            if (e != null) {
                job.cancelJob();
                throw new CompletionException(asExport(e, null));
            }
            if (!job.endJob()) {
                throw new CompletionException(new ExportException(Messages.get("print.failed")));
            }
            return true;
        });
    }

    private interface FileWork {
        void run() throws IOException;
    }

    private static void write(Path file, FileWork work) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new NoSuchFileException(String.valueOf(dir));
            }
            work.run();
        } catch (IOException e) {
            throw new CompletionException(new ExportException(Messages.format("handout.notSaved", file.toString(), reason(e))));
        }
    }

    private static <T> T result(T value, Throwable e, Path file) {
        if (e != null) {
            throw new CompletionException(asExport(e, file));
        }
        return value;
    }

    /** Whatever went wrong, as the message a user can act on. */
    static ExportException asExport(Throwable e, Path file) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ExportException x) {
            return x;
        }
        if (t instanceof HandoutRenderer.RenderException r) {
            return new ExportException(file == null ? r.getMessage()
                    : Messages.format("handout.notSaved", file.toString(), r.getMessage()));
        }
        CrashHandler.log("Export failed", t);
        return new ExportException(Messages.format("handout.notSaved", String.valueOf(file), reason(t)));
    }

    private static String reason(Throwable e) {
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException
                || e instanceof java.nio.file.FileSystemException && !(e instanceof java.nio.file.FileAlreadyExistsException)) {
            return Messages.get("export.failed.folder");
        }
        if (e instanceof OutOfMemoryError) {
            return Messages.get("export.failed.memory");
        }
        return Messages.get("export.failed.other");
    }

    /** An export that did not happen; the message says what and what to do, in the user's language. */
    static final class ExportException extends RuntimeException {
        ExportException(String message) {
            super(message);
        }
    }
}
