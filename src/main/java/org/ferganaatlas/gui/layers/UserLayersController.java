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
import org.ferganaatlas.data.io.ImportedFeature;
import org.ferganaatlas.data.io.Importers;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserFeature;
import org.ferganaatlas.data.user.UserLayer;
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
                db.layers().features(l.id()).thenAccept(fs -> {
                    if (fs.isEmpty()) {
                        db.layers().delete(l.id()); // an import cut off before its features were saved
                    } else {
                        Platform.runLater(() -> show(l, fs));
                    }
                });
            }
        }).exceptionally(e -> {
            ErrorLog.log("Could not read the user's layers", e);
            return null;
        });
    }

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
        AtomicBoolean cancelled = new AtomicBoolean();
        ImportDialogs.Progress progress = dialogs.progress(file, Files.isRegularFile(file) ? sizeOf(file) : 0, () -> cancelled.set(true));
        Thread t = new Thread(() -> {
            List<ImportedFeature> read = new ArrayList<>();
            try {
                ImportReport report = Importers.read(file, read::add, new ImportControl(progress::bytes, cancelled::get));
                Platform.runLater(() -> {
                    progress.close();
                    decide(db, file, report, read);
                });
            } catch (ImportException e) {
                Platform.runLater(() -> {
                    progress.close();
                    if (e.problem() != ImportException.Problem.CANCELLED) {
                        dialogs.refused(e);
                    }
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                ErrorLog.log("Import of " + file + " failed", e);
                Platform.runLater(() -> {
                    progress.close();
                    dialogs.failed(file);
                });
            }
        }, "atlas-import");
        t.setDaemon(true);
        t.start();
    }

    /** FX thread: with every feature read, save; with some bad ones, ask first; with none readable, say so. */
    private void decide(UserDatabase db, Path file, ImportReport report, List<ImportedFeature> read) {
        if (read.isEmpty()) {
            dialogs.nothingToImport(file, report);
            return;
        }
        if (!report.clean() && !dialogs.skipBadFeatures(file, report, read.size())) {
            return; // the user chose to import nothing: nothing was saved
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        List<UserFeature> drafts = new ArrayList<>();
        for (ImportedFeature f : read) {
            drafts.add(UserFeature.draft(f.name(), f.geometry(), f.attributesJson()));
        }
        db.layers().create(name, report.format().toLowerCase(java.util.Locale.ROOT), file.toAbsolutePath().toString())
                .thenCompose(layer -> db.layers().addFeatures(layer.id(), drafts)
                        .thenCompose(n -> db.layers().features(layer.id()))
                        .thenAccept(saved -> Platform.runLater(() -> {
                            show(layer, saved);
                            dialogs.imported(file, saved.size(), report);
                        })))
                .exceptionally(e -> {
                    ErrorLog.log("Could not save the layer from " + file, e);
                    Platform.runLater(() -> dialogs.failed(file));
                    return null;
                });
    }

    /** Registers a saved layer: its features join the read model and the registry gives it a legend row and a map layer. */
    private void show(UserLayer layer, List<UserFeature> features) {
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
        ctx.state().layers().add(LayerSpec.user(id, layer.name(), () -> list));
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
