package org.ferganaatlas.gui.notes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.user.Note;
import org.ferganaatlas.data.user.NoteDraft;
import org.ferganaatlas.data.user.NoteFiles;
import org.ferganaatlas.gui.common.HostFiles;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.NoteBook;

/**
 * One note, new or saved: title, text, date, author, tags (separated by commas) and a photo file (a reference to the
 * user's own file, opened with the system's viewer). Save writes it in one transaction off the FX thread; if that
 * fails, the user is told in plain words and everything typed stays in the fields. Delete takes it away with an Undo
 * in the notice bar.
 */
public final class NoteEditor extends VBox {
    private final AtlasContext ctx;
    private final NoteBook book;
    private final Runnable onClose;
    private final Label heading = new Label();
    private final Label place = new Label();
    private final TextField title = new TextField();
    private final TextArea text = new TextArea();
    private final DatePicker date = new DatePicker();
    private final TextField author = new TextField();
    private final TextField tags = new TextField();
    private final Hyperlink photoLink = new Hyperlink();
    private final Button photoClear = new Button();
    private final Label error = new Label();
    private final Button save = new Button();
    private final Button delete = new Button();
    private Note editing;
    private String featureKey;
    private NoteFiles.LatLon at;
    private String photo;

    NoteEditor(AtlasContext ctx, Runnable onClose) {
        this.ctx = ctx;
        this.book = ctx.user().notes();
        this.onClose = onClose;
        setId("notes-editor");
        getStyleClass().add("notes-editor");
        heading.getStyleClass().add("panel-title");
        heading.setId("notes-editor-heading");
        place.getStyleClass().add("notes-place");
        place.setWrapText(true);
        place.setMinHeight(Region.USE_PREF_SIZE);
        place.setId("notes-editor-place");

        title.setId("notes-title");
        text.setId("notes-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        VBox.setVgrow(text, Priority.ALWAYS);
        date.setId("notes-date");
        date.setEditable(true);
        date.setMaxWidth(Double.MAX_VALUE);
        author.setId("notes-author");
        tags.setId("notes-tags");
        tags.promptTextProperty().bind(Messages.text("notes.field.tags.prompt"));

        Button choosePhoto = new Button();
        choosePhoto.setId("notes-photo-choose");
        choosePhoto.textProperty().bind(Messages.text("notes.photo.choose"));
        choosePhoto.setMinWidth(Region.USE_PREF_SIZE);
        choosePhoto.setOnAction(e -> choosePhoto());
        photoLink.setId("notes-photo-link");
        photoLink.setWrapText(true);
        photoLink.setOnAction(e -> openPhoto());
        photoClear.setId("notes-photo-clear");
        photoClear.textProperty().bind(Messages.text("notes.photo.remove"));
        photoClear.setMinWidth(Region.USE_PREF_SIZE);
        photoClear.setOnAction(e -> setPhoto(null));
        HBox photoRow = new HBox(choosePhoto, photoClear);
        photoRow.getStyleClass().add("notes-actions");
        photoRow.setAlignment(Pos.CENTER_LEFT);

        error.setId("notes-error");
        error.getStyleClass().add("notes-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.visibleProperty());

        save.setId("notes-save");
        save.textProperty().bind(Messages.text("notes.save"));
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        Button cancel = new Button();
        cancel.setId("notes-cancel");
        cancel.textProperty().bind(Messages.text("notes.cancel"));
        cancel.setOnAction(e -> onClose.run());
        delete.setId("notes-delete");
        delete.textProperty().bind(Messages.text("notes.delete"));
        delete.setOnAction(e -> delete());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(save, cancel, spacer, delete);
        buttons.getStyleClass().add("notes-actions");
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().forEach(n -> {
            if (n instanceof Button b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        });

        getChildren().addAll(heading, place,
                field("notes.field.title", title), field("notes.field.text", text), field("notes.field.date", date),
                field("notes.field.author", author), field("notes.field.tags", tags),
                field("notes.field.photo", photoLink), photoRow, error, buttons);
        // Ctrl+Enter saves from any field (Enter is a new line in the text)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                save();
                e.consume();
            }
        });
        Messages.onLocaleChange(this, () -> {
            showPlace();
            setPhoto(photo); // "No photo" in the new language
        });
    }

    private VBox field(String labelKey, javafx.scene.Node control) {
        Label l = new Label();
        l.textProperty().bind(Messages.text(labelKey));
        l.getStyleClass().add("notes-field-label");
        l.setLabelFor(control);
        VBox box = new VBox(l, control);
        box.getStyleClass().add("notes-field");
        if (control == text) {
            VBox.setVgrow(box, Priority.SOMETIMES);
        }
        return box;
    }

    /** Shows a saved note ({@code note} non-null) or a new one on this feature and/or point. */
    void edit(Note note, String key, NoteFiles.LatLon point) {
        editing = note;
        featureKey = key;
        at = point;
        heading.textProperty().unbind();
        heading.textProperty().bind(Messages.text(note == null ? "notes.editor.new" : "notes.editor.edit"));
        title.setText(note == null ? "" : note.title());
        text.setText(note == null ? "" : note.text());
        date.setValue(note == null ? null : note.date());
        date.getEditor().setText(note == null || note.date() == null ? "" : date.getConverter().toString(note.date()));
        author.setText(note == null || note.author() == null ? "" : note.author());
        tags.setText(note == null ? "" : String.join(NoteFiles.TAG_SEPARATOR, note.tags()));
        setPhoto(note == null ? null : note.photo());
        error.setVisible(false);
        save.setDisable(false);
        delete.setVisible(note != null);
        showPlace();
    }

    private void showPlace() {
        if (featureKey != null) {
            String name = ctx.data().feature(featureKey)
                    .map(f -> ctx.data().displayName(f, ctx.state().languageProperty().get().getLanguage())).orElse(featureKey);
            place.setText(Messages.format("notes.editor.onFeature", name));
        } else if (at != null) {
            place.setText(Messages.format("notes.editor.atPoint", FeatureText.latLon(at.lat(), at.lon())));
        } else {
            place.setText("");
        }
    }

    void focusTitle() {
        javafx.application.Platform.runLater(title::requestFocus);
    }

    /** The draft as typed; throws with a sentence for the user when something cannot be saved. */
    private NoteDraft draft() {
        if (title.getText() == null || title.getText().isBlank()) {
            throw new IllegalArgumentException(Messages.get("notes.error.title"));
        }
        LocalDate d;
        String typed = date.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            d = null;
        } else {
            try {
                d = date.getConverter().fromString(typed.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(Messages.format("notes.error.date", typed.strip()));
            }
        }
        List<String> tagList = Arrays.stream(tags.getText() == null ? new String[0] : tags.getText().split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        try {
            return new NoteDraft(featureKey, at == null ? null : at.lat(), at == null ? null : at.lon(), title.getText(),
                    text.getText(), d, author.getText(), tagList, photo);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.get("notes.error.invalid"));
        }
    }

    /** Saves what is typed (one transaction, off the FX thread); on failure says so and keeps every field. */
    public void save() {
        NoteDraft d;
        try {
            d = draft();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        save.setDisable(true);
        error.setVisible(false);
        Long id = editing == null ? null : editing.id();
        book.save(id, d).whenComplete((saved, e) -> {
            save.setDisable(false);
            if (e != null) {
                org.ferganaatlas.gui.common.ErrorLog.log("Could not save a note", e);
                showError(Messages.get("notes.error.save"));
                return;
            }
            ctx.state().notices().post(Messages.format("notes.saved", saved.title()));
            onClose.run();
        });
    }

    /** Deletes the note shown; the notice bar offers Undo, which puts it back as it was. */
    public void delete() {
        if (editing == null) {
            return;
        }
        Note was = editing;
        delete.setDisable(true);
        book.delete(was.id()).whenComplete((gone, e) -> {
            delete.setDisable(false);
            if (e != null) {
                org.ferganaatlas.gui.common.ErrorLog.log("Could not delete a note", e);
                showError(Messages.get("notes.error.delete"));
                return;
            }
            onClose.run();
            Note removed = gone.orElse(was);
            ctx.state().notices().post(Messages.format("notes.deleted", removed.title()), "notes.undo", () ->
                    book.restore(removed).whenComplete((back, again) -> ctx.state().notices().post(again == null
                            ? Messages.format("notes.restored", removed.title())
                            : Messages.get("notes.error.restore"))));
        });
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void setPhoto(String path) {
        photo = path == null || path.isBlank() ? null : path;
        photoLink.setText(photo == null ? Messages.get("notes.photo.none") : fileName(photo));
        photoLink.setDisable(photo == null);
        photoLink.setTooltip(photo == null ? null : new javafx.scene.control.Tooltip(photo));
        photoClear.setVisible(photo != null);
        photoClear.setManaged(photo != null);
    }

    private static String fileName(String path) {
        try {
            Path p = Path.of(path).getFileName();
            return p == null ? path : p.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    private void choosePhoto() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Messages.get("notes.photo.choose"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("notes.photo.filter"),
                        "*.jpg", "*.jpeg", "*.png", "*.heic", "*.webp", "*.tif", "*.tiff", "*.JPG", "*.JPEG", "*.PNG"),
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("import.filter.any"), "*"));
        java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            setPhoto(f.getAbsolutePath());
        }
    }

    private void openPhoto() {
        if (photo == null) {
            return;
        }
        Path p;
        try {
            p = Path.of(photo);
        } catch (java.nio.file.InvalidPathException e) {
            showError(Messages.format("notes.photo.missing", photo));
            return;
        }
        switch (HostFiles.open(p)) {
            case OPENED -> error.setVisible(false);
            case MISSING -> showError(Messages.format("notes.photo.missing", photo));
            case NO_HOST -> showError(Messages.format("notes.photo.noViewer", photo));
        }
    }

    // ---------------------------------------------------------------- for tests, as a user would type

    /** The fields, in the order a user fills them (tests). */
    public TextField titleField() {
        return title;
    }

    public TextArea textField() {
        return text;
    }

    public DatePicker dateField() {
        return date;
    }

    public TextField authorField() {
        return author;
    }

    public TextField tagsField() {
        return tags;
    }

    /** Sets the photo reference as the file chooser would (tests). */
    public void choosePhoto(Path file) {
        setPhoto(file.toAbsolutePath().toString());
    }

    /** The message shown, or null (tests). */
    public String errorText() {
        return error.isVisible() ? error.getText() : null;
    }
}
