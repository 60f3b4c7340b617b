package org.ferganaatlas.gui.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;

/**
 * The window's side of presentation mode: full screen on the display the window is on while
 * {@link AtlasState#presentationProperty()} is on, and back to the same place, size and maximised state when it goes
 * off. Esc is the atlas's own key (it leaves presentation mode through the state), so JavaFX's built-in exit key is
 * turned off; if the desktop takes the window out of full screen some other way, presentation mode ends with it.
 * (What the window shows in presentation mode is {@code AtlasWindow}'s: one root style class and the chrome hidden.)
 */
final class PresentationMode {
    private final AtlasState state;
    private Stage stage;
    private Rectangle2D before;
    private boolean maximizedBefore;

    PresentationMode(AtlasState state) {
        this.state = state;
        state.presentationProperty().addListener((o, was, on) -> apply(on));
    }

    /** Leaves the stage ends presentation mode when the desktop takes the window out of full screen. */
    private final javafx.beans.value.ChangeListener<Boolean> fullScreenLeft = (o, was, full) -> fullScreenChanged(full);

    private void fullScreenChanged(boolean full) {
        if (!full && state.presentationProperty().get()) {
            state.presentationProperty().set(false);
        }
    }

    void attach(Stage s) {
        if (stage == s) {
            return;
        }
        detach();
        stage = s;
        s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        s.fullScreenExitHintProperty().bind(Messages.text("presentation.exitHint"));
        s.fullScreenProperty().addListener(fullScreenLeft);
        if (state.presentationProperty().get()) {
            apply(true);
        }
    }

    /**
     * Lets go of the stage (its scene was replaced): a listener left on a stage that outlives the window would keep
     * the whole window, its state and panels, from being collected.
     */
    void detach() {
        Stage s = stage;
        if (s != null) {
            s.fullScreenProperty().removeListener(fullScreenLeft);
            s.fullScreenExitHintProperty().unbind();
            stage = null;
        }
    }

    /** The window's bounds before presentation mode began (null when not presenting). Tests compare. */
    Rectangle2D boundsBefore() {
        return before;
    }

    private void apply(boolean on) {
        Stage s = stage;
        if (s == null) {
            return;
        }
        if (on) {
            if (!s.isFullScreen()) {
                before = new Rectangle2D(s.getX(), s.getY(), s.getWidth(), s.getHeight());
                maximizedBefore = s.isMaximized();
                s.setFullScreen(true);
            }
        } else {
            if (s.isFullScreen()) {
                s.setFullScreen(false);
            }
            Rectangle2D b = before;
            before = null;
            if (b != null) {
                s.setMaximized(maximizedBefore);
                if (!maximizedBefore) {
                    s.setX(b.getMinX());
                    s.setY(b.getMinY());
                    s.setWidth(b.getWidth());
                    s.setHeight(b.getHeight());
                }
            }
        }
    }
}
