package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.common.Background;
import org.ferganaatlas.gui.common.LegendSwatch;
import org.ferganaatlas.gui.handout.HandoutLayout;
import org.ferganaatlas.gui.handout.HandoutTexts;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.map.DrawingLayer;
import org.ferganaatlas.gui.map.MapPane;
import org.ferganaatlas.gui.map.OverlayLayer;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.Focus;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.model.HandoutPage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/**
 * Draws a view offscreen, exactly as the window's map draws it, at a size of the caller's choosing: a second
 * {@link MapPane} built from the window's read model with a state of its own (so the window's view, selection and
 * commands are untouched), in a {@link Scene} that is never shown. The scene is laid out by hand until every visible
 * tile has its image and the overlay worker and panel loader are idle (what the tests' settle() waits for), for long
 * enough that the overlays' zoom settling has run, and only then taken as a picture ({@code Node.snapshot}, with a
 * scale transform for print resolution). Everything here runs on the FX thread; the caller waits on the future.
 */
final class HandoutRenderer {
    /** Longest wait for a map to be fully drawn. */
    static final long TIMEOUT_MS = Long.getLong("atlas.export.timeoutMs", 60_000);
    private static final long QUIET_MS = 400;
    private final AtlasContext window;
    private boolean fitValley;

    HandoutRenderer(AtlasContext window) {
        this.window = window;
    }

    /** Whether each map shows the whole valley, fitted to its own size (the command line's default view). */
    void fitValley(boolean on) {
        fitValley = on;
    }

    /** A page laid out for a picture or the printer, with its map drawn. */
    record Laid(HandoutLayout layout, Scene scene) {}

    /** What the PDF needs of a page: the map's picture, the legend's symbols, the scale bar. */
    record PdfParts(BufferedImage map, List<BufferedImage> swatches, List<String> legendLabels, String scaleLabel,
                    double scaleShare, HandoutTexts texts) {}

    /**
     * Lays out a whole page ({@link HandoutLayout}) at {@code w} × {@code h} layout pixels and draws its map.
     * Completes on the FX thread.
     */
    CompletableFuture<Laid> layOut(HandoutPage page, int number, int of, double w, double h) {
        CompletableFuture<Laid> done = new CompletableFuture<>();
        AtlasState s = offscreenState(page);
        HandoutTexts texts = HandoutTexts.of(page, number, of, window.data().db().metadata(), window.data().db().attribution(),
                Messages.locale());
        HandoutLayout layout = new HandoutLayout(texts, legendRows(s, page), 13);
        MapPane map = offscreenMap(s);
        map.setMinSize(0, 0);
        map.setPrefSize(10, 10);
        layout.mapSlot().getChildren().add(map);
        Scene scene = scene(layout, w, h);
        draw(s, page, map, scene.getRoot(), () -> {
            layout.showScale(s.centerLatProperty().get(), s.zoomProperty().get());
            layout.applyCss();
            layout.layout();
            done.complete(new Laid(layout, scene));
        }, done);
        return done;
    }

    /** The map alone at {@code w} × {@code h} layout pixels, taken at {@code scale}, with the legend and the scale bar. */
    CompletableFuture<PdfParts> pdfParts(HandoutPage page, int number, int of, double w, double h, double scale,
                                         double scaleShareMax) {
        CompletableFuture<PdfParts> done = new CompletableFuture<>();
        AtlasState s = offscreenState(page);
        HandoutTexts texts = HandoutTexts.of(page, number, of, window.data().db().metadata(), window.data().db().attribution(),
                Messages.locale());
        MapPane map = offscreenMap(s);
        StackPane root = new StackPane(map);
        root.getStyleClass().add("atlas-root");
        Scene scene = scene(root, w, h);
        draw(s, page, map, scene.getRoot(), () -> {
            WritableImage img = snapshot(root, scale);
            // the legend's symbols drawn by the map's own styles, taken at print resolution
            List<BufferedImage> swatches = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            StackPane holder = new StackPane();
            holder.getStyleClass().add("atlas-root");
            Scene sw = new Scene(holder);
            sw.getStylesheets().add(AtlasWindow.STYLESHEET);
            for (HandoutLayout.LegendRow r : legendRows(s, page)) {
                StackPane swatch = HandoutLayout.swatch(r.entry());
                holder.getChildren().setAll(swatch);
                holder.applyCss();
                holder.layout();
                SnapshotParameters p = new SnapshotParameters();
                p.setFill(Color.TRANSPARENT);
                p.setTransform(new Scale(4, 4));
                swatches.add(toBuffered(swatch.snapshot(p, null), true));
                labels.add(LegendSwatch.label(r.entry(), r.spec()));
            }
            org.ferganaatlas.logic.MapScale.Bar bar = org.ferganaatlas.logic.MapScale.bar(s.centerLatProperty().get(),
                    s.zoomProperty().get(), w * scaleShareMax);
            String scaleLabel = bar == null ? null : bar.inKm() ? Messages.format("scale.km", bar.metres() / 1000)
                    : Messages.format("scale.m", bar.metres());
            done.complete(new PdfParts(toBuffered(img, false), swatches, labels, scaleLabel, bar == null ? 0 : bar.px() / w, texts));
        }, done);
        return done;
    }

    /** A page's picture: {@code w} × {@code h} layout pixels taken at {@code scale} (2 for print). */
    CompletableFuture<BufferedImage> picture(HandoutPage page, int number, int of, double w, double h, double scale) {
        return layOut(page, number, of, w, h).thenApply(l -> toBuffered(snapshot(l.layout(), scale), false));
    }

    /** The map as the window has it: the overlays and, on top, the pen's layer (drawing the offscreen state's drawing). */
    private MapPane offscreenMap(AtlasState s) {
        MapPane map = new MapPane(new AtlasContext(s, window.data(), new Focus(s, window.data()), window.user()));
        map.mapView().addLayer(new DrawingLayer(s, map.mapView()));
        return map;
    }

    private static Scene scene(Parent root, double w, double h) {
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(AtlasWindow.STYLESHEET);
        return scene;
    }

    /** A state of the offscreen map's own, with the window's layers (the user's included) and language. */
    private AtlasState offscreenState(HandoutPage page) {
        AtlasState s = new AtlasState();
        s.languageProperty().set(window.state().languageProperty().get());
        for (LayerSpec spec : window.state().layers().layers()) {
            if (s.layers().get(spec.id()).isEmpty()) {
                s.layers().add(spec);
            }
        }
        s.drawingProperty().set(page.drawing());
        return s;
    }

    /** The legend rows of the layers the page shows, in the registry's order. */
    private static List<HandoutLayout.LegendRow> legendRows(AtlasState s, HandoutPage page) {
        List<HandoutLayout.LegendRow> rows = new ArrayList<>();
        for (LayerSpec spec : s.layers().layers()) {
            if (page.view().layers().contains(spec.id())) {
                spec.legend().forEach(e -> rows.add(new HandoutLayout.LegendRow(spec, e)));
            }
        }
        return rows;
    }

    /**
     * Lays out the scene once (the map fits the valley on its first layout), shows the page's view, then lays out
     * again and again until the map is fully drawn and has been for {@link #QUIET_MS}; then runs {@code then}.
     */
    private void draw(AtlasState s, HandoutPage page, MapPane map, Parent root, Runnable then,
                      CompletableFuture<?> done) {
        root.applyCss();
        root.layout();
        s.restore(page.view());
        if (fitValley) {
            map.home();
        }
        long start = System.nanoTime();
        long[] quietSince = {-1};
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            try {
                root.applyCss();
                root.layout();
                boolean drawn = PaintWatch.isPainted(map.mapView()) && OverlayLayer.workerIdle() && Background.idle();
                long now = System.nanoTime();
                if (!drawn) {
                    quietSince[0] = -1;
                } else if (quietSince[0] < 0) {
                    quietSince[0] = now;
                }
                if (quietSince[0] >= 0 && now - quietSince[0] >= TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
                    then.run();
                } else if (now - start > TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS)) {
                    done.completeExceptionally(new RenderException(Messages.get("export.failed.render")));
                } else {
                    later(check[0]);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        later(check[0]);
    }

    /** Runs on the FX thread a moment from now (no pulse needed: the offscreen scene is in no window). */
    private static void later(Runnable r) {
        CompletableFuture.delayedExecutor(40, TimeUnit.MILLISECONDS).execute(() -> Platform.runLater(r));
    }

    static WritableImage snapshot(javafx.scene.Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(scale, scale));
        javafx.geometry.Bounds b = node.getLayoutBounds();
        WritableImage img = new WritableImage((int) Math.round(b.getWidth() * scale), (int) Math.round(b.getHeight() * scale));
        return node.snapshot(p, img);
    }

    /**
     * The FX image as a Java2D one (for ImageIO and PDFBox; no javafx.swing needed), with its transparency or
     * (pages and maps, which are opaque) without: a third smaller, and PDFBox needs no mask.
     */
    static BufferedImage toBuffered(WritableImage img, boolean alpha) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** A map that could not be drawn (in time); its message is for the user. */
    static final class RenderException extends RuntimeException {
        RenderException(String message) {
            super(message);
        }
    }
}
