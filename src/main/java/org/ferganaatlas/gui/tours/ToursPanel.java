package org.ferganaatlas.gui.tours;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.TourFiles;
import org.ferganaatlas.data.user.StoredTour;
import org.ferganaatlas.data.user.Tour;
import org.ferganaatlas.data.user.TourStop;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.common.Background;
import org.ferganaatlas.gui.common.Dialogs;
import org.ferganaatlas.gui.common.ErrorLog;
import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.BuiltInTour;
import org.ferganaatlas.gui.state.TourPlayer;
import org.ferganaatlas.model.GuidedTour;

/**
 * The tours tab: the built-in tour and the user's own (from their database), played or presented from here; a
 * user's tour is made by adding the current view as a stop, reordered, captioned and annotated here, and shared as a
 * tour file or a KML tour for Google Earth. Every change goes to the user database's thread and the list is redrawn
 * from what it answers; files are read and written on {@link Background}'s thread, never on the FX thread.
 */
public final class ToursPanel extends VBox implements AtlasPanel {
    private final AtlasContext ctx;
    private final AtlasState state;
    private final TourPlayer player;
    private final VBox body = new VBox();
    private final Label builtInTitle = new Label();
    private final ListView<Tour> tourList = new ListView<>();
    private final ListView<TourStop> stopList = new ListView<>();
    private final TextField stopTitle = new TextField();
    private final TextArea stopCaption = new TextArea();
    private final TextArea stopNotes = new TextArea();
    private final Label status = PanelParts.label("", "tour-status");
    private final Label notesNow = PanelParts.label("", "tour-notes");
    private final Label noDatabase = PanelParts.label("", "tour-hint");
    private GuidedTour builtIn;
    private StoredTour current;
    private String lastMessage = "";
    private long pending;

    public ToursPanel(AtlasContext ctx) {
        this.ctx = ctx;
        this.state = ctx.state();
        this.player = state.tours();
        setId("tours-panel");
        getStyleClass().addAll("reader-panel", "tours-panel");
        body.getStyleClass().addAll("reader-body", "tours-body");
        PanelParts.scrollingBody(this, body, "reader-scroll");

        // the built-in tour
        Label builtInHeader = heading("tours.builtIn");
        builtInTitle.getStyleClass().add("tour-title");
        builtInTitle.setWrapText(true);
        Button play = button("tour-builtin-play", "tours.play", e -> withBuiltIn(t -> player.play(t, 0)));
        Button present = button("tour-builtin-present", "tours.present", e -> withBuiltIn(t -> {
            player.play(t, 0);
            state.presentationProperty().set(true);
        }));
        Button builtInKml = button("tour-builtin-kml", "tours.exportKml", e -> withBuiltIn(t -> chooseExport(t, true)));
        FlowPane builtInButtons = row(play, present, builtInKml);
        BuiltInTour.settlement().whenComplete((t, err) -> Platform.runLater(() -> {
            builtIn = t;
            if (err != null) {
                ErrorLog.log("built-in tour", err);
            }
            showBuiltIn();
        }));

        // the user's tours
        Label mine = heading("tours.mine");
        noDatabase.textProperty().bind(Messages.text("tours.noDatabase"));
        tourList.setId("tour-list");
        tourList.setPrefHeight(130);
        tourList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Tour t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title());
            }
        });
        tourList.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> loadTour(t == null ? null : t.id()));
        Button create = button("tour-new", "tours.new", e -> newTour());
        Button rename = button("tour-rename", "tours.rename", e -> renameTour());
        Button delete = button("tour-delete", "tours.delete", e -> deleteTour());
        Button importButton = button("tour-import", "tours.import", e -> chooseImport());
        Button export = button("tour-export", "tours.export", e -> withCurrent(t -> chooseExport(t.toGuidedTour(), false)));
        Button kml = button("tour-export-kml", "tours.exportKml", e -> withCurrent(t -> chooseExport(t.toGuidedTour(), true)));
        FlowPane tourButtons = row(create, rename, delete, importButton, export, kml);

        // the chosen tour's stops
        Label stopsHeader = heading("tours.stops");
        stopList.setId("tour-stops");
        stopList.setPrefHeight(180);
        stopList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TourStop s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : (s.ordinal() + 1) + ". "
                        + (s.title().isBlank() ? Messages.format("tours.stop.untitled", s.ordinal() + 1) : s.title()));
            }
        });
        stopList.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> showStop(s));
        Button add = button("tour-add-stop", "tours.addStop", e -> addCurrentView());
        Button up = button("tour-stop-up", "tours.stop.up", e -> withStop(s -> change(db -> db.tours().moveStopBy(s.id(), -1), s.ordinal() - 1)));
        Button down = button("tour-stop-down", "tours.stop.down", e -> withStop(s -> change(db -> db.tours().moveStopBy(s.id(), +1), s.ordinal() + 1)));
        Button replace = button("tour-stop-replace", "tours.stop.replaceView", e -> withStop(s -> change(
                db -> db.tours().replaceView(s.id(), state.snapshot()).thenCompose(x -> db.tours().setDrawing(s.id(), state.drawingProperty().get())),
                s.ordinal())));
        Button deleteStop = button("tour-stop-delete", "tours.stop.delete", e -> withStop(this::deleteStop));
        FlowPane stopButtons = row(add, up, down, replace, deleteStop);

        // the chosen stop's texts, edited in place
        stopTitle.setId("tour-stop-title");
        stopTitle.promptTextProperty().bind(Messages.text("tours.edit.title"));
        stopCaption.setId("tour-stop-caption");
        stopCaption.promptTextProperty().bind(Messages.text("tours.edit.caption"));
        stopCaption.setWrapText(true);
        stopCaption.setPrefRowCount(3);
        stopNotes.setId("tour-stop-notes");
        stopNotes.promptTextProperty().bind(Messages.text("tours.edit.notes"));
        stopNotes.setWrapText(true);
        stopNotes.setPrefRowCount(3);
        Button save = button("tour-stop-save", "tours.edit.save", e -> withStop(s -> change(
                db -> db.tours().editStop(s.id(), stopTitle.getText(), stopCaption.getText(), stopNotes.getText()), s.ordinal())));
        Button playMine = button("tour-play", "tours.play", e -> withCurrent(t -> player.play(t.toGuidedTour(), selectedIndex())));
        // Play from the chosen stop (to try one out), Present from the first (the lesson)
        Button presentMine = button("tour-present", "tours.present", e -> withCurrent(t -> {
            player.play(t.toGuidedTour(), 0);
            state.presentationProperty().set(true);
        }));
        FlowPane editButtons = row(save, playMine, presentMine);

        // autoplay (kiosk): seconds per stop, and whether it starts again after the last
        Label secondsLabel = new Label();
        secondsLabel.textProperty().bind(Messages.text("tours.autoplay.seconds"));
        javafx.scene.control.Spinner<Integer> seconds = new javafx.scene.control.Spinner<>(3, 120, (int) player.secondsProperty().get(), 1);
        seconds.setId("tour-seconds");
        seconds.setPrefWidth(90);
        seconds.valueProperty().addListener((o, a, n) -> player.secondsProperty().set(n));
        secondsLabel.setLabelFor(seconds);
        javafx.scene.control.CheckBox loop = new javafx.scene.control.CheckBox();
        loop.setId("tour-loop");
        loop.textProperty().bind(Messages.text("tours.autoplay.loop"));
        loop.selectedProperty().bindBidirectional(player.loopProperty());
        FlowPane autoplayRow = row(secondsLabel, seconds, loop);
        autoplayRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label notesHeader = heading("tours.notes.header");
        notesNow.setId("tour-notes-now");
        status.setId("tour-status");

        body.getChildren().addAll(builtInHeader, builtInTitle, builtInButtons, mine, noDatabase, tourList, tourButtons,
                stopsHeader, stopList, stopButtons, stopTitle, stopCaption, stopNotes, editButtons, autoplayRow, notesHeader, notesNow, status);

        // what needs the user's database, or a chosen tour or stop
        BooleanBinding noDb = Bindings.createBooleanBinding(() -> ctx.user().database().isEmpty(), ctx.user().databaseProperty());
        BooleanBinding noTour = tourList.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding noStop = stopList.getSelectionModel().selectedItemProperty().isNull();
        noDatabase.visibleProperty().bind(noDb);
        noDatabase.managedProperty().bind(noDb);
        for (Button b : List.of(create, importButton)) {
            b.disableProperty().bind(noDb);
        }
        for (Button b : List.of(rename, delete, export, kml, add, playMine, presentMine)) {
            b.disableProperty().bind(noDb.or(noTour));
        }
        for (Button b : List.of(up, down, replace, deleteStop, save)) {
            b.disableProperty().bind(noDb.or(noStop));
        }
        for (javafx.scene.Node n : List.of(stopTitle, stopCaption, stopNotes)) {
            n.disableProperty().bind(noDb.or(noStop));
        }
        ctx.user().databaseProperty().addListener((o, a, db) -> reloadTours(null));
        reloadTours(null);

        // the notes of the stop being shown, here when not presenting (the speaker's window has them then)
        player.stopProperty().addListener(o -> showNotesNow());
        state.presentationProperty().addListener(o -> showNotesNow());
        Messages.onLocaleChange(this, () -> {
            showBuiltIn();
            showNotesNow();
        });
        showNotesNow();
    }

    // ---------------------------------------------------------------- for tests and the window

    /** The message last shown to the user about a file (tests). */
    public String lastMessage() {
        return lastMessage;
    }

    /** Whether a change, load or file operation is still under way (tests wait for it). */
    public boolean busy() {
        return pending > 0;
    }

    /** The user's tours as listed (tests). */
    public List<Tour> tours() {
        return List.copyOf(tourList.getItems());
    }

    /** The chosen tour with its stops, or null (tests). */
    public StoredTour current() {
        return current;
    }

    /** Imports a tour file as a new tour of the user's (what the file chooser calls). */
    public void importFile(Path file) {
        Optional<UserDatabase> db = ctx.user().database();
        if (db.isEmpty()) {
            return;
        }
        pending++;
        Background.load("tour file", () -> {
            try {
                return (Object) TourFiles.read(file);
            } catch (ImportException e) {
                return e;
            }
        }, read -> {
            if (read instanceof ImportException e) {
                pending--;
                refused(e);
                return;
            }
            db.get().tours().create((GuidedTour) read).whenComplete((made, err) -> Platform.runLater(() -> {
                pending--;
                if (err != null) {
                    failed("tours.import.failed", file, err);
                } else {
                    say(Messages.format("tours.imported", made.tour().title(), made.stops().size()));
                    reloadTours(made.tour().id());
                }
            }));
        });
    }

    /** Writes a tour as our file or as KML (what the file chooser calls). */
    public void exportTo(GuidedTour tour, Path file, boolean asKml) {
        pending++;
        GuidedTour t = asKml || tour.titleKey() != null ? TourTexts.resolved(tour) : tour;
        Background.load("tour file", () -> {
            try {
                if (asKml) {
                    TourFiles.writeKml(file, t);
                } else {
                    TourFiles.write(file, t);
                }
                return null;
            } catch (java.io.IOException | RuntimeException e) {
                return e;
            }
        }, err -> {
            pending--;
            if (err != null) {
                failed("tours.export.failed", file, err);
            } else {
                say(Messages.format("tours.exported", file.getFileName().toString()));
            }
        });
    }

    // ---------------------------------------------------------------- drawing

    private void showBuiltIn() {
        builtInTitle.setText(builtIn == null ? "" : TourTexts.tourTitle(builtIn) + " · "
                + Messages.format("tours.stopCount", builtIn.stops().size()));
    }

    private void showStop(TourStop s) {
        stopTitle.setText(s == null ? "" : s.title());
        stopCaption.setText(s == null ? "" : s.text());
        stopNotes.setText(s == null ? "" : s.notes());
    }

    private void showNotesNow() {
        GuidedTour.Stop s = player.stopProperty().get();
        String notes = s == null || state.presentationProperty().get() ? "" : TourTexts.notes(s);
        notesNow.setText(notes.isBlank() ? Messages.get("tours.notes.none") : notes);
    }

    private int selectedIndex() {
        int i = stopList.getSelectionModel().getSelectedIndex();
        return Math.max(0, i);
    }

    // ---------------------------------------------------------------- the user's database

    private void reloadTours(Long select) {
        Optional<UserDatabase> db = ctx.user().database();
        if (db.isEmpty()) {
            tourList.getItems().clear();
            return;
        }
        Long keep = select != null ? select : current == null ? null : current.tour().id();
        pending++;
        db.get().tours().list().whenComplete((list, err) -> Platform.runLater(() -> {
            pending--;
            if (err != null) {
                ErrorLog.log("tours", err);
                return;
            }
            tourList.setItems(FXCollections.observableArrayList(list));
            list.stream().filter(t -> keep != null && t.id() == keep).findFirst()
                    .or(() -> list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1)))
                    .ifPresent(t -> {
                        tourList.getSelectionModel().select(t);
                        loadTour(t.id()); // also when it was selected already: its stops changed
                    });
            if (list.isEmpty()) {
                loadTour(null);
            }
        }));
    }

    private void loadTour(Long id) {
        loadTour(id, -1);
    }

    private void loadTour(Long id, int selectStop) {
        Optional<UserDatabase> db = ctx.user().database();
        if (id == null || db.isEmpty()) {
            current = null;
            stopList.getItems().clear();
            return;
        }
        int keep = selectStop >= 0 ? selectStop : stopList.getSelectionModel().getSelectedIndex();
        pending++;
        db.get().tours().load(id).whenComplete((t, err) -> Platform.runLater(() -> {
            pending--;
            if (err != null) {
                ErrorLog.log("tour", err);
                return;
            }
            Tour chosen = tourList.getSelectionModel().getSelectedItem();
            if (chosen == null || chosen.id() != id) {
                return; // another tour was chosen meanwhile
            }
            current = t.orElse(null);
            stopList.setItems(FXCollections.observableArrayList(current == null ? List.of() : current.stops()));
            if (!stopList.getItems().isEmpty()) {
                stopList.getSelectionModel().select(Math.max(0, Math.min(keep, stopList.getItems().size() - 1)));
            }
        }));
    }

    /** Runs one change of the chosen tour, then shows the tour again with stop {@code selectAfter} chosen. */
    private void change(java.util.function.Function<UserDatabase, CompletableFuture<?>> work, int selectAfter) {
        Optional<UserDatabase> db = ctx.user().database();
        StoredTour t = current;
        if (db.isEmpty() || t == null) {
            return;
        }
        pending++;
        work.apply(db.get()).whenComplete((r, err) -> Platform.runLater(() -> {
            pending--;
            if (err != null) {
                failed("tours.change.failed", null, err);
            }
            loadTour(t.tour().id(), Math.max(0, selectAfter));
        }));
    }

    private void addCurrentView() {
        StoredTour t = current;
        if (t == null) {
            return;
        }
        int at = t.stops().size();
        change(db -> db.tours().addStop(t.tour().id(), Messages.format("tours.stop.untitled", at + 1), "", "",
                state.snapshot(), state.drawingProperty().get()), at);
    }

    private void deleteStop(TourStop s) {
        ButtonType yes = new ButtonType(Messages.get("tours.stop.delete"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        if (confirm(Messages.format("tours.stop.delete.confirm", s.title()), yes)) {
            change(db -> db.tours().deleteStop(s.id()), s.ordinal() - 1);
        }
    }

    private void newTour() {
        Optional<UserDatabase> db = ctx.user().database();
        if (db.isEmpty()) {
            return;
        }
        ask("tours.new.prompt", Messages.get("tours.new.default")).ifPresent(title -> {
            pending++;
            db.get().tours().create(title, "", null).whenComplete((t, err) -> Platform.runLater(() -> {
                pending--;
                if (err != null) {
                    failed("tours.change.failed", null, err);
                } else {
                    reloadTours(t.id());
                }
            }));
        });
    }

    private void renameTour() {
        withCurrent(t -> ask("tours.rename.prompt", t.tour().title()).ifPresent(title -> change(
                db -> db.tours().rename(t.tour().id(), title).thenRun(() -> Platform.runLater(() -> reloadTours(t.tour().id()))),
                selectedIndex())));
    }

    private void deleteTour() {
        withCurrent(t -> {
            ButtonType yes = new ButtonType(Messages.get("tours.delete"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            if (!confirm(Messages.format("tours.delete.confirm", t.tour().title(), t.stops().size()), yes)) {
                return;
            }
            ctx.user().database().ifPresent(db -> {
                pending++;
                db.tours().delete(t.tour().id()).whenComplete((r, err) -> Platform.runLater(() -> {
                    pending--;
                    current = null;
                    reloadTours(null);
                }));
            });
        });
    }

    // ---------------------------------------------------------------- files

    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("tours.import"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("tours.filter.tour"), "*.json"),
                new FileChooser.ExtensionFilter(Messages.get("import.filter.any"), "*"));
        java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            importFile(f.toPath());
        }
    }

    private void chooseExport(GuidedTour t, boolean asKml) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(asKml ? "tours.exportKml" : "tours.export"));
        String name = TourTexts.tourTitle(t).replaceAll("[\\\\/:*?\"<>|]", "_");
        chooser.setInitialFileName(name + (asKml ? ".kml" : ".tour.json"));
        chooser.getExtensionFilters().add(asKml
                ? new FileChooser.ExtensionFilter(Messages.get("tours.filter.kml"), "*.kml")
                : new FileChooser.ExtensionFilter(Messages.get("tours.filter.tour"), "*.json"));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(t, f.toPath(), asKml);
        }
    }

    // ---------------------------------------------------------------- messages

    private void refused(ImportException e) {
        String where = e.line() > 0 ? Messages.format("import.where.line", e.file().getFileName().toString(), e.line())
                : e.file().getFileName().toString();
        String what = Messages.format("import.error." + e.problem().key(), e.details().toArray());
        tell(Messages.get("tours.import.refused"), where + "\n\n" + what + "\n\n" + Messages.get("tours.import.nothingChanged"));
    }

    private void failed(String key, Path file, Throwable err) {
        ErrorLog.log("tours", err);
        Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        tell(Messages.get("tours.failed.header"), Messages.format(key, file == null ? "" : file.getFileName().toString(),
                String.valueOf(cause.getMessage())));
    }

    private void say(String text) {
        lastMessage = text;
        status.setText(text);
    }

    private void tell(String header, String text) {
        say(header + "\n" + text);
        Dialogs.tell(Dialogs.alert(Alert.AlertType.WARNING, Messages.get("app.title"), header, text, stylesheet(), ButtonType.OK));
    }

    private boolean confirm(String text, ButtonType yes) {
        Alert a = Dialogs.alert(Alert.AlertType.CONFIRMATION, Messages.get("app.title"), text, "", stylesheet(), yes, ButtonType.CANCEL);
        // nobody there to answer: nothing is deleted (tests confirm through the dialog's button)
        return Dialogs.ask(a, ButtonType.CANCEL).orElse(ButtonType.CANCEL) == yes;
    }

    private Optional<String> ask(String promptKey, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(Messages.get("app.title"));
        d.setHeaderText(Messages.get(promptKey));
        d.getEditor().setId("tour-name-field");
        String css = stylesheet();
        if (css != null) {
            d.getDialogPane().getStylesheets().add(css);
        }
        if (Dialogs.nonInteractive()) {
            return Optional.of(initial).filter(s -> !s.isBlank());
        }
        return d.showAndWait().map(String::strip).filter(s -> !s.isBlank());
    }

    private String stylesheet() {
        return getScene() == null || getScene().getStylesheets().isEmpty() ? null : getScene().getStylesheets().get(0);
    }

    // ---------------------------------------------------------------- parts

    private void withBuiltIn(Consumer<GuidedTour> then) {
        if (builtIn != null) {
            then.accept(builtIn);
        }
    }

    private void withCurrent(Consumer<StoredTour> then) {
        if (current != null) {
            then.accept(current);
        }
    }

    private void withStop(Consumer<TourStop> then) {
        TourStop s = stopList.getSelectionModel().getSelectedItem();
        if (s != null && current != null) {
            then.accept(s);
        }
    }

    private static Label heading(String key) {
        Label l = new Label();
        l.textProperty().bind(Messages.text(key));
        l.getStyleClass().add("tour-heading");
        return l;
    }

    private static Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(Messages.text(key));
        b.setOnAction(action);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(nodes);
        p.getStyleClass().add("tour-buttons");
        p.setHgap(6);
        p.setVgap(6);
        return p;
    }
}
