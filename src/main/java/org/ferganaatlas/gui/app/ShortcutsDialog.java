package org.ferganaatlas.gui.app;

import javafx.scene.AccessibleRole;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferganaatlas.gui.l10n.Messages;

/** F1: every keyboard shortcut of the window, in the reader's language; Esc or Enter closes it. */
final class ShortcutsDialog {
    /** The rows, in the order a newcomer needs them: bundle keys {@code help.row.<id>} and {@code help.row.<id>.keys}. */
    static final String[] ROWS = {"tab", "sideTabs", "search", "map", "zoom", "home", "inView", "measure", "draw", "present", "escape", "tour",
            "textSize", "help"};

    private ShortcutsDialog() {}

    static Dialog<Void> show(Window owner, java.util.List<String> rootClasses) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        d.setTitle(Messages.get("help.title"));
        d.setHeaderText(Messages.get("help.intro"));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-grid");
        int r = 0;
        for (String id : ROWS) {
            Label keys = new Label(Messages.get("help.row." + id + ".keys"));
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(Messages.get("help.row." + id));
            what.getStyleClass().add("shortcut-action");
            what.setWrapText(true);
            // read as one line by a screen reader: "Ctrl+L: List the places in view…"
            keys.setAccessibleText(keys.getText() + ": " + what.getText());
            keys.setAccessibleRole(AccessibleRole.TEXT);
            grid.addRow(r++, keys, what);
        }
        d.getDialogPane().setContent(new VBox(grid));
        d.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("help.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        style(d, rootClasses);
        d.getDialogPane().setId("shortcuts-dialog");
        d.show();
        return d;
    }

    /** A dialog of the window looks like it: the style sheet, the text size and the contrast theme. */
    static void style(Dialog<?> d, java.util.List<String> rootClasses) {
        d.getDialogPane().getStylesheets().add(AtlasWindow.STYLESHEET);
        d.getDialogPane().getStyleClass().addAll("atlas-root", "atlas-dialog");
        d.getDialogPane().getStyleClass().addAll(rootClasses);
    }
}
