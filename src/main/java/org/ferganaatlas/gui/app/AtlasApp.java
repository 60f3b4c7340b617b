package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;

import java.nio.file.Path;
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
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.SingleInstance;
import org.ferganaatlas.gui.state.Focus;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.ToolMode;

/**
 * Entry point of the atlas window. Options: {@code --lang=ru|ky|tg|uz|en} chooses the interface's language for
 * the run; {@code --benchmark} runs the scripted pan/zoom measurement
 * and exits (a driver in src/bench/java, not shipped); {@code --timing} prints the time to a fully painted map
 * ({@link PaintWatch}).
 */
public final class AtlasApp extends Application {
    private AtlasDatabase db;
    private AtlasWindow window;
    /** The lock that makes this the user's one atlas (null when the check could not be made). */
    private static SingleInstance.Primary instance;

    @Override
    public void start(Stage stage) {
        org.ferganaatlas.gui.common.HostFiles.install(getHostServices()); // a note's photo opens with the system's viewer
        fxThread = Thread.currentThread();
        CrashHandler.install();
        List<String> args = getParameters().getRaw();
        boolean benchmark = args.contains("--benchmark");
        mark(args, "start");
        // The user's folders are tried once (a notice, never a failure), and the database's
        // checksum is verified in parallel with opening it and building the window, joined before showing.
        StartupChecks checks = StartupChecks.begin(args);
        try {
            // opened in main() while the toolkit started (Preload), else here
            AtlasDatabase preloaded = Preload.database(checks.database());
            db = preloaded != null ? preloaded : AtlasDatabase.open(checks.database());
        } catch (AtlasDataException e) {
            failStartup(e);
            return;
        } catch (RuntimeException e) {
            CrashHandler.log("Cannot open the atlas database", e);
            failStartup(Messages.format("error.startup.unknown",
                    java.util.Objects.requireNonNullElse(CrashHandler.logFile(), Messages.get("error.noLog"))), EXIT_DATABASE);
            return;
        }
        mark(args, "db_open");
        if (!ExportCommand.requested(args) && !Boolean.getBoolean("atlas.noEarlyWindow")) {
            // the window is on screen while the atlas is built in it (an export never shows one)
            primaryStage = stage;
            WindowPlacement.showEarly(stage, Messages.get("app.title"));
            mark(args, "window_early");
            // Build the atlas a few frames later: built at once, it held the FX thread before the placeholder was
            // ever drawn (the first pulse comes before the window is mapped), and the window stayed white until the
            // atlas was in it. Three pulses are about 50 ms.
            new javafx.animation.AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses == 3) {
                        stop();
                        Platform.runLater(() -> buildWindow(stage, args, benchmark, checks));
                    }
                }
            }.start();
            return;
        }
        buildWindow(stage, args, benchmark, checks);
    }

    /** Builds the atlas's window into {@code stage} (shown early, or shown here) and applies the start options. */
    private void buildWindow(Stage stage, List<String> args, boolean benchmark, StartupChecks checks) {
        AtlasState state = new AtlasState();
        // --lang=xx for this run, else the system's language where the atlas is written in it (English otherwise);
        // the user's database then brings back the language last chosen, unless --lang was given
        java.util.Locale chosen = languageOption(args);
        state.languageProperty().set(chosen != null ? chosen : Messages.systemLanguage());
        Scene scene;
        try {
            window = new AtlasWindow(db, state, chosen != null);
            scene = window.createScene(1400, 880);
            if (primaryStage == null) {
                stage.setScene(scene);
            } // else it replaces the early window's name only once the checks have passed: never a suspect atlas on screen
        } catch (RuntimeException | LinkageError e) {
            // never a half-built window: the message instead, details in the log
            Path log = CrashHandler.log("Cannot build the atlas window", e);
            failStartup(Messages.format("error.window.failed", log == null ? Messages.get("error.noLog") : log.toString()), EXIT_WINDOW);
            return;
        }
        mark(args, "window_built");
        try {
            checks.awaitChecksum();
        } catch (AtlasDataException e) {
            failStartup(e);
            return;
        }
        mark(args, "checksum_joined");
        if (primaryStage != null) {
            stage.setScene(scene);
        }
        if (ExportCommand.requested(args)) {
            export(args);
            return; // never shown: the export draws offscreen and ends the run
        }
        // a size that suits the screen, or the last one (if the user's database is open by now; else when it is)
        WindowPlacement.install(stage, window.context().user());
        stage.show();
        if (instance != null) {
            instance.listen(req -> Platform.runLater(() -> {
                // a second start: bring this window forward (its files are opened here once importing exists)
                stage.setIconified(false);
                stage.show();
                stage.toFront();
                stage.requestFocus();
                System.out.println("atlas-instance: brought forward for " + req.args());
                req.files().forEach(f -> window.userLayers().importFile(java.nio.file.Path.of(f)));
            }));
        }
        mark(args, "shown");
        window.mapPane().mapView().requestFocus();
        applyStartOptions(args, state, window.context().focus());
        applyToolOptions(args, window);
        // a file given as an argument (a double-click on a .kml or .geojson, or -Djavafx.args=PATH) becomes a layer
        for (String a : args) {
            if (!a.startsWith("--")) {
                window.userLayers().importFile(java.nio.file.Path.of(a).toAbsolutePath());
            }
        }
        if (benchmark || args.contains("--timing")) {
            CrashHandler.setQuiet(benchmark);
            PaintWatch.watch(window, benchmark ? () -> runDriver("Benchmark", "run", window) : null);
        }
        if (args.contains("--walkthrough")) {
            runDriver("Walkthrough", "start", window);
        }
    }

    /**
     * {@code --export}: the window is built (its read model, layers and user database) but never shown; the pages are
     * drawn offscreen and written, then the run ends: 0 and the file's name on stdout, or one line on stderr.
     */
    private void export(List<String> args) {
        ExportCommand.Options o;
        try {
            o = ExportCommand.parse(args); // checked in main already; again for a start by another launcher
        } catch (ExportCommand.BadArguments e) {
            System.err.println(e.getMessage());
            exitWith(ExportCommand.EXIT_ARGUMENTS);
            return;
        }
        CrashHandler.setQuiet(true);
        ExportCommand.run(window, o, args).whenComplete((files, e) -> Platform.runLater(() -> {
            if (e != null) {
                System.err.println(HandoutExport.asExport(e, o.file()).getMessage());
                exitWith(ExportCommand.EXIT_FAILED);
            } else {
                files.forEach(f -> System.out.println(Messages.format("cli.export.done", f.toString())));
                exitWith(0);
            }
        }));
    }

    /**
     * The scripted benchmark and walkthrough are compiled with the tests and never ship (src/bench/java); bench/run.sh
     * and the offline test put them on the class path. Without them the option ends the app with a plain line.
     */
    private void runDriver(String simpleName, String method, AtlasWindow window) {
        try {
            Class<?> c = Class.forName(AtlasApp.class.getPackageName() + "." + simpleName);
            java.lang.reflect.Method m = c.getDeclaredMethod(method, AtlasWindow.class);
            m.setAccessible(true);
            m.invoke(null, window);
        } catch (ReflectiveOperationException e) {
            System.err.println("This build of the atlas has no " + simpleName.toLowerCase(java.util.Locale.ROOT)
                    + " driver: run it from a source checkout (bench/run.sh).");
            exitWith(EXIT_WALKTHROUGH);
        }
    }

    /** Exit codes: 0 fine; the bundled database cannot be used; the window could not be built; the walkthrough failed. */
    public static final int EXIT_DATABASE = 2, EXIT_WINDOW = 3, EXIT_WALKTHROUGH = 4;
    private static volatile int exitCode;
    private static final java.util.concurrent.atomic.AtomicBoolean exiting = new java.util.concurrent.atomic.AtomicBoolean();
    /** The FX thread: {@link #main} waits for it to end before {@code System.exit} (see there). */
    private static volatile Thread fxThread;

    /**
     * Ends the app with {@code code} once the toolkit has stopped (see {@link #main}). Only the first call counts:
     * one exit code, one {@link Platform#exit()}.
     */
    public static void exitWith(int code) {
        if (exiting.compareAndSet(false, true)) {
            exitCode = code;
            Platform.exit();
        }
    }

    /** The database cannot be used: log the detail, show what, where and what to do, exit non-zero. */
    private void failStartup(AtlasDataException e) {
        CrashHandler.log("Cannot open the atlas database", e);
        failStartup(databaseMessage(e), EXIT_DATABASE);
    }

    /** The stage shown early, while the window is built (hidden again if the start fails). */
    private Stage primaryStage;

    private void failStartup(String message, int code) {
        if (primaryStage != null) {
            primaryStage.hide();
        }
        if (db != null) {
            db.close();
            db = null;
        }
        // the plain message (no stack trace) also for whoever started the atlas from a terminal
        System.err.println(message);
        showStartupError(message);
        exitWith(code);
    }

    /** The database problem in the user's language: what is wrong, which file, what to do. */
    public static String databaseMessage(AtlasDataException e) {
        String what = Messages.format("error.db." + e.problem().key(), e.details().toArray());
        return what + "\n\n" + Messages.format("error.db.where", String.valueOf(e.file())) + "\n\n" + Messages.get("error.db.whatToDo");
    }

    /**
     * Dialogs nobody can click: with {@code -Datlas.noninteractive=true} (tests, the scripted walkthrough, installer
     * smoke tests) a dialog is shown, its text printed to stdout as {@code atlas-dialog: …} lines, and closed again.
     */
    public static boolean nonInteractive() {
        return Boolean.getBoolean("atlas.noninteractive");
    }

    /**
     * {@code --view=lat,lon,zoom} opens the map there, {@code --select=feature-key} opens a feature's details,
     * {@code --presentation} starts with large text (teachers' shortcuts; also used for screenshots).
     */
    public static void applyStartOptions(List<String> args, AtlasState state, Focus focus) {
        for (String a : args) {
            try {
                if (a.startsWith("--view=")) {
                    String[] v = a.substring(7).split(",");
                    double lat = Double.parseDouble(v[0]), lon = Double.parseDouble(v[1]);
                    double zoom = v.length > 2 ? Double.parseDouble(v[2]) : Double.NaN;
                    // after the first layout (which shows the whole valley)
                    Platform.runLater(() -> Platform.runLater(() -> state.commands().centreOn(lat, lon, zoom)));
                } else if (a.startsWith("--select=")) {
                    state.selectedKeyProperty().set(a.substring(9));
                } else if (a.equals("--presentation")) {
                    state.presentationProperty().set(true);
                } else if (a.startsWith("--record=")) {
                    // a treaty, provision or event key: opens it in the treaties panel or the timeline
                    String key = a.substring(9);
                    Platform.runLater(() -> Platform.runLater(() -> focus.showRecord(key)));
                } else if (a.startsWith("--tab=")) {
                    state.sideTabProperty().set(SideTab.byId(a.substring(6)));
                } else if (a.startsWith("--date=")) {
                    state.mapDateProperty().set(java.time.LocalDate.parse(a.substring(7)));
                }
            } catch (RuntimeException e) {
                System.err.println("Ignoring option " + a + ": " + e.getMessage());
            }
        }
    }

    /**
     * Development and screenshot options: {@code --search=text} types a query into the search field
     * (the result list opens); {@code --measure=lat,lon;lat,lon[;...][;close]} starts the measure tool with
     * these points (closed into an area with {@code ;close}).
     */
    public static void applyToolOptions(List<String> args, AtlasWindow window) {
        for (String a : args) {
            try {
                if (a.startsWith("--search=")) {
                    String text = a.substring(9);
                    Platform.runLater(() -> Platform.runLater(() -> {
                        window.search().focus();
                        window.search().field().setText(text);
                    }));
                } else if (a.startsWith("--measure=")) {
                    org.ferganaatlas.logic.Measurement m = org.ferganaatlas.logic.Measurement.EMPTY;
                    boolean close = false;
                    for (String p : a.substring(10).split(";")) {
                        if (p.equals("close")) {
                            close = true;
                        } else {
                            String[] v = p.split(",");
                            m = m.plus(new org.ferganaatlas.logic.Geodesy.LatLon(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
                        }
                    }
                    window.state().toolProperty().set(ToolMode.MEASURE);
                    window.state().measurementProperty().set(close ? m.close() : m);
                }
            } catch (RuntimeException e) {
                System.err.println("Ignoring option " + a + ": " + e.getMessage());
            }
        }
    }

    /**
     * {@code --lang=ru} (or en, ky, tg, uz): the interface's language for this run; null when not given or not one of
     * the five (then a plain line says so and the usual choice applies).
     */
    static java.util.Locale languageOption(List<String> args) {
        for (String a : args) {
            if (a.startsWith("--lang=")) {
                java.util.Locale l = java.util.Locale.forLanguageTag(a.substring(7).strip());
                if (Messages.isSupported(l)) {
                    return Messages.supported(l);
                }
                System.err.println("Ignoring option " + a + ": the atlas is written in "
                        + Messages.LANGUAGES.stream().map(java.util.Locale::getLanguage).toList());
            }
        }
        return null;
    }

    /** The startup problem in plain words (what, where, what to do); never a stack trace. */
    public static void showStartupError(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.setTitle(Messages.get("app.title"));
        a.setHeaderText(Messages.get("error.startup.header"));
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        a.getDialogPane().setContent(text);
        a.getDialogPane().getStylesheets().add(AtlasWindow.STYLESHEET);
        if (nonInteractive()) {
            a.show();
            printDialog(a);
            a.close();
        } else {
            a.showAndWait();
        }
    }

    /** Prints a dialog's header and text as shown (non-interactive runs). */
    public static void printDialog(Alert a) {
        String text = a.getDialogPane().getContent() instanceof Label l ? l.getText() : a.getContentText();
        System.out.println("atlas-dialog: " + a.getHeaderText());
        for (String line : text.split("\n")) {
            System.out.println("atlas-dialog: " + line);
        }
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.close();
        }
        if (window != null) {
            window.context().user().close(); // queued saves are written before the app ends
        }
        if (db != null) {
            db.close();
        }
    }

    /** Milliseconds since the process started (start-up timing with --timing / --benchmark). */
    public static long sinceStart() {
        return System.currentTimeMillis() - startMillis();
    }

    /**
     * When the process started: {@code -Datlas.t0=<epoch ms>} set by the launching script (exact), else the
     * OS process start time (Linux reports it with up to a second of error).
     */
    public static long startMillis() {
        Long t0 = Long.getLong("atlas.t0");
        return t0 != null ? t0 : ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }

    public static void mark(List<String> args, String what) {
        if (args.contains("--timing") || args.contains("--benchmark")) {
            System.out.println("atlas-bench mark " + what + "=" + sinceStart());
        }
    }

    /**
     * Kept for launchers that name this class; the toolkit is already up when it is called that way (see {@link Main},
     * the entry point).
     */
    public static void main(String[] args) {
        run(args);
    }

    /** Checks, the one-atlas lock, the pipeline choice and the preload, then the toolkit and the window. */
    static void run(String[] args) {
        mark(List.of(args), "main");
        List<String> argList = List.of(args);
        if (Boolean.getBoolean("atlas.exitWithParent")) {
            // started by ./mvnw javafx:run: stopping Maven stops the atlas (saves are flushed by the exit's hooks)
            ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(143)));
        }
        boolean export = ExportCommand.requested(argList);
        if (export) {
            // bad arguments end the run here, before the toolkit or the database start: one line, non-zero
            java.util.Locale lang = languageOption(argList);
            Messages.setLocale(lang != null ? lang : Messages.systemLanguage());
            try {
                ExportCommand.parse(argList);
            } catch (ExportCommand.BadArguments e) {
                System.err.println(e.getMessage());
                System.exit(ExportCommand.EXIT_ARGUMENTS);
            }
        }
        // an export runs beside an open atlas: it neither hands over to it nor takes the one-atlas lock
        if (!export && !argList.contains("--walkthrough") && !argList.contains("--benchmark")) {
            // one atlas per user: a second start hands its files to the first and ends, instead of a twin window on top
            SingleInstance.Claim claim = SingleInstance.claim(AtlasPaths.userDataDir().resolve("instance"), argList,
                    java.time.Duration.ofSeconds(5));
            switch (claim.outcome()) {
                case HANDED_OVER -> {
                    System.out.println(Messages.get("instance.handedOver"));
                    return;
                }
                case NOT_ANSWERED -> System.err.println(Messages.get("instance.notAnswering"));
                default -> instance = claim.primary();
            }
        }
        preferSoftwareWithoutGpu();
        Preload.begin(); // database, features and home-view tiles on another core while the toolkit starts
        launch(AtlasApp.class, args);
        int code = exitCode;
        if (code != 0) {
            // launch() returns as soon as the toolkit has been told to stop, but the toolkit's own thread is still
            // finishing (Monocle, for one, then removes its shutdown hook: "Shutdown in progress" and a stack trace if
            // System.exit has already begun). Exit, once and from here, only after that thread has ended.
            awaitToolkitEnd();
            System.exit(code);
        }
    }

    /**
     * On Linux without a GPU render node (most school PCs, VMs, Xvfb) Prism's ES2 probe loads Mesa and LLVM (about 46 MB
     * resident) only to fall back to software: go to software at once. Set before the toolkit starts; an explicit
     * {@code -Dprism.order} wins.
     */
    static void preferSoftwareWithoutGpu() {
        if (System.getProperty("prism.order") == null && System.getProperty("os.name", "").startsWith("Linux")
                && !hasRenderNode(java.nio.file.Path.of("/dev/dri"))) {
            System.setProperty("prism.order", "sw");
        }
    }

    /** Whether a DRM render node ({@code renderD128} …) exists: without one no GPU pipeline can start. */
    static boolean hasRenderNode(java.nio.file.Path dri) {
        try (var s = java.nio.file.Files.list(dri)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("renderD"));
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    private static void awaitToolkitEnd() {
        Thread fx = fxThread;
        if (fx != null && fx != Thread.currentThread()) {
            try {
                fx.join(10_000); // bounded: a toolkit that never ends must not keep a failed start-up alive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
