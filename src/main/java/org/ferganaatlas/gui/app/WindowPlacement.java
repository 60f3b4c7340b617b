package org.ferganaatlas.gui.app;

import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.state.UserStore;
import org.ferganaatlas.logic.WindowBounds;
import org.ferganaatlas.logic.WindowBounds.Box;

/**
 * Opens the main window at a size that suits the screen ({@link WindowBounds}) and remembers its last size and place
 * in the user's settings ({@link Settings#WINDOW_BOUNDS}).
 *
 * <p>The user's database opens in the background after the window exists, so the remembered bounds are read before
 * showing only when it is already open; otherwise the window opens at the first-start size and moves to the
 * remembered bounds when the database arrives, unless the user has moved or resized it meanwhile. Bounds are saved
 * (in memory at once, on the database's own thread to disk) a moment after the user stops moving the window, and
 * when it closes; never while maximised, full screen or minimised, so the next start gets the normal size back.
 */
public final class WindowPlacement {
    /** What the layout needs: tool bar, side panel, the map and the details pane side by side. */
    public static final double MIN_WIDTH = 900, MIN_HEIGHT = 600;
    /** Moves smaller than this after placing are the window manager adding its frame, not the user. */
    private static final double WM_NUDGE = 48;

    private final Stage stage;
    private final UserStore user;
    private final PauseTransition saveLater = new PauseTransition(Duration.millis(700));
    private Box placed;
    /** Whether the remembered bounds have been looked at (before that, saving would overwrite them unread). */
    private boolean settled;

    private WindowPlacement(Stage stage, UserStore user) {
        this.stage = stage;
        this.user = user;
    }

    /** Sizes and places {@code stage} (call before showing it) and from then on keeps its bounds in the user's settings. */
    public static WindowPlacement install(Stage stage, UserStore user) {
        WindowPlacement p = new WindowPlacement(stage, user);
        p.placeBeforeShowing();
        return p;
    }

    /**
     * Shows {@code stage} at once, at the size a first start gets, with only the atlas's name in it: the window is on
     * screen while the real one is built (a second or two on a slow machine), and {@link #install} then takes it over
     * as it is.
     */
    public static void showEarly(Stage stage, String title) {
        Box primary = box(Screen.getPrimary().getVisualBounds());
        Box b = WindowBounds.initial(primary, MIN_WIDTH, MIN_HEIGHT);
        javafx.scene.control.Label name = new javafx.scene.control.Label(title);
        name.setStyle("-fx-font-size: 1.6em; -fx-text-fill: #5b6470;");
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(name);
        pane.setStyle("-fx-background-color: #e3e1da;"); // the basemap's colour outside the valley: no flash of white
        stage.setTitle(title);
        stage.setScene(new javafx.scene.Scene(pane, b.width(), b.height()));
        stage.setX(b.x());
        stage.setY(b.y());
        stage.show();
    }

    private void placeBeforeShowing() {
        Box primary = box(Screen.getPrimary().getVisualBounds());
        Optional<Box> remembered = user.database().flatMap(this::remembered);
        apply(remembered.orElseGet(() -> WindowBounds.initial(primary, MIN_WIDTH, MIN_HEIGHT)));
        // Under a window manager (GTK) a minimum size set before the window is mapped became its size: the atlas opened
        // at 900x600 whatever was asked. So the minimum is set once it is shown, and the bounds asked again then.
        // The minimum never exceeds the screen: a window wider than the screen is cut off and cannot be fixed.
        Runnable shown = () -> {
            stage.setMinWidth(Math.min(MIN_WIDTH, primary.width()));
            stage.setMinHeight(Math.min(MIN_HEIGHT, primary.height()));
            if (placed != null && !movedByUser()) {
                apply(placed);
            }
        };
        if (stage.isShowing()) {
            shown.run(); // shown early (showEarly)
        } else {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> shown.run());
        }
        if (user.database().isPresent()) {
            settled = true;
        } else {
            user.databaseProperty().addListener((o, was, db) -> {
                if (db != null && !settled) {
                    settled = true;
                    if (!movedByUser()) {
                        remembered(db).ifPresent(this::apply);
                    }
                }
            });
        }
        saveLater.setOnFinished(e -> save());
        stage.xProperty().addListener(o -> saveLater.playFromStart());
        stage.yProperty().addListener(o -> saveLater.playFromStart());
        stage.widthProperty().addListener(o -> saveLater.playFromStart());
        stage.heightProperty().addListener(o -> saveLater.playFromStart());
        stage.setOnHiding(e -> save());
    }

    private Optional<Box> remembered(UserDatabase db) {
        List<Box> screens = Screen.getScreens().stream().map(s -> box(s.getVisualBounds())).toList();
        return WindowBounds.restore(db.settings().get(Settings.WINDOW_BOUNDS), screens, MIN_WIDTH, MIN_HEIGHT);
    }

    private void apply(Box b) {
        placed = b;
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
    }

    private boolean movedByUser() {
        return placed != null && (Math.abs(stage.getX() - placed.x()) > WM_NUDGE || Math.abs(stage.getY() - placed.y()) > WM_NUDGE
                || Math.abs(stage.getWidth() - placed.width()) > WM_NUDGE || Math.abs(stage.getHeight() - placed.height()) > WM_NUDGE);
    }

    /** Remembers the window's bounds now (queued to the user's database; nothing waits on the FX thread). */
    public void save() {
        saveLater.stop();
        UserDatabase db = user.database().orElse(null);
        if (db == null || !settled || stage.isMaximized() || stage.isFullScreen() || stage.isIconified()
                || !(stage.getWidth() > 0) || !(stage.getHeight() > 0) || Double.isNaN(stage.getX())) {
            return;
        }
        String text = WindowBounds.format(new Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        if (!text.equals(db.settings().get(Settings.WINDOW_BOUNDS, ""))) {
            db.settings().put(Settings.WINDOW_BOUNDS, text);
        }
    }

    private static Box box(Rectangle2D r) {
        return new Box(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
