package org.ferganaatlas.gui.tours;

import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.BuiltInTour;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.gui.state.TourPlayer;
import org.ferganaatlas.model.GuidedTour;

/**
 * What a guided tour adds to the window: the progress overlay on the map ("Stop 3 of 9 — title", the caption, back,
 * next, autoplay, end), the keys a clicker sends, a click on the map, and the speaker's notes on a second screen.
 * <p>
 * Keys: while a tour is shown, and always in presentation mode (where the built-in tour starts on the first press),
 * Page Down, Right, Down and Space go forward, Page Up, Left and Up back; a primary click on the map that is not a
 * drag goes forward (with the pan tool: the pen's clicks draw). Esc ends the tour through {@code AtlasState.escape}.
 * Keys typed into a text field stay there.
 */
public final class TourControls {
    private final AtlasState state;
    private final TourPlayer player;
    private final Node map;
    private final VBox overlay = new VBox();
    private final Label progress = new Label();
    private final Label caption = new Label();
    private Stage speaker;
    private final Label speakerNow = new Label(), speakerNotes = new Label(), speakerNext = new Label();

    /**
     * @param map the map's node: a click on it steps the tour
     */
    public TourControls(AtlasContext ctx, Node map) {
        this.state = ctx.state();
        this.player = state.tours();
        this.map = map;
        BuiltInTour.settlement(); // read now, so the first press in presentation mode has it

        overlay.setId("tour-overlay");
        overlay.getStyleClass().add("tour-overlay");
        progress.setId("tour-progress");
        progress.getStyleClass().add("tour-progress");
        progress.setWrapText(true);
        caption.setId("tour-caption");
        caption.getStyleClass().add("tour-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Button back = button("tour-previous", "tours.overlay.previous", () -> player.previous());
        Button next = button("tour-next", "tours.overlay.next", () -> player.next());
        ToggleButton auto = new ToggleButton();
        auto.setId("tour-autoplay");
        auto.textProperty().bind(Messages.text("tours.autoplay"));
        auto.selectedProperty().bindBidirectional(player.autoplayProperty());
        auto.setFocusTraversable(false);
        Button end = button("tour-end", "tours.overlay.end", player::stop);
        HBox buttons = new HBox(6, back, next, auto, end);
        buttons.setAlignment(Pos.CENTER_LEFT);
        overlay.getChildren().addAll(progress, caption, buttons);
        overlay.setMaxWidth(680);
        overlay.setMaxHeight(Region.USE_PREF_SIZE);
        overlay.setPickOnBounds(false);
        StackPane.setAlignment(overlay, Pos.BOTTOM_CENTER);
        overlay.visibleProperty().bind(player.tourProperty().isNotNull());
        overlay.managedProperty().bind(overlay.visibleProperty());
        back.disableProperty().bind(player.indexProperty().lessThanOrEqualTo(0));
        next.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> player.indexProperty().get() >= player.size() - 1, player.indexProperty(), player.tourProperty()));

        player.stopProperty().addListener(o -> show());
        Messages.onLocaleChange(overlay, this::show);
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, this::click);
        show();
    }

    /** The progress overlay, for the map's stack. */
    public Node overlay() {
        return overlay;
    }

    /** Puts the tour keys on the scene; call before the window's own key filters, so a clicker's Right is not a pan. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown() || typingInto(scene.getFocusOwner())) {
                return;
            }
            if (!player.active() && !state.presentationProperty().get()) {
                return;
            }
            KeyCode c = e.getCode();
            switch (c) {
                case PAGE_DOWN, RIGHT, KP_RIGHT, DOWN, KP_DOWN, SPACE -> forward();
                case PAGE_UP, LEFT, KP_LEFT, UP, KP_UP -> {
                    if (!player.active()) {
                        return; // nothing to go back to yet: the map keeps its keys
                    }
                    player.previous();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || state.toolProperty().get() != ToolMode.PAN) {
            return;
        }
        if (player.active() || state.presentationProperty().get()) {
            forward();
            e.consume();
        }
    }

    /** The next stop; in presentation mode with no tour shown, the built-in tour's first. */
    private void forward() {
        if (player.active()) {
            player.next();
            return;
        }
        GuidedTour t = BuiltInTour.settlement().getNow(null);
        if (t != null) {
            player.play(t, 0);
        }
    }

    private void show() {
        GuidedTour t = player.tourProperty().get();
        GuidedTour.Stop s = player.stopProperty().get();
        if (t == null || s == null) {
            progress.setText("");
            caption.setText("");
            showSpeaker(null, null);
            return;
        }
        int i = player.indexProperty().get();
        progress.setText(Messages.format("tours.progress", i + 1, t.stops().size(), TourTexts.title(s, i)));
        String c = TourTexts.caption(s);
        caption.setText(c);
        caption.setVisible(!c.isBlank());
        caption.setManaged(!c.isBlank());
        showSpeaker(t, s);
    }

    /** The teacher's notes, in a small window of their own on another screen (never on the projected one). */
    private void showSpeaker(GuidedTour t, GuidedTour.Stop s) {
        Window main = overlay.getScene() == null ? null : overlay.getScene().getWindow();
        if (t == null || Screen.getScreens().size() < 2 || main == null) {
            if (speaker != null) {
                speaker.hide();
            }
            return;
        }
        if (speaker == null) {
            speaker = new Stage();
            speaker.initOwner(main);
            speaker.titleProperty().bind(Messages.text("tours.speaker.title"));
            speakerNow.getStyleClass().add("tour-progress");
            speakerNotes.getStyleClass().add("tour-notes");
            speakerNotes.setWrapText(true);
            speakerNext.getStyleClass().add("tour-caption");
            VBox box = new VBox(10, speakerNow, speakerNotes, speakerNext);
            box.getStyleClass().addAll("atlas-root", "speaker-notes");
            Scene sc = new Scene(box, 480, 360);
            sc.getStylesheets().addAll(overlay.getScene().getStylesheets());
            speaker.setScene(sc);
        }
        int i = player.indexProperty().get();
        speakerNow.setText(Messages.format("tours.progress", i + 1, t.stops().size(), TourTexts.title(s, i)));
        String notes = TourTexts.notes(s);
        speakerNotes.setText(notes.isBlank() ? Messages.get("tours.notes.none") : notes);
        speakerNext.setText(i + 1 < t.stops().size()
                ? Messages.format("tours.speaker.next", TourTexts.title(t.stops().get(i + 1), i + 1)) : "");
        // the screen the atlas is not on (the laptop's, while the projector shows the atlas)
        Rectangle2D atlasAt = new Rectangle2D(main.getX(), main.getY(), Math.max(1, main.getWidth()), Math.max(1, main.getHeight()));
        Screen other = Screen.getScreens().stream().filter(sc -> !sc.getVisualBounds().intersects(atlasAt)).findFirst()
                .orElse(Screen.getScreens().get(1));
        Rectangle2D b = other.getVisualBounds();
        if (!speaker.isShowing()) {
            speaker.setX(b.getMinX() + 40);
            speaker.setY(b.getMinY() + 40);
            speaker.show();
            main.requestFocus(); // the clicker's keys keep going to the atlas
        }
    }

    private static boolean typingInto(Node owner) {
        if (owner instanceof TextInputControl t) {
            return t.isEditable();
        }
        if (owner instanceof javafx.scene.control.ComboBoxBase<?> c) {
            return c.isEditable();
        }
        return owner instanceof javafx.scene.control.Spinner<?> s && s.isEditable();
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(Messages.text(key));
        b.setOnAction(e -> action.run());
        // a clicker's Space must step the tour, not press the button that has the focus
        b.setFocusTraversable(false);
        return b;
    }
}
