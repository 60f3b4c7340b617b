package org.ferganaatlas.gui.notes;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.user.Note;
import org.ferganaatlas.data.user.NoteDraft;
import org.ferganaatlas.data.user.NoteFiles;
import org.ferganaatlas.data.user.Notes;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.common.Exports;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.NoteBook;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.logic.TextMatch;
import org.ferganaatlas.model.Feature;

/**
 * The notes tab: the user's notes (title, date, place), searched with the atlas search's Latin/Cyrillic rule, a note
 * started on the selected feature or, with none selected, wherever the next click on the map falls (the pin tool),
 * opened in the {@link NoteEditor}, exported as GeoJSON, KML or CSV. Choosing a note flies the map to it. It shows
 * what the {@link NoteBook} holds and changes the rest of the window only through the state.
 */
public final class NotesPanel extends VBox implements AtlasPanel {
    private final AtlasContext ctx;
    private final AtlasState state;
    private final NoteBook book;
    private final TextField search = new TextField();
    private final ListView<Note> list = new ListView<>();
    private final Label empty = new Label();
    private final Label pinHint = new Label();
    private final HBox placeBar = new HBox();
    private final Label placeLabel = new Label();
    private final VBox browse = new VBox();
    private final NoteEditor editor;
    private boolean choosing;

    public NotesPanel(AtlasContext ctx) {
        this.ctx = ctx;
        this.state = ctx.state();
        this.book = ctx.user().notes();
        setId("notes-panel");
        getStyleClass().add("notes-panel");
        this.editor = new NoteEditor(ctx, this::closeEditor);

        Label title = new Label();
        title.textProperty().bind(Messages.text("notes.title"));
        title.getStyleClass().add("panel-title");

        search.setId("notes-search");
        search.promptTextProperty().bind(Messages.text("notes.search.prompt"));
        search.accessibleTextProperty().bind(Messages.text("notes.search.prompt"));
        search.textProperty().addListener(o -> refresh());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(Double.MAX_VALUE);

        Button add = new Button();
        add.setId("notes-new");
        add.textProperty().bind(Messages.text("notes.new"));
        add.setTooltip(tooltip("notes.new.tip"));
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> newNote());
        MenuButton export = exportMenu();
        HBox actions = new HBox(add, export);
        actions.getStyleClass().add("notes-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        // a database that could not be opened: nothing can be saved, so nothing can be started
        add.disableProperty().bind(ctx.user().databaseProperty().isNull());

        pinHint.setId("notes-pin-hint");
        pinHint.textProperty().bind(Messages.text("notes.pin.hint"));
        pinHint.getStyleClass().add("notes-hint");
        pinHint.setWrapText(true);
        pinHint.setMinHeight(Region.USE_PREF_SIZE);
        pinHint.visibleProperty().bind(state.toolProperty().isEqualTo(ToolMode.PIN));
        pinHint.managedProperty().bind(pinHint.visibleProperty());

        placeLabel.getStyleClass().add("notes-place");
        placeLabel.setWrapText(true);
        placeLabel.setId("notes-place-filter");
        HBox.setHgrow(placeLabel, Priority.ALWAYS);
        placeLabel.setMaxWidth(Double.MAX_VALUE);
        Button all = new Button();
        all.setId("notes-show-all");
        all.textProperty().bind(Messages.text("notes.showAll"));
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> book.placeFilterProperty().set(null));
        placeBar.getChildren().addAll(placeLabel, all);
        placeBar.setAlignment(Pos.CENTER_LEFT);
        placeBar.getStyleClass().add("notes-place-bar");

        list.setId("notes-list");
        list.getStyleClass().add("notes-list");
        list.setCellFactory(v -> new NoteCell());
        list.setPlaceholder(empty);
        empty.setWrapText(true);
        empty.getStyleClass().add("notes-hint");
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null && !choosing) {
                fly(n);
                book.selectedProperty().set(n.id());
            }
        });

        browse.getChildren().addAll(title, search, actions, pinHint, placeBar, list);
        browse.getStyleClass().add("notes-browse");
        VBox.setVgrow(browse, Priority.ALWAYS);
        getChildren().add(browse);

        book.notes().addListener((ListChangeListener<Note>) c -> refresh());
        book.placeFilterProperty().addListener(o -> refresh());
        book.loadedProperty().addListener(o -> refresh());
        // a note chosen anywhere (a pin, this list) opens here
        book.selectedProperty().addListener((o, a, id) -> {
            if (id != null) {
                book.get(id).ifPresent(this::open);
            }
        });
        book.pinRequestProperty().addListener((o, a, at) -> {
            if (at != null) {
                book.pinRequestProperty().set(null);
                startAt(null, at);
            }
        });
        book.placeFilterProperty().addListener((o, a, key) -> {
            if (key != null) {
                state.sideTabProperty().set(SideTab.NOTES);
            }
        });
        Messages.onLocaleChange(this, this::refresh);
        refresh();
    }

    /** The notes the list shows: those of the place asked for (or all), matching the search. */
    public List<Note> shown() {
        TextMatch match = TextMatch.of(search.getText());
        String place = book.placeFilterProperty().get();
        return book.notes().stream().filter(n -> place == null || place.equals(n.featureKey()))
                .filter(n -> Notes.matches(match, n)).toList();
    }

    private void refresh() {
        List<Note> shown = shown();
        Long chosen = book.selectedProperty().get();
        choosing = true;
        try {
            list.getItems().setAll(shown);
            shown.stream().filter(n -> chosen != null && n.id() == chosen).findFirst()
                    .ifPresentOrElse(n -> list.getSelectionModel().select(n), () -> list.getSelectionModel().clearSelection());
        } finally {
            choosing = false;
        }
        String place = book.placeFilterProperty().get();
        placeBar.setVisible(place != null);
        placeBar.setManaged(place != null);
        if (place != null) {
            placeLabel.setText(Messages.format("notes.onPlace", placeName(place)));
        }
        empty.setText(ctx.user().database().isEmpty() ? Messages.get("notes.unavailable")
                : book.notes().isEmpty() ? Messages.get("notes.none")
                : Messages.get("notes.noMatch"));
    }

    /** The name of a feature in the user's language (its key if the atlas does not know it). */
    String placeName(String key) {
        return ctx.data().feature(key).map(f -> ctx.data().displayName(f, state.languageProperty().get().getLanguage())).orElse(key);
    }

    /** New note: on the selected feature, else on the spot the next click on the map chooses. */
    public void newNote() {
        String key = state.selectedKeyProperty().get();
        Optional<Feature> f = key == null ? Optional.empty() : ctx.data().feature(key);
        if (f.isPresent()) {
            startAt(f.get().key(), NoteBook.featurePlace(key, ctx.data()).orElse(null));
        } else {
            state.toolProperty().set(ToolMode.PIN);
        }
    }

    /** Starts a new note on a feature and/or a point, in the editor. */
    private void startAt(String featureKey, NoteFiles.LatLon at) {
        if (featureKey == null && at == null) {
            return;
        }
        book.selectedProperty().set(null);
        state.sideTabProperty().set(SideTab.NOTES);
        editor.edit(null, featureKey, at);
        showEditor(true);
    }

    private void open(Note n) {
        editor.edit(n, n.featureKey(), NoteBook.placeOf(n, ctx.data()).orElse(null));
        state.sideTabProperty().set(SideTab.NOTES);
        showEditor(true);
    }

    private void closeEditor() {
        book.selectedProperty().set(null);
        showEditor(false);
        refresh();
    }

    private void showEditor(boolean on) {
        getChildren().setAll(on ? editor : browse);
        if (on) {
            editor.focusTitle();
        }
    }

    /** Whether a note is open in the editor (tests). */
    public boolean editing() {
        return getChildren().contains(editor);
    }

    /** The editor (tests fill it as a user would). */
    public NoteEditor editor() {
        return editor;
    }

    /** The map goes to the note: to its feature (selected, as search does) or to its point. */
    private void fly(Note n) {
        if (n.featureKey() != null && ctx.data().feature(n.featureKey()).isPresent()) {
            ctx.focus().showFeature(n.featureKey());
            return;
        }
        NoteBook.placeOf(n, ctx.data()).ifPresent(p ->
                state.commands().centreOn(p.lat(), p.lon(), Math.max(12, state.zoomProperty().get())));
    }

    private MenuButton exportMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("notes-export");
        menu.textProperty().bind(Messages.text("notes.export"));
        menu.setTooltip(tooltip("notes.export.tip"));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        for (Exports.Format f : Exports.Format.values()) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(Messages.text(f.labelKey()));
            item.setId("notes-export-" + f.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> Exports.choose(getScene() == null ? null : getScene().getWindow(),
                    Messages.get("notes.export.fileName"), f).ifPresent(this::export));
            menu.getItems().add(item);
        }
        menu.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(book.notes()));
        return menu;
    }

    /**
     * Writes the notes the list shows (all of them when it is neither searched nor narrowed to a place) to {@code
     * file}, by its ending, off the FX thread; the notice bar says when it is done.
     */
    public void export(Path file) {
        List<Note> notes = shown();
        var data = ctx.data();
        Exports.write(file, Messages.get("notes.title"), () -> NoteFiles.exported(notes, k -> NoteBook.featurePlace(k, data)),
                said -> state.notices().post(said));
    }

    private static javafx.scene.control.Tooltip tooltip(String key) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
        t.textProperty().bind(Messages.text(key));
        return t;
    }

    /** A note in the list: its title, then its date and place. */
    private final class NoteCell extends ListCell<Note> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(title, meta);

        NoteCell() {
            title.getStyleClass().add("note-cell-title");
            meta.getStyleClass().add("note-cell-meta");
            title.setWrapText(true);
            meta.setWrapText(true);
            box.getStyleClass().add("note-cell");
            setPrefWidth(0); // wrap in the list's width, never widen it
        }

        @Override
        protected void updateItem(Note n, boolean isEmpty) {
            super.updateItem(n, isEmpty);
            if (isEmpty || n == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            title.setText(n.title());
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (n.date() != null) {
                parts.add(FeatureText.date(n.date(), state.languageProperty().get()));
            }
            parts.add(where(n));
            meta.setText(String.join(" · ", parts));
            setText(null);
            setGraphic(box);
            setAccessibleText(n.title() + ", " + meta.getText());
        }
    }

    /** Where a note is, in words: its place's name, else its coordinates. */
    String where(Note n) {
        if (n.featureKey() != null) {
            return placeName(n.featureKey());
        }
        return n.lat() == null ? "" : FeatureText.latLon(n.lat(), n.lon());
    }
}
