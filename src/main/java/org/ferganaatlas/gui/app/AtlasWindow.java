package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.panels.StatusBar;
import org.ferganaatlas.gui.records.TimeBar;

import org.ferganaatlas.gui.map.MapPane;
import org.ferganaatlas.gui.map.MeasureLayer;
import org.ferganaatlas.gui.panels.DetailsPanel;
import org.ferganaatlas.gui.search.SearchField;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.MapData;
import org.ferganaatlas.gui.state.ToolMode;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.map.AtlasTileRetriever;

/**
 * Builds the atlas window around an open database: tool bar (top), layers and legend (left), the map
 * (centre, with its scale bar), details (right), coordinates and attribution (bottom). The panels share
 * one {@link AtlasState} and know nothing of each other.
 */
public final class AtlasWindow {
    /** Style sheet of the whole window. */
    public static final String STYLESHEET = AtlasWindow.class.getResource("atlas.css").toExternalForm();

    private final AtlasState state;
    private final MapData data;
    private final AtlasContext ctx;
    private final AtlasDatabase db;
    private final MapPane mapPane;
    private final DetailsPanel details;
    private final BorderPane root = new BorderPane();
    private final SearchField search;
    private final MeasureLayer measure;

    public AtlasWindow(AtlasDatabase db, AtlasState state) {
        this.state = state;
        this.db = db;
        // One open database for overlays and basemap: the tile retriever Gluon creates draws from it.
        // (use, not install: keeps the home-view tiles the app may have rendered while the toolkit started)
        AtlasTileRetriever.use(db);
        this.data = Preload.mapData(db);
        this.ctx = AtlasContext.of(state, data);
        // the interface's strings follow the state's language
        Messages.setLocale(state.languageProperty().get());
        state.languageProperty().addListener((o, a, l) -> Messages.setLocale(l));
        this.mapPane = new MapPane(ctx);
        this.details = new DetailsPanel(ctx);
        // search (its index opens in the background on the same file) and the measure tool
        this.search = new SearchField(ctx, db.file());
        this.measure = new MeasureLayer(state, mapPane.mapView());
        mapPane.mapView().addLayer(measure);
        root.getStyleClass().add("atlas-root");
        root.setTop(toolBar());
        // layers, treaties and timeline share the left side; set after the centre, because Tab follows the order in
        // which the parts were added: the map (and its date bar) come right after the tool bar, not after every layer
        // and treaty of the side panel
        SidePanel side = new SidePanel(ctx);
        StatusBar.ScaleBar scale = new StatusBar.ScaleBar(ctx);
        StackPane mapStack = new StackPane(mapPane, scale);
        StackPane.setAlignment(scale, Pos.BOTTOM_LEFT);
        mapStack.getStyleClass().add("map-stack");
        mapStack.setMinSize(0, 0);
        // the map date control (slider, date field, Play) under the map
        BorderPane mapArea = new BorderPane(mapStack);
        mapArea.setBottom(new TimeBar(ctx));
        mapArea.setMinSize(0, 0);
        root.setCenter(mapArea);
        root.setLeft(side);
        // Details take room only when there is something to show; until then a hint floats over the map.
        Label hint = new Label();
        hint.textProperty().bind(Messages.text("map.hint"));
        hint.getStyleClass().add("map-hint");
        hint.setMouseTransparent(true);
        StackPane.setAlignment(hint, Pos.TOP_CENTER);
        mapStack.getChildren().add(hint);
        mapStack.getChildren().add(search.resultsPanel());
        // The hint goes once the user has done something with the map (pressed, scrolled, a key), and never shows
        // beside the open search results.
        boolean[] interacted = {false};
        Runnable showDetails = () -> {
            boolean any = state.selectedKeyProperty().get() != null;
            root.setRight(any ? details : null);
            hint.setVisible(!any && !interacted[0] && !search.resultsPanel().isVisible());
        };
        state.selectedKeyProperty().addListener(o -> showDetails.run());
        search.resultsPanel().visibleProperty().addListener(o -> showDetails.run());
        javafx.event.EventHandler<javafx.event.Event> firstUse = e -> {
            if (!interacted[0]) {
                interacted[0] = true;
                showDetails.run();
            }
        };
        mapPane.mapView().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, firstUse);
        mapPane.mapView().addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, firstUse);
        mapPane.mapView().addEventFilter(KeyEvent.KEY_PRESSED, firstUse);
        showDetails.run();
        root.setBottom(new StatusBar(ctx));
        // the user's own database opens in the background once the window exists; the atlas works without it
        ctx.user().open(AtlasPaths.userDatabase(), state, false);
        state.presentationProperty().addListener((o, a, on) -> {
            if (on) {
                root.getStyleClass().add("presentation");
            } else {
                root.getStyleClass().remove("presentation");
            }
        });
    }

    private Node toolBar() {
        Label title = new Label();
        title.textProperty().bind(Messages.text("app.title"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(Messages.text("app.subtitle"));
        subtitle.getStyleClass().add("app-subtitle");
        VBox titles = new VBox(title, subtitle);
        titles.getStyleClass().add("titles");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button home = button("home-button", "toolbar.home", "toolbar.home.tip");
        home.setOnAction(e -> state.requestHome());
        Button in = button("zoom-in", "toolbar.zoomIn", "toolbar.zoomIn.tip");
        in.setOnAction(e -> state.commands().zoomStep(+1));
        Button out = button("zoom-out", "toolbar.zoomOut", "toolbar.zoomOut.tip");
        out.setOnAction(e -> state.commands().zoomStep(-1));
        ToggleButton presentation = new ToggleButton();
        presentation.textProperty().bind(Messages.text("toolbar.presentation"));
        presentation.setId("presentation-toggle");
        presentation.setTooltip(tooltip("toolbar.presentation.tip"));
        presentation.selectedProperty().bindBidirectional(state.presentationProperty());
        HBox bar = new HBox(titles, spacer, home, in, out, presentation);
        // the search field right after the titles, the measure tool before the presentation toggle
        bar.getChildren().add(bar.getChildren().indexOf(titles) + 1, search);
        bar.getChildren().add(bar.getChildren().indexOf(presentation), measureToggle());
        // buttons keep their whole label; the titles and the search field give way when the window is narrow
        bar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.ButtonBase b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private ToggleButton measureToggle() {
        ToggleButton t = new ToggleButton();
        t.textProperty().bind(Messages.text("toolbar.measure"));
        t.setId("measure-toggle");
        t.setTooltip(tooltip("toolbar.measure.tip"));
        // the toggle and the tool mode follow each other (M, Esc and the button all change the tool)
        t.setSelected(state.toolProperty().get() == ToolMode.MEASURE);
        t.selectedProperty().addListener((o, a, on) -> state.toolProperty().set(on ? ToolMode.MEASURE : ToolMode.PAN));
        state.toolProperty().addListener((o, a, tool) -> t.setSelected(tool == ToolMode.MEASURE));
        return t;
    }

    /** Ctrl+F and "/" go to the search field; M turns the measure tool on and off; Esc clears a measurement. */
    private void installToolKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F && e.isShortcutDown()) {
                search.focus();
                e.consume();
                return;
            }
            if (typingInto(scene.getFocusOwner())) {
                return;
            }
            if (e.getCode() == javafx.scene.input.KeyCode.M && !e.isShortcutDown() && !e.isAltDown()) {
                state.toolProperty().set(state.toolProperty().get() == ToolMode.MEASURE ? ToolMode.PAN : ToolMode.MEASURE);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && state.escape()) {
                e.consume(); // one rule for Esc: what it undoes, most recent first (AtlasState.escape)
            } else if (measure.handleKey(e)) {
                e.consume();
            }
        });
        // "/" on KEY_TYPED (it is a character on every keyboard layout); consumed so it is not typed into the field
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("/".equals(e.getCharacter()) && !typingInto(scene.getFocusOwner())) {
                search.focus();
                e.consume();
            }
        });
    }

    /**
     * Whether keys go to text the user is typing: an editable text field, or an editable date picker or combo box,
     * which keep the focus themselves and pass the keys to their text field (so "2025-03-14" typed into the map date
     * never reaches the map's "-" key).
     */
    static boolean typingInto(Node owner) {
        if (owner instanceof TextInputControl t) {
            return t.isEditable();
        }
        if (owner instanceof javafx.scene.control.ComboBoxBase<?> c) {
            return c.isEditable();
        }
        return owner instanceof javafx.scene.control.Spinner<?> s && s.isEditable();
    }

    public SearchField search() {
        return search;
    }

    public MeasureLayer measureLayer() {
        return measure;
    }

    private static Button button(String id, String textKey, String tipKey) {
        Button b = new Button();
        b.textProperty().bind(Messages.text(textKey));
        b.setId(id);
        b.setTooltip(tooltip(tipKey));
        return b;
    }

    /** A tooltip whose text follows the language. */
    private static Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(Messages.text(key));
        return t;
    }

    /** The window's content. */
    public Parent root() {
        return root;
    }

    public MapPane mapPane() {
        return mapPane;
    }

    public AtlasState state() {
        return state;
    }

    /** The panels' shared context (state, read model, focus). */
    public AtlasContext context() {
        return ctx;
    }

    /** The open bundled database. */
    public AtlasDatabase database() {
        return db;
    }

    public DetailsPanel details() {
        return details;
    }

    /** A scene with the style sheet and the map keys (arrows, + and -, Home, Esc) wherever focus is, except in text fields. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        installToolKeys(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed()) {
                return; // used by the tool keys above (filters on one node all run)
            }
            if (typingInto(scene.getFocusOwner())) {
                return;
            }
            if (mapPane.handleKey(e)) {
                e.consume();
            }
        });
        return scene;
    }
}
