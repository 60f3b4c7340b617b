package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.layers.ImportDialogs;
import org.ferganaatlas.gui.layers.UserLayersController;
import org.ferganaatlas.gui.panels.NoticeBar;
import org.ferganaatlas.gui.panels.StatusBar;
import org.ferganaatlas.gui.records.TimeBar;

import org.ferganaatlas.gui.map.MapPane;
import org.ferganaatlas.gui.map.MeasureLayer;
import org.ferganaatlas.gui.panels.DetailsPanel;
import org.ferganaatlas.gui.search.SearchField;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.MapData;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.ToolMode;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
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
    /**
     * The interface's typeface (atlas.css: {@code -fx-font-family}), bundled so that ң ө ү, ғ қ ҳ ҷ ӣ ӯ and oʻ gʻ
     * (U+02BB) show on a school PC with no extra fonts. DejaVu Sans 2.37, Bitstream Vera licence (DejaVuSans-LICENSE.txt).
     */
    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final String[] FONT_FILES = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    private static volatile boolean fontsLoaded;

    /** Registers the bundled fonts with JavaFX once (FX toolkit running); false if one could not be read. */
    public static synchronized boolean loadFonts() {
        if (fontsLoaded) {
            return true;
        }
        boolean all = true;
        for (String f : FONT_FILES) {
            try (java.io.InputStream in = AtlasWindow.class.getResourceAsStream(f)) {
                all &= in != null && javafx.scene.text.Font.loadFont(in, 13) != null;
            } catch (java.io.IOException e) {
                all = false;
            }
        }
        fontsLoaded = all;
        return all;
    }

    private final AtlasState state;
    private final MapData data;
    private final AtlasContext ctx;
    private final AtlasDatabase db;
    private final UserLayersController userLayers;
    private final MapPane mapPane;
    private final DetailsPanel details;
    private final BorderPane root = new BorderPane();
    private final SearchField search;
    private final MeasureLayer measure;
    private final org.ferganaatlas.gui.map.DrawingLayer drawing;
    private final PresentationMode presentationMode;
    private Node topBar, bottomBar, timeBar;
    private SidePanel side;
    private BorderPane mapArea;
    private final ExportMenu exportMenu;
    private final org.ferganaatlas.gui.tours.TourControls tours;

    public AtlasWindow(AtlasDatabase db, AtlasState state) {
        this(db, state, false);
    }

    /**
     * @param languageChosen the state's language was chosen for this run ({@code --lang=}): the remembered one does
     *                       not replace it (later changes are remembered all the same)
     */
    public AtlasWindow(AtlasDatabase db, AtlasState state, boolean languageChosen) {
        if (!loadFonts()) {
            // the system's font then: the window still works, some letters may show as boxes
            System.err.println("The atlas's own font could not be loaded; letters of some languages may not show.");
        }
        this.state = state;
        this.db = db;
        // One open database for overlays and basemap: the tile retriever Gluon creates draws from it.
        // (use, not install: keeps the home-view tiles the app may have rendered while the toolkit started)
        AtlasTileRetriever.use(db);
        this.data = Preload.mapData(db);
        this.ctx = AtlasContext.of(state, data);
        // the interface's strings follow the state's language, and so do the controls JavaFX words itself (the date
        // picker's month names come from the default format locale)
        Messages.setLocale(state.languageProperty().get());
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, Messages.locale());
        // An invalidation listener, added before any panel's: JavaFX calls invalidation listeners before change
        // listeners, and panels redraw from theirs, so a change listener here left them one language behind.
        state.languageProperty().addListener((javafx.beans.Observable o) -> {
            Messages.setLocale(state.languageProperty().get());
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, Messages.locale());
        });
        this.mapPane = new MapPane(ctx);
        this.details = new DetailsPanel(ctx);
        // search (its index opens in the background on the same file) and the measure tool
        this.search = new SearchField(ctx, db.file());
        this.measure = new MeasureLayer(state, mapPane.mapView());
        this.exportMenu = new ExportMenu(ctx, () -> root.getScene() == null ? null : root.getScene().getWindow(), this::lookClasses);
        mapPane.mapView().addLayer(measure);
        this.drawing = new org.ferganaatlas.gui.map.DrawingLayer(state, mapPane.mapView());
        mapPane.mapView().addLayer(drawing);
        this.presentationMode = new PresentationMode(state);
        root.getStyleClass().add("atlas-root");
        topBar = toolBar();
        root.setTop(topBar);
        // layers, treaties and timeline share the left side; set after the centre, because Tab follows the order in
        // which the parts were added: the map (and its date bar) come right after the tool bar, not after every layer
        // and treaty of the side panel
        side = new SidePanel(ctx);
        StatusBar.ScaleBar scale = new StatusBar.ScaleBar(ctx);
        StackPane mapStack = new StackPane(mapPane, scale);
        StackPane.setAlignment(scale, Pos.BOTTOM_LEFT);
        mapStack.getStyleClass().add("map-stack");
        mapStack.setMinSize(0, 0);
        // the map date control (slider, date field, Play) under the map
        mapArea = new BorderPane(mapStack);
        timeBar = new TimeBar(ctx);
        mapArea.setBottom(timeBar);
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
        // the drawing tools float over the map's top left while one is on; the map key (legend, date, lines' age,
        // attribution) shows in presentation mode, when the panels that normally say these things are hidden
        org.ferganaatlas.gui.panels.DrawPalette palette = new org.ferganaatlas.gui.panels.DrawPalette(ctx);
        StackPane.setAlignment(palette, Pos.TOP_LEFT);
        // presentation mode has no tool bar: the pen and the legend switch sit in the map's top right corner
        ToggleButton presentPen = presentationPen();
        ToggleButton legendToggle = new ToggleButton();
        legendToggle.textProperty().bind(Messages.text("presentation.legend"));
        legendToggle.setId("presentation-legend-toggle");
        legendToggle.getStyleClass().add("presentation-pen");
        legendToggle.setFocusTraversable(false);
        HBox corner = new HBox(legendToggle, presentPen);
        corner.getStyleClass().add("presentation-corner");
        corner.setPickOnBounds(false);
        corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(corner, Pos.TOP_RIGHT);
        corner.visibleProperty().bind(state.presentationProperty());
        mapStack.getChildren().addAll(palette, corner);
        // The map key is built when presentation mode first turns on: its legend is a hundred nodes that only
        // presentation mode shows, and styling them delayed the first frame of every start.
        org.ferganaatlas.gui.panels.MapKey[] key = {null};
        Runnable ensureKey = () -> {
            if (key[0] == null) {
                org.ferganaatlas.gui.panels.MapKey k = new org.ferganaatlas.gui.panels.MapKey(ctx);
                StackPane.setAlignment(k, Pos.BOTTOM_RIGHT);
                k.visibleProperty().bind(state.presentationProperty());
                legendToggle.setSelected(k.legendShownProperty().get());
                k.legendShownProperty().addListener((o, a, on) -> legendToggle.setSelected(on));
                mapStack.getChildren().add(mapStack.getChildren().indexOf(palette), k); // under the palette, as before
                key[0] = k;
            }
        };
        legendToggle.setOnAction(e -> {
            ensureKey.run();
            key[0].chooseLegend(legendToggle.isSelected());
        });
        state.presentationProperty().addListener((o, a, on) -> {
            if (on) {
                ensureKey.run();
            }
        });
        if (state.presentationProperty().get()) {
            ensureKey.run();
        }
        // The hint goes once the user has done something with the map (pressed, scrolled, a key), and never shows
        // beside the open search results.
        boolean[] interacted = {false};
        Runnable showDetails = () -> {
            boolean any = state.selectedKeyProperty().get() != null;
            root.setRight(any && !state.presentationProperty().get() ? details : null);
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
        // ---- guided tours (gui.tours): the progress overlay on the map; its keys go on the scene in createScene
        this.tours = new org.ferganaatlas.gui.tours.TourControls(ctx, mapPane.mapView());
        mapStack.getChildren().add(tours.overlay());
        // ---- end of guided tours
        bottomBar = new VBox(new NoticeBar(ctx), new StatusBar(ctx));
        root.setBottom(bottomBar);
        // the user's own database opens in the background once the window exists; the atlas works without it
        ctx.user().open(AtlasPaths.userDatabase(), state, languageChosen);
        this.userLayers = new UserLayersController(ctx, new ImportDialogs(STYLESHEET));
        // presentation mode: one root style class (larger type and symbols, a projector palette) and the chrome
        // hidden; the map, its scale bar and the map key stay. Full screen is PresentationMode's.
        state.presentationProperty().addListener((o, a, on) -> {
            if (on) {
                root.getStyleClass().add("presentation");
            } else {
                root.getStyleClass().remove("presentation");
            }
            root.setTop(on ? null : topBar);
            root.setLeft(on ? null : side);
            root.setBottom(on ? null : bottomBar);
            mapArea.setBottom(on ? null : timeBar);
            showDetails.run();
            if (!on && state.toolProperty().get().draws()) {
                state.toolProperty().set(ToolMode.PAN);
            }
            mapPane.mapView().requestFocus();
        });
        // text size and contrast: root style classes (atlas.css), which the dialogs copy
        state.textSizeProperty().addListener(o -> showLook());
        state.highContrastProperty().addListener(o -> showLook());
        showLook();
        BasemapLook.follow(state); // and the basemap's tiles with it
        // the map is a focus stop of its own, and says to a screen reader what it is and which keys work on it
        mapPane.mapView().accessibleTextProperty().bind(Messages.text("map.accessible"));
        mapPane.mapView().setAccessibleRole(javafx.scene.AccessibleRole.NODE);
        mapPane.mapView().accessibleHelpProperty().bind(Messages.text("help.row.inView"));
    }

    /** The style classes of the look the user chose: {@code text-size-<step>} and, if on, {@code high-contrast}. */
    public java.util.List<String> lookClasses() {
        java.util.List<String> c = new java.util.ArrayList<>();
        int step = state.textSizeProperty().get();
        if (step != 0) {
            c.add(textSizeClass(step));
        }
        if (state.highContrastProperty().get()) {
            c.add("high-contrast");
        }
        return c;
    }

    static String textSizeClass(int step) {
        return "text-size-" + (step < 0 ? "m" + (-step) : Integer.toString(step));
    }

    private void showLook() {
        root.getStyleClass().removeIf(c -> c.startsWith("text-size-") || c.equals("high-contrast"));
        root.getStyleClass().addAll(lookClasses());
    }

    /** F1: the list of shortcuts. */
    public javafx.scene.control.Dialog<Void> showShortcuts() {
        return ShortcutsDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), lookClasses());
    }

    /** Ctrl+L: the places in view, to walk with the keyboard. */
    public javafx.scene.control.Dialog<Void> showPlacesInView() {
        return PlacesInView.show(root.getScene() == null ? null : root.getScene().getWindow(), ctx, mapPane.mapView(), lookClasses());
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
        titles.setMinWidth(Region.USE_PREF_SIZE);
        Button home = button("home-button", "toolbar.home", "toolbar.home.tip");
        home.setOnAction(e -> state.requestHome());
        Button in = button("zoom-in", "toolbar.zoomIn", "toolbar.zoomIn.tip");
        in.setOnAction(e -> state.commands().zoomStep(+1));
        in.accessibleTextProperty().bind(Messages.text("toolbar.zoomIn.tip"));
        Button out = button("zoom-out", "toolbar.zoomOut", "toolbar.zoomOut.tip");
        out.setOnAction(e -> state.commands().zoomStep(-1));
        out.accessibleTextProperty().bind(Messages.text("toolbar.zoomOut.tip"));
        ToggleButton presentation = new ToggleButton();
        presentation.textProperty().bind(Messages.text("toolbar.presentation"));
        presentation.setId("presentation-toggle");
        presentation.getStyleClass().add("present-button");
        presentation.setTooltip(tooltip("toolbar.presentation.tip"));
        presentation.selectedProperty().bindBidirectional(state.presentationProperty());
        Button addData = button("add-data", "toolbar.addData", "toolbar.addData.tip");
        addData.setOnAction(e -> chooseFileToImport());
        // The bar wraps onto a second row when the window is too narrow for it (1024x768 with large text), so no
        // button is ever cut off or shortened to "Large t…"; on a narrow window the titles go first (the window's
        // title bar names the atlas). Tab follows this order: search, language, view, the map's buttons, the tools.
        FlowPane actions = new FlowPane(languageMenu(), viewMenu(), home, in, out, measureToggle(), drawToggle(), addData, presentation);
        actions.getChildren().add(actions.getChildren().indexOf(presentation), exportMenu.node());
        actions.getStyleClass().add("tool-actions");
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setRowValignment(javafx.geometry.VPos.CENTER);
        actions.setMinWidth(0);
        actions.getChildren().forEach(n -> {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        actions.setPrefWrapLength(10_000); // one row whenever it fits
        HBox.setHgrow(actions, Priority.ALWAYS);
        this.toolActions = actions;
        HBox bar = new HBox(titles, search, actions);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        // the titles stay while the search field and every button still fit on one row beside them
        javafx.beans.InvalidationListener fit = o -> {
            double row = 0;
            for (Node n : actions.getChildren()) {
                row += n.prefWidth(-1) + actions.getHgap();
            }
            double need = titles.prefWidth(-1) + search.minWidth(-1) + row + bar.getSpacing() * 3
                    + bar.getInsets().getLeft() + bar.getInsets().getRight();
            boolean room = bar.getWidth() >= need;
            if (titles.isManaged() != room) {
                titles.setVisible(room);
                titles.setManaged(room);
            }
        };
        bar.widthProperty().addListener(fit);
        root.getStyleClass().addListener(fit); // a text size changes every width
        return bar;
    }

    private FlowPane toolActions;

    /** The tool bar's buttons and menus (they wrap onto a second row rather than being cut off). */
    public FlowPane toolActions() {
        return toolActions;
    }

    /** Draw: the pen on or off (P); the drawing tools then float over the map. */
    private ToggleButton drawToggle() {
        ToggleButton t = new ToggleButton();
        t.textProperty().bind(Messages.text("toolbar.draw"));
        t.setId("draw-toggle");
        t.setTooltip(tooltip("toolbar.draw.tip"));
        t.setSelected(state.toolProperty().get().draws());
        t.selectedProperty().addListener((o, a, on) -> {
            if (on != state.toolProperty().get().draws()) {
                state.toolProperty().set(on ? ToolMode.PEN : ToolMode.PAN);
            }
        });
        state.toolProperty().addListener((o, a, tool) -> t.setSelected(tool.draws()));
        return t;
    }

    /** In presentation mode (no tool bar): the pen, in the map's top right corner. */
    private ToggleButton presentationPen() {
        ToggleButton t = drawToggle();
        t.setId("presentation-draw-toggle");
        t.getStyleClass().add("presentation-pen");
        t.setFocusTraversable(false);
        return t;
    }

    /**
     * The language menu: each language named in its own words, the one in use ticked; choosing one changes the
     * state's language, which every label follows at once (and the user's database remembers).
     */
    private MenuButton languageMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("language-menu");
        menu.getStyleClass().add("language-menu");
        menu.setTooltip(tooltip("toolbar.language.tip"));
        menu.accessibleTextProperty().bind(Messages.text("toolbar.language.accessible"));
        ToggleGroup group = new ToggleGroup();
        for (java.util.Locale l : Messages.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(Messages.text("language.self." + l.getLanguage()));
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(group);
            item.setUserData(l);
            item.setOnAction(e -> state.languageProperty().set(l));
            menu.getItems().add(item);
        }
        Runnable show = () -> {
            java.util.Locale now = Messages.supported(state.languageProperty().get());
            menu.setText(Messages.get("language.self." + now.getLanguage()));
            group.getToggles().forEach(t -> t.setSelected(now.equals(t.getUserData())));
        };
        Messages.onLocaleChange(root, () -> show.run());
        show.run();
        return menu;
    }

    /** Text size, high contrast, the shortcut list and the places in view: the access settings, remembered. */
    private MenuButton viewMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("view-menu");
        menu.textProperty().bind(Messages.text("toolbar.view"));
        menu.setTooltip(tooltip("toolbar.view.tip"));
        menu.accessibleTextProperty().bind(Messages.text("toolbar.view")); // a MenuButton's skin hides its text from TEXT
        javafx.scene.control.Menu size = new javafx.scene.control.Menu();
        size.textProperty().bind(Messages.text("view.textSize"));
        size.setId("text-size-menu");
        ToggleGroup sizes = new ToggleGroup();
        String[] names = {"textSize.small", "textSize.normal", "textSize.large", "textSize.larger", "textSize.largest"};
        for (int step = AtlasState.TEXT_SIZE_MIN; step <= AtlasState.TEXT_SIZE_MAX; step++) {
            int s = step;
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(Messages.text(names[step - AtlasState.TEXT_SIZE_MIN]));
            item.setId("text-size-item-" + textSizeClass(step).substring("text-size-".length()));
            item.setToggleGroup(sizes);
            item.setSelected(state.textSizeProperty().get() == step);
            item.setOnAction(e -> state.textSizeProperty().set(s));
            state.textSizeProperty().addListener((o, a, n) -> item.setSelected(n.intValue() == s));
            size.getItems().add(item);
        }
        javafx.scene.control.CheckMenuItem contrast = new javafx.scene.control.CheckMenuItem();
        contrast.textProperty().bind(Messages.text("view.contrast"));
        contrast.setId("high-contrast-item");
        contrast.selectedProperty().bindBidirectional(state.highContrastProperty());
        javafx.scene.control.MenuItem keys = new javafx.scene.control.MenuItem();
        keys.textProperty().bind(Messages.text("view.shortcuts"));
        keys.setId("shortcuts-item");
        keys.setOnAction(e -> showShortcuts());
        javafx.scene.control.MenuItem places = new javafx.scene.control.MenuItem();
        places.textProperty().bind(Messages.text("view.inView"));
        places.setId("places-item");
        places.setOnAction(e -> showPlacesInView());
        menu.getItems().addAll(size, contrast, new javafx.scene.control.SeparatorMenuItem(), keys, places);
        return menu;
    }

    private ToggleButton measureToggle() {
        ToggleButton t = new ToggleButton();
        t.textProperty().bind(Messages.text("toolbar.measure"));
        t.setId("measure-toggle");
        t.setTooltip(tooltip("toolbar.measure.tip"));
        // the toggle and the tool mode follow each other (M, Esc and the button all change the tool)
        t.setSelected(state.toolProperty().get() == ToolMode.MEASURE);
        // (unticked because another tool was chosen: that tool stays)
        t.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                state.toolProperty().set(ToolMode.MEASURE);
            } else if (state.toolProperty().get() == ToolMode.MEASURE) {
                state.toolProperty().set(ToolMode.PAN);
            }
        });
        state.toolProperty().addListener((o, a, tool) -> t.setSelected(tool == ToolMode.MEASURE));
        return t;
    }

    /** Ctrl+F and "/" go to the search field; M turns the measure tool on and off; Esc clears a measurement. */
    private void installToolKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (accessKey(e)) {
                e.consume();
                return;
            }
            if (e.getCode() == javafx.scene.input.KeyCode.F && e.isShortcutDown()) {
                search.focus();
                e.consume();
                return;
            }
            if (typingInto(scene.getFocusOwner())) {
                return;
            }
            boolean plain = !e.isShortcutDown() && !e.isAltDown();
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && state.presentationProperty().get()) {
                state.presentationProperty().set(false); // Esc leaves presentation mode first, whatever else is on
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.M && plain) {
                state.toolProperty().set(state.toolProperty().get() == ToolMode.MEASURE ? ToolMode.PAN : ToolMode.MEASURE);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.P && plain) {
                state.toolProperty().set(state.toolProperty().get().draws() ? ToolMode.PAN : ToolMode.PEN);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.Z && e.isShortcutDown() && !e.isShiftDown()
                    && state.pen().undo()) {
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
     * Keys that work wherever focus is, text fields included: F1 shortcuts, Ctrl+L places in view, Ctrl+Tab and
     * Ctrl+Shift+Tab the next and previous side tab, Ctrl+Plus / Ctrl+Minus / Ctrl+0 the text size.
     */
    private boolean accessKey(KeyEvent e) {
        javafx.scene.input.KeyCode k = e.getCode();
        if (k == javafx.scene.input.KeyCode.F1 && !e.isShortcutDown()) {
            showShortcuts();
            return true;
        }
        if ((k == javafx.scene.input.KeyCode.F5 || k == javafx.scene.input.KeyCode.F11) && !e.isShortcutDown() && !e.isAltDown()) {
            state.presentationProperty().set(!state.presentationProperty().get());
            return true;
        }
        if (!e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (k) {
            case L -> showPlacesInView();
            case TAB -> {
                SideTab[] tabs = SideTab.values();
                int i = state.sideTabProperty().get().ordinal() + (e.isShiftDown() ? tabs.length - 1 : 1);
                state.sideTabProperty().set(tabs[i % tabs.length]);
            }
            case PLUS, EQUALS, ADD -> state.textSizeProperty().set(state.textSizeProperty().get() + 1);
            case MINUS, SUBTRACT -> state.textSizeProperty().set(state.textSizeProperty().get() - 1);
            case DIGIT0, NUMPAD0 -> state.textSizeProperty().set(0);
            default -> {
                return false;
            }
        }
        return true;
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

    /** The pen's layer over the map. */
    public org.ferganaatlas.gui.map.DrawingLayer drawingLayer() {
        return drawing;
    }

    /** The window's bounds before presentation mode began, or null when not presenting. */
    public javafx.geometry.Rectangle2D boundsBeforePresentation() {
        return presentationMode.boundsBefore();
    }

    /** Pictures, handouts and printing (the tool bar's Export / Print menu). */
    ExportMenu exportMenu() {
        return exportMenu;
    }

    private static Button button(String id, String textKey, String tipKey) {
        Button b = new Button();
        b.textProperty().bind(Messages.text(textKey));
        b.setId(id);
        b.setTooltip(tooltip(tipKey));
        return b;
    }

    /** "Add data…": the user picks a GeoJSON, KML, KMZ or CSV file, which becomes a layer of their own. */
    private void chooseFileToImport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Messages.get("toolbar.addData.tip"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("import.filter.all"),
                        "*.geojson", "*.json", "*.kml", "*.kmz", "*.csv", "*.txt"),
                new javafx.stage.FileChooser.ExtensionFilter(Messages.get("import.filter.any"), "*"));
        java.io.File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            userLayers.importFile(f.toPath());
        }
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

    /** The user's own layers: imports and the layers kept from last time. */
    public UserLayersController userLayers() {
        return userLayers;
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
        // a window replaced by another (tests do this dozens of times) lets go of the user's database and its thread
        scene.windowProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                ctx.user().close();
                search.close();
                presentationMode.detach();
            }
        });
        scene.getStylesheets().add(STYLESHEET);
        // the window's title follows the language too
        scene.windowProperty().addListener((o, a, w) -> {
            if (w instanceof javafx.stage.Stage s && !s.titleProperty().isBound()) {
                s.titleProperty().bind(Messages.text("app.title"));
            }
            if (w instanceof javafx.stage.Stage s) {
                presentationMode.attach(s);
            }
        });
        tours.install(scene); // first: while a tour is shown, a clicker's arrows step it instead of panning
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
