package org.ferganaatlas.gui.panels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.MbTiles;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.common.Dialogs;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.UserStore;

/**
 * "Basemap" in the layers panel: the atlas map, or one of the MBTiles picture files the user added (satellite
 * imagery an NGO already has). A file is added with a file chooser, opened and checked off the FX thread, and
 * remembered in the user's settings by its path (the file stays where it is and is only read); a file that cannot be
 * used is refused with what is wrong and what to do, and the map stays as it was.
 */
public final class BasemapChoice extends VBox {
    /** One entry of the list: the atlas map (null file) or a user's file. */
    public record Choice(Path file) {}

    private final AtlasState state;
    private final UserStore user;
    private final ComboBox<Choice> box = new ComboBox<>();
    private boolean updating;
    private final javafx.beans.property.ObjectProperty<MbTiles.Problem> refused =
            new javafx.beans.property.SimpleObjectProperty<>(this, "refused");

    /** Why the last file the user chose was refused (null after one was accepted). */
    public javafx.beans.property.ReadOnlyObjectProperty<MbTiles.Problem> refusedProperty() {
        return refused;
    }

    BasemapChoice(AtlasState state, UserStore user) {
        this.state = state;
        this.user = user;
        setId("basemap-choice");
        getStyleClass().add("basemap-choice");
        Label title = new Label();
        title.textProperty().bind(Messages.text("basemap.title"));
        title.getStyleClass().add("layer-group-title");
        box.setId("basemap-box");
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setCellFactory(l -> new ChoiceCell());
        box.setButtonCell(new ChoiceCell());
        Button add = new Button();
        add.setId("basemap-add");
        add.textProperty().bind(Messages.text("basemap.add"));
        add.setOnAction(e -> chooseFile());
        getChildren().addAll(title, new HBox(4, box, add));
        box.getItems().add(new Choice(null));
        box.getSelectionModel().select(0);
        box.valueProperty().addListener((o, a, c) -> {
            if (!updating && c != null) {
                use(c.file(), true);
            }
        });
        state.basemapProperty().addListener((o, a, m) -> select(m == null ? null : m.file()));
        Messages.onLocaleChange(this, () -> {
            box.setButtonCell(new ChoiceCell());
        });
        // the files added before, and the one in use, come back with the user's database
        user.databaseProperty().addListener((o, a, db) -> restore(db));
        user.database().ifPresent(this::restore);
    }

    private void restore(UserDatabase db) {
        if (db == null) {
            return;
        }
        for (Path p : remembered(db)) {
            addItem(p);
        }
        db.settings().get(Settings.BASEMAP_CURRENT).filter(s -> !s.isBlank()).map(Path::of).ifPresent(p -> use(p, false));
    }

    private static List<Path> remembered(UserDatabase db) {
        List<Path> out = new ArrayList<>();
        for (String line : db.settings().get(Settings.BASEMAP_FILES, "").split("\n")) {
            if (!line.isBlank()) {
                out.add(Path.of(line.strip()));
            }
        }
        return out;
    }

    private void chooseFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Messages.get("basemap.add.title"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("basemap.filter"), "*.mbtiles"),
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("import.filter.any"), "*"));
        java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            addFile(f.toPath());
        }
    }

    /** Adds {@code file} as a basemap and shows it, if it can be one (the file chooser, and tests). */
    public void addFile(Path file) {
        use(file.toAbsolutePath().normalize(), true);
    }

    /**
     * Opens {@code file} off the FX thread and shows it; {@code null} is the atlas map. When the user chose it
     * ({@code said}), a refusal is told and the choice is remembered; at start a file that has gone is passed over.
     */
    private void use(Path file, boolean said) {
        MbTiles before = state.basemapProperty().get();
        if (file == null) {
            state.basemapProperty().set(null);
            closeLater(before);
            remember(null);
            return;
        }
        if (before != null && before.file().equals(file)) {
            return;
        }
        Thread t = new Thread(() -> {
            MbTiles opened = null;
            MbTiles.MbTilesException refused = null;
            try {
                opened = MbTiles.open(file);
            } catch (MbTiles.MbTilesException e) {
                refused = e;
            }
            MbTiles m = opened;
            MbTiles.MbTilesException why = refused;
            Platform.runLater(() -> {
                if (m != null) {
                    BasemapChoice.this.refused.set(null);
                    addItem(m.file());
                    MbTiles old = state.basemapProperty().get();
                    state.basemapProperty().set(m);
                    closeLater(old);
                    remember(m.file());
                } else {
                    select(before == null ? null : before.file());
                    if (said) {
                        BasemapChoice.this.refused.set(why.problem());
                        refuse(why);
                    }
                }
            });
        }, "atlas-basemap-open");
        t.setDaemon(true);
        t.start();
    }

    /** The old file is closed once the imagery thread may have finished its last read of it. */
    private static void closeLater(MbTiles m) {
        if (m != null) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                m.close();
            }, "atlas-basemap-close");
            t.setDaemon(true);
            t.start();
        }
    }

    private void remember(Path current) {
        user.database().ifPresent(db -> {
            List<String> files = new ArrayList<>();
            for (Choice c : box.getItems()) {
                if (c.file() != null) {
                    files.add(c.file().toString());
                }
            }
            db.settings().put(Settings.BASEMAP_FILES, String.join("\n", files));
            if (current == null) {
                db.settings().remove(Settings.BASEMAP_CURRENT);
            } else {
                db.settings().put(Settings.BASEMAP_CURRENT, current.toString());
            }
        });
    }

    private void addItem(Path file) {
        if (box.getItems().stream().noneMatch(c -> file.equals(c.file()))) {
            box.getItems().add(new Choice(file));
        }
    }

    private void select(Path file) {
        updating = true;
        try {
            for (Choice c : box.getItems()) {
                if (java.util.Objects.equals(c.file(), file)) {
                    box.getSelectionModel().select(c);
                }
            }
        } finally {
            updating = false;
        }
    }

    private void refuse(MbTiles.MbTilesException e) {
        String name = e.file() == null ? "?" : e.file().getFileName().toString();
        String text = Messages.format("basemap.error." + e.problem().key(), name) + "\n\n" + Messages.get("basemap.unchanged");
        System.out.println("atlas-basemap: refused " + e.getMessage());
        String css = getScene() == null || getScene().getStylesheets().isEmpty() ? null : getScene().getStylesheets().get(0);
        Dialogs.tell(Dialogs.alert(Alert.AlertType.WARNING, Messages.get("app.title"), Messages.get("basemap.refused.header"),
                text, css, ButtonType.OK));
    }

    /** "Atlas map", or the file's name (and where it is, if it is missing now). */
    private final class ChoiceCell extends ListCell<Choice> {
        @Override
        protected void updateItem(Choice c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
            } else if (c.file() == null) {
                setText(Messages.get("basemap.atlas"));
            } else {
                MbTiles m = state.basemapProperty().get();
                String name = m != null && m.file().equals(c.file()) ? m.name() : c.file().getFileName().toString();
                setText(Files.exists(c.file()) ? name : Messages.format("basemap.missing", name));
            }
        }
    }
}
