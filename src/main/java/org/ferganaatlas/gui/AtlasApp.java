package org.ferganaatlas.gui;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDataException;
import org.ferganaatlas.data.AtlasDatabase;

/**
 * Entry point of the atlas window. Options: {@code --benchmark} runs the scripted pan/zoom measurement
 * and exits ({@link Benchmark}); {@code --timing} prints the time to a fully painted map.
 */
public final class AtlasApp extends Application {
    private AtlasDatabase db;

    @Override
    public void start(Stage stage) {
        CrashHandler.install();
        List<String> args = getParameters().getRaw();
        boolean benchmark = args.contains("--benchmark");
        mark(args, "start");
        try {
            db = AtlasDatabase.openBundled();
        } catch (AtlasDataException e) {
            CrashHandler.log("Cannot open the atlas database", e);
            showStartupError(e.getMessage());
            Platform.exit();
            return;
        } catch (RuntimeException e) {
            CrashHandler.log("Cannot open the atlas database", e);
            showStartupError(Messages.format("error.startup.unknown", CrashHandler.logFile()));
            Platform.exit();
            return;
        }
        mark(args, "db_open");
        AtlasState state = new AtlasState();
        AtlasWindow window = new AtlasWindow(db, state);
        Scene scene = window.createScene(1400, 880);
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        mark(args, "window_built");
        stage.show();
        mark(args, "shown");
        window.mapPane().mapView().requestFocus();
        applyStartOptions(args, state);
        if (benchmark || args.contains("--timing")) {
            CrashHandler.setQuiet(benchmark);
            Benchmark.watchPaint(window, benchmark);
        }
    }

    /**
     * {@code --view=lat,lon,zoom} opens the map there, {@code --select=feature-key} opens a feature's details,
     * {@code --presentation} starts with large text (teachers' shortcuts; also used for screenshots).
     */
    static void applyStartOptions(List<String> args, AtlasState state) {
        for (String a : args) {
            try {
                if (a.startsWith("--view=")) {
                    String[] v = a.substring(7).split(",");
                    AtlasState.ViewRequest r = new AtlasState.ViewRequest(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                            v.length > 2 ? Double.parseDouble(v[2]) : Double.NaN);
                    // after the first layout (which shows the whole valley)
                    Platform.runLater(() -> Platform.runLater(() -> state.requestView(r)));
                } else if (a.startsWith("--select=")) {
                    state.selectedKeyProperty().set(a.substring(9));
                } else if (a.equals("--presentation")) {
                    state.presentationProperty().set(true);
                } else if (a.startsWith("--date=")) {
                    state.mapDateProperty().set(java.time.LocalDate.parse(a.substring(7)));
                }
            } catch (RuntimeException e) {
                System.err.println("Ignoring option " + a + ": " + e.getMessage());
            }
        }
    }

    /** The startup problem in plain words (what, where, what to do); never a stack trace. */
    static void showStartupError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.setTitle(Messages.get("app.title"));
        a.setHeaderText(Messages.get("error.startup.header"));
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        a.getDialogPane().setContent(text);
        a.getDialogPane().getStylesheets().add(AtlasWindow.STYLESHEET);
        a.showAndWait();
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }

    /** Milliseconds since the process started (start-up timing with --timing / --benchmark). */
    static long sinceStart() {
        return System.currentTimeMillis() - startMillis();
    }

    /**
     * When the process started: {@code -Datlas.t0=<epoch ms>} set by the launching script (exact), else the
     * OS process start time (Linux reports it with up to a second of error).
     */
    static long startMillis() {
        Long t0 = Long.getLong("atlas.t0");
        return t0 != null ? t0 : ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }

    static void mark(List<String> args, String what) {
        if (args.contains("--timing") || args.contains("--benchmark")) {
            System.out.println("atlas-bench mark " + what + "=" + sinceStart());
        }
    }

    public static void main(String[] args) {
        mark(List.of(args), "main");
        launch(args);
    }
}
