package org.ferganaatlas.gui.layers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.data.io.Importers;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserFeature;
import org.ferganaatlas.data.user.UserLayer;
import org.ferganaatlas.data.user.UserLayers;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.common.ErrorLog;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.gui.state.MapData;
import org.ferganaatlas.model.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The user's own layers: files they imported (GeoJSON, KML, KMZ, CSV), kept in their database and shown on the map
 * through the layer registry. Reading a file and every save run off the FX thread; what the user must decide (skip
 * the features that cannot be read, or import nothing) is asked in plain words first, and nothing is saved before
 * they say yes. A layer they already had is never changed by an import.
 */
public final class UserLayersController {
    /** Key prefix of user features: {@code user:<layer id>:<feature number>} (never an atlas key). */
    static final String KEY_PREFIX = "user:";
    private final AtlasContext ctx;
    private final ImportDialogs dialogs;

    public UserLayersController(AtlasContext ctx, ImportDialogs dialogs) {
        this.ctx = ctx;
        this.dialogs = dialogs;
        // the layers saved last time come back as soon as the user's database is open
        ctx.user().databaseProperty().addListener((o, a, db) -> {
            if (db != null) {
                restore(db);
            }
        });
        ctx.user().database().ifPresent(this::restore);
    }

    private void restore(UserDatabase db) {
        db.layers().list().thenAccept(layers -> {
            for (UserLayer l : layers) {
                load(db, l, null);
            }
        }).exceptionally(e -> {
            ErrorLog.log("Could not read the user's layers", e);
            return null;
        });
    }

    /**
     * Reads what the map draws of a saved layer (all of it, or {@link #DRAWN} features spread over it when it is
     * larger) and shows it; {@code then} runs on the FX thread after.
     */
    private void load(UserDatabase db, UserLayer l, Runnable then) {
        db.layers().count(l.id()).thenCompose(total -> db.layers().sample(l.id(), DRAWN).thenAccept(fs -> {
            if (fs.isEmpty()) {
                db.layers().delete(l.id()); // a layer left empty by an older version of the import
            } else {
                Platform.runLater(() -> {
                    show(l, fs, total);
                    if (then != null) {
                        then.run();
                    }
                });
            }
        })).exceptionally(e -> {
            ErrorLog.log("Could not read the user's layer " + l.name(), e);
            return null;
        });
    }

    /**
     * The most features of one layer the map holds and draws: a layer of a million points would not fit the
     * atlas's memory as map objects, nor could its symbols be drawn; the rest stay in the database (and in
     * exports), and the legend says how many of how many are shown.
     */
    static final int DRAWN = 10_000;

    /** Imports a file as a new layer (a double-click on a file, the command line, or the import button). */
    public void importFile(Path file) {
        UserDatabase db = ctx.user().database().orElse(null);
        if (db == null) {
            // the database opens a moment after the window: try again once it is there
            ctx.user().databaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends UserDatabase> o, UserDatabase a, UserDatabase now) {
                    if (now != null) {
                        o.removeListener(this);
                        importFile(file);
                    }
                }
            });
            return;
        }
        // the first pass saves everything if every feature reads; otherwise it is rolled back and the user decides
        run(db, file, false);
    }

    /**
     * Reads the file straight into the database in one transaction (off the FX thread, with the progress window and
     * its Cancel). With {@code skipBad} false the import is kept only if every feature could be read; with it true,
     * the readable ones are kept (the user said so).
     */
    private void run(UserDatabase db, Path file, boolean skipBad) {
        AtomicBoolean cancelled = new AtomicBoolean();
        long size = Files.isRegularFile(file) ? sizeOf(file) : 0;
        ImportDialogs.Progress progress = dialogs.progress(file, size, () -> cancelled.set(true));
        ImportControl ctl = new ImportControl(progress::bytes, () -> cancelled.get() || db.isClosed());
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        UserLayers.FeatureSource<ImportReport> source = new UserLayers.FeatureSource<>() {
            @Override
            public String format() throws ImportException {
                // KMZ is KML in a zip: its layer is a KML layer
                return Importers.formatOf(file) == Importers.Format.CSV ? "csv"
                        : Importers.formatOf(file) == Importers.Format.GEOJSON ? "geojson" : "kml";
            }

            @Override
            public ImportReport feed(java.util.function.Consumer<UserFeature> sink) throws ImportException {
                return Importers.read(file, f -> sink.accept(UserFeature.draft(f.name(), f.geometry(), f.attributesJson())), ctl);
            }
        };
        java.util.function.Predicate<ImportReport> keep = r -> r.features() > 0 && (skipBad || r.clean());
        db.layers().importLayer(name, file.toAbsolutePath().toString(), source, keep).whenComplete((done, e) -> {
            Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            Platform.runLater(() -> {
                progress.close();
                if (t instanceof ImportException ie) {
                    if (ie.problem() != ImportException.Problem.CANCELLED) {
                        dialogs.refused(ie);
                    }
                } else if (t != null) {
                    ErrorLog.log("Import of " + file + " failed", t);
                    dialogs.failed(file);
                } else if (done.layer() != null) {
                    load(db, done.layer(), () -> dialogs.imported(file, done.count(), done.report()));
                } else if (done.report().features() == 0) {
                    dialogs.nothingToImport(file, done.report());
                } else if (!skipBad && dialogs.skipBadFeatures(file, done.report(), done.report().features())) {
                    run(db, file, true);
                }
                // else: the user chose to import nothing, and nothing was saved
            });
        });
    }

    /** Registers a saved layer: its features join the read model and the registry gives it a legend row and a map layer. */
    private void show(UserLayer layer, List<UserFeature> features, int total) {
        String id = KEY_PREFIX + layer.id();
        if (ctx.state().layers().get(id).isPresent()) {
            return;
        }
        List<MapData.UserShape> shapes = new ArrayList<>();
        for (UserFeature f : features) {
            shapes.add(new MapData.UserShape(asFeature(layer, f), f.geometry(), layer.name()));
        }
        ctx.data().addUserShapes(shapes);
        List<Feature> list = shapes.stream().map(MapData.UserShape::feature).toList();
        String title = total > features.size()
                ? Messages.format("layers.user.sampled", layer.name(), features.size(), total) : layer.name();
        ctx.state().layers().add(LayerSpec.user(id, title, () -> list));
    }

    /** A user feature as the map draws it: kind {@code site}, its representative point, its attributes as props. */
    static Feature asFeature(UserLayer layer, UserFeature f) {
        Geometry g = f.geometry();
        Point p = g instanceof Point pt ? pt : g.getInteriorPoint();
        // JTS x = longitude, y = latitude
        return new Feature(-f.id(), KEY_PREFIX + layer.id() + ":" + f.id(), "site", f.name(), null, null, 0, 0,
                p.getY(), p.getX(), null, "medium", null, List.of(), f.attributesJson());
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The attributes of a user feature, for the details panel. */
    public static Map<String, String> attributes(Feature f) {
        Map<String, String> out = new LinkedHashMap<>();
        f.props().forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
