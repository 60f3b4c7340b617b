package org.ferganaatlas.gui.panels;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ferganaatlas.data.UserFolders;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Notices;
import org.ferganaatlas.gui.state.UserStore;

/**
 * What the atlas cannot save, and why, in a band of its own across the whole window above the status bar: the user
 * must be able to read what is wrong and what to do at any window size (squeezed into the status bar it shrank to an
 * empty box with an ellipsis). Hidden until there is something to say; closed with its button.
 */
public final class NoticeBar extends HBox implements AtlasPanel {
    public NoticeBar(AtlasContext ctx) {
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        Node notice = saveNotice(ctx.user());
        HBox.setHgrow(notice, Priority.ALWAYS);
        Node message = message(ctx.state().notices());
        HBox.setHgrow(message, Priority.ALWAYS);
        javafx.scene.layout.VBox both = new javafx.scene.layout.VBox(notice, message);
        HBox.setHgrow(both, Priority.ALWAYS);
        getChildren().add(both);
        managedProperty().bind(notice.visibleProperty().or(message.visibleProperty()));
        visibleProperty().bind(notice.visibleProperty().or(message.visibleProperty()));
    }

    /** The latest message of the window ({@link Notices}), with its button (Undo) if it has one. */
    private Node message(Notices notices) {
        Label text = new Label();
        text.setId("notice-text");
        text.getStyleClass().add("notice-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button action = new Button();
        action.setId("notice-action");
        action.getStyleClass().add("notice-action");
        Button close = new Button();
        close.textProperty().bind(Messages.text("notice.dismiss"));
        close.setId("notice-close");
        close.getStyleClass().add("save-notice-close");
        HBox box = new HBox(text, action, close);
        box.setId("notice-message");
        box.getStyleClass().add("notice-message"); // (not .save-notice: a message is not a failure to save)
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            Notices.Notice n = notices.currentProperty().get();
            box.setVisible(n != null);
            box.setManaged(n != null);
            text.setText(n == null ? "" : n.text());
            action.textProperty().unbind();
            action.setVisible(n != null && n.action() != null);
            action.setManaged(action.isVisible());
            if (n != null && n.actionKey() != null) {
                action.textProperty().bind(Messages.text(n.actionKey()));
            }
        };
        action.setOnAction(e -> {
            Notices.Notice n = notices.currentProperty().get();
            if (n != null && n.action() != null) {
                notices.clear(n);
                n.action().run();
            }
        });
        close.setOnAction(e -> notices.clear());
        notices.currentProperty().addListener(o -> show.run());
        show.run();
        return box;
    }

    /**
     * One non-modal notice, one line per folder however often writes fail there (and what is wrong with the user's
     * database), until the user closes it.
     */
    private Node saveNotice(UserStore user) {
        Label text = new Label();
        text.setId("save-notice-text");
        text.getStyleClass().add("save-notice-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        Button close = new Button();
        close.textProperty().bind(Messages.text("notice.dismiss"));
        close.setId("save-notice-close");
        close.getStyleClass().add("save-notice-close");
        HBox box = new HBox(text, close);
        box.setId("save-notice");
        box.getStyleClass().add("save-notice");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setVisible(false);
        box.setManaged(false);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        close.setOnAction(e -> {
            box.setVisible(false);
            box.setManaged(false);
        });
        java.util.function.BiConsumer<String, String> addLine = (line, detail) -> {
            text.setText(text.getText().isEmpty() ? line : text.getText() + "\n" + line);
            text.setTooltip(new Tooltip(text.getText()));
            box.setVisible(true);
            box.setManaged(true);
            System.out.println("atlas-notice: " + line + " (" + detail + ")");
        };
        java.util.Set<UserFolders.Folder> said = java.util.EnumSet.noneOf(UserFolders.Folder.class);
        java.util.function.Consumer<UserFolders.SaveProblem> listener = p -> Platform.runLater(() -> {
            if (!said.add(p.folder())) {
                return;
            }
            String where = p.path() == null ? "?" : p.path().toString();
            addLine.accept(p.folder() == UserFolders.Folder.CACHE ? Messages.format("notice.cannotSave.cache", where)
                    : Messages.format("notice.cannotSave.userData", where), p.reason());
        });
        // UserFolders is static: it holds the listener weakly (through this node), so a closed window can go
        getProperties().put(UserFolders.class, listener);
        java.lang.ref.WeakReference<java.util.function.Consumer<UserFolders.SaveProblem>> weak = new java.lang.ref.WeakReference<>(listener);
        UserFolders.addListener(p -> {
            java.util.function.Consumer<UserFolders.SaveProblem> l = weak.get();
            if (l != null) {
                l.accept(p);
            }
        });
        // the user's own database: what is wrong with it, where, and what happens now (in the bundle's words)
        user.problemProperty().addListener((o, a, p) -> {
            // an unwritable folder is the folder's notice above (UserStore reports it there), not a second line
            if (p != null && p.error().problem() != org.ferganaatlas.data.user.UserDataException.Problem.UNWRITABLE) {
                String where = String.valueOf(p.error().file());
                String line = p.setAsideTo() != null
                        ? Messages.format("notice.userDatabase.setAside", where, String.valueOf(p.setAsideTo()))
                        : Messages.format("notice.userDatabase." + p.error().problem().key(), where);
                addLine.accept(line, p.error().getMessage());
            }
        });
        return box;
    }

}
