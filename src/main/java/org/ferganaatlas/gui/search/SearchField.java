package org.ferganaatlas.gui.search;

import org.ferganaatlas.gui.l10n.FeatureText;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ferganaatlas.data.SearchIndex;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.RecordKey;
import org.ferganaatlas.model.SearchGroup;
import org.ferganaatlas.model.SearchHit;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.common.ErrorLog;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The search field of the tool bar and its result list (which floats over the top of the map).
 *
 * <p>Results come as the user types: 80 ms after the last key the query runs on one background thread
 * against a {@link SearchIndex} on the app's database file (opened read-only on that same thread, so the
 * first paint never waits for it); an answer for text that has changed since is dropped. Results are grouped
 * by kind (towns, crossings, enclaves, villages, other places, treaties, provisions, events), in the order of
 * each group's best hit. Down/Up move through them, Enter or a click shows the chosen one: a feature is
 * selected ({@link AtlasState#selectedKeyProperty()}) and the map fits it; a treaty, provision or event is
 * chosen through {@link AtlasState#selectedRecordKeyProperty()} and the map fits the places it concerns.
 * Esc closes the list, then clears the field.
 */
public final class SearchField extends HBox implements AtlasPanel {
    public static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    /** Hits asked of the index; at most {@link #PER_GROUP} of each group are shown. */
    public static final int LIMIT = 40, PER_GROUP = 6;
    public static final Duration DEBOUNCE = Duration.millis(80);
    /** Longest piece of the query repeated in "nothing found for ...". */
    private static final int ECHO_MAX = 40;

    private final AtlasState state;
    private final MapData data;
    private final Focus focus;
    private final TextField field = new TextField();
    private final VBox list = new VBox();
    private final ScrollPane scroll = new ScrollPane(list);
    private final VBox panel = new VBox(scroll);
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-search");
        t.setDaemon(true);
        return t;
    });
    private volatile SearchIndex index;
    private volatile boolean indexFailed;
    /** Bumped on every change of the text: answers for an older generation are stale. */
    private long generation;
    private long typedAtNanos;
    private final List<Row> rows = new ArrayList<>();
    private int active = -1;
    private String shownQuery;
    private final List<Double> latenciesMs = new ArrayList<>();

    /** One shown hit and its node. */
    private record Row(SearchHit hit, Region node) {}

    public SearchField(AtlasContext ctx, Path databaseFile) {
        this.state = ctx.state();
        this.data = ctx.data();
        this.focus = ctx.focus();
        setId("search-box");
        getStyleClass().add("search-box");
        setAlignment(Pos.CENTER_LEFT);
        field.setId("search-field");
        field.getStyleClass().add("search-field");
        field.promptTextProperty().bind(Messages.text("search.prompt"));
        field.accessibleTextProperty().bind(Messages.text("search.accessible"));
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().add(field);

        list.getStyleClass().add("search-list");
        scroll.getStyleClass().add("search-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        panel.setId("search-results");
        panel.getStyleClass().add("search-results");
        panel.setVisible(false);
        panel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        panel.setFocusTraversable(false);
        StackPane.setAlignment(panel, Pos.TOP_LEFT);
        // the list sits under the field wherever the tool bar puts it
        field.localToSceneTransformProperty().addListener(o -> placePanel());
        field.widthProperty().addListener(o -> placePanel());
        panel.parentProperty().addListener((o, oldParent, parent) -> {
            if (parent != null) {
                parent.layoutBoundsProperty().addListener(b -> placePanel());
            }
            placePanel();
        });

        // a pasted list of names keeps its breaks as spaces ("Osh⏎Batken" must not become "OshBatken")
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(c -> {
            c.setText(org.ferganaatlas.logic.SearchQuery.singleLine(c.getText()));
            return c;
        }));
        debounce.setOnFinished(e -> runQuery());
        // open results are asked for again, so their group titles and dates follow a change of language
        Messages.onLocaleChange(this, () -> {
            if (panel.isVisible()) {
                runQuery();
            }
        });
        field.textProperty().addListener((o, a, text) -> {
            generation++;
            typedAtNanos = System.nanoTime();
            if (text == null || text.isBlank()) {
                debounce.stop();
                hide();
            } else {
                debounce.playFromStart();
            }
        });
        field.textProperty().bindBidirectional(state.searchTextProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.focusedProperty().addListener((o, was, now) -> {
            if (now && !field.getText().isBlank() && !rows.isEmpty()) {
                panel.setVisible(true);
            } else if (!now) {
                // a click in the list may move the focus to it for a moment: only hide when it went elsewhere
                Platform.runLater(() -> {
                    Node owner = getScene() == null ? null : getScene().getFocusOwner();
                    if (!field.isFocused() && !isInPanel(owner)) {
                        hide();
                    }
                });
            }
        });

        Path file = databaseFile;
        worker.execute(() -> {
            try {
                SearchIndex opened = SearchIndex.open(file);
                opened.warmUp();
                index = opened;
            } catch (org.ferganaatlas.data.AtlasDataException | RuntimeException e) {
                indexFailed = true;
                ErrorLog.log("The search index could not be opened", e);
            }
        });
        // the window closes the index when it goes away (tests open many windows); leaving the scene is not going
        // away: presentation mode takes the tool bar out of the scene and puts it back
    }

    /** The result list, to be put in a StackPane over the top of the map. */
    public Region resultsPanel() {
        return panel;
    }

    public TextField field() {
        return field;
    }

    /** Puts the cursor in the field and selects what is there (Ctrl+F, "/"). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    /** Milliseconds from the last key to results on screen, for every search shown so far (tests, benchmark). */
    public List<Double> latenciesMs() {
        return List.copyOf(latenciesMs);
    }

    /** Whether the index is open (searches before that wait for it). */
    public boolean ready() {
        return index != null || indexFailed;
    }

    public void close() {
        worker.execute(() -> {
            SearchIndex i = index;
            index = null;
            if (i != null) {
                i.close();
            }
        });
        worker.shutdown();
    }

    // ------------------------------------------------------------ querying

    private void runQuery() {
        long gen = generation;
        long typed = typedAtNanos;
        String query = field.getText();
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            SearchIndex i = index;
            List<SearchHit> hits = i == null ? null : i.search(query, LIMIT);
            Platform.runLater(() -> {
                if (gen != generation) {
                    return; // the text changed meanwhile: a newer query is coming
                }
                show(query, hits);
                latenciesMs.add((System.nanoTime() - typed) / 1e6);
            });
        });
    }

    private void show(String query, List<SearchHit> hits) {
        list.getChildren().clear();
        rows.clear();
        active = -1;
        shownQuery = query;
        if (hits == null) {
            list.getChildren().add(message(Messages.get("search.unavailable")));
        } else if (hits.isEmpty()) {
            list.getChildren().add(message(Messages.format("search.nothing", echo(query))));
        } else {
            Map<SearchGroup, List<SearchHit>> groups = new LinkedHashMap<>();
            for (SearchHit h : hits) {
                List<SearchHit> g = groups.computeIfAbsent(group(h.kind()), k -> new ArrayList<>());
                if (g.size() < PER_GROUP) {
                    g.add(h);
                }
            }
            for (Map.Entry<SearchGroup, List<SearchHit>> g : groups.entrySet()) {
                Label header = new Label(Messages.get(g.getKey().messageKey()).toUpperCase(Locale.ROOT));
                header.getStyleClass().add("search-group");
                header.setMaxWidth(Double.MAX_VALUE);
                list.getChildren().add(header);
                for (SearchHit h : g.getValue()) {
                    Region node = row(h);
                    int index = rows.size();
                    node.setOnMouseEntered(e -> setActive(index, false));
                    node.setOnMouseClicked(e -> {
                        if (e.getButton() == MouseButton.PRIMARY) {
                            activate(h);
                        }
                    });
                    rows.add(new Row(h, node));
                    list.getChildren().add(node);
                }
            }
            setActive(0, true);
        }
        scroll.setVvalue(0);
        panel.setVisible(field.isFocused());
        placePanel();
    }

    private static String echo(String query) {
        String q = query.strip().replaceAll("\\s+", " ");
        if (q.codePointCount(0, q.length()) > ECHO_MAX) {
            q = q.substring(0, q.offsetByCodePoints(0, ECHO_MAX)) + "…";
        }
        return q;
    }

    private static Label message(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("search-message");
        l.setWrapText(true);
        return l;
    }

    /** The group a kind of hit is listed under: a record's own group, else its feature kind's. */
    public static SearchGroup group(String kind) {
        return switch (kind) {
            case "treaty", "agreement" -> SearchGroup.TREATIES;
            case "provision" -> SearchGroup.PROVISIONS;
            case "event" -> SearchGroup.EVENTS;
            default -> org.ferganaatlas.model.FeatureKind.of(kind).map(org.ferganaatlas.model.FeatureKind::searchGroup)
                    .orElse(SearchGroup.PLACES);
        };
    }

    private Region row(SearchHit h) {
        Label title = new Label(h.displayName());
        title.getStyleClass().add("search-result-title");
        title.setWrapText(true);
        title.setMinWidth(0);
        HBox top = new HBox(title);
        top.getStyleClass().add("search-result-top");
        top.setAlignment(Pos.BASELINE_LEFT);
        if (!h.matchedName().equalsIgnoreCase(h.displayName()) && !h.matchedName().isBlank()) {
            Label matched = new Label(Messages.format("search.matched", h.matchedName()));
            matched.getStyleClass().add("search-result-matched");
            matched.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(matched);
        }
        VBox box = new VBox(top);
        String detail = detail(h);
        if (!detail.isBlank()) {
            Label d = new Label(detail);
            d.getStyleClass().add("search-result-detail");
            box.getChildren().add(d);
        }
        box.getStyleClass().add("search-result");
        box.setUserData(h.ref());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** "Town · Tajikistan", "Border crossing · Kyrgyzstan – Tajikistan", "Event · April 2021". */
    private String detail(SearchHit h) {
        List<String> parts = new ArrayList<>();
        switch (h.kind()) {
            case "treaty", "provision" -> { }
            case "event" -> RecordKey.parse(h.ref()).flatMap(RecordKey::eventDatePart)
                    .ifPresent(d -> parts.add(FeatureText.date(d, state.languageProperty().get())));
            default -> {
                parts.add(FeatureText.kind(h.kind()));
                data.feature(h.ref()).ifPresent(f -> {
                    String where = f.countries() != null && !f.countries().isBlank() ? FeatureText.countries(f.countries())
                            : FeatureText.country(f.country());
                    if (!where.isBlank()) {
                        parts.add(where);
                    }
                });
            }
        }
        return String.join(" · ", parts);
    }

    // ------------------------------------------------------------ keys and choosing

    private void onKey(KeyEvent e) {
        KeyCode c = e.getCode();
        boolean open = panel.isVisible();
        switch (c) {
            case DOWN -> {
                if (!open && !rows.isEmpty()) {
                    panel.setVisible(true);
                } else {
                    setActive(Math.min(rows.size() - 1, active + 1), true);
                }
                e.consume();
            }
            case UP -> {
                setActive(Math.max(0, active - 1), true);
                e.consume();
            }
            case ENTER -> {
                debounce.stop();
                if (shownQuery == null || !shownQuery.equals(field.getText())) {
                    // Enter before the results for this text arrived: search now, then choose the first.
                    searchNowAndChooseFirst();
                } else if (active >= 0 && active < rows.size()) {
                    activate(rows.get(active).hit());
                }
                e.consume();
            }
            case ESCAPE -> {
                if (open) {
                    hide();
                } else if (!field.getText().isEmpty()) {
                    field.clear();
                } else {
                    returnFocusToMap();
                }
                e.consume();
            }
            default -> { }
        }
    }

    private void searchNowAndChooseFirst() {
        long gen = generation;
        String query = field.getText();
        if (query.isBlank() || worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            SearchIndex i = index;
            List<SearchHit> hits = i == null ? null : i.search(query, LIMIT);
            Platform.runLater(() -> {
                if (gen != generation) {
                    return;
                }
                show(query, hits);
                if (!rows.isEmpty()) {
                    activate(rows.get(0).hit());
                }
            });
        });
    }

    private void setActive(int i, boolean scrollTo) {
        if (rows.isEmpty()) {
            active = -1;
            return;
        }
        active = Math.max(0, Math.min(rows.size() - 1, i));
        for (int k = 0; k < rows.size(); k++) {
            rows.get(k).node().pseudoClassStateChanged(ACTIVE, k == active);
        }
        if (scrollTo) {
            ensureVisible(rows.get(active).node());
        }
    }

    private void ensureVisible(Node n) {
        double contentH = list.getHeight(), viewH = scroll.getViewportBounds().getHeight();
        if (contentH <= viewH || viewH <= 0) {
            return;
        }
        Bounds b = n.getBoundsInParent();
        double top = scroll.getVvalue() * (contentH - viewH);
        if (b.getMinY() < top) {
            scroll.setVvalue(b.getMinY() / (contentH - viewH));
        } else if (b.getMaxY() > top + viewH) {
            scroll.setVvalue((b.getMaxY() - viewH) / (contentH - viewH));
        }
    }

    /** Shows a hit the way everything is shown ({@link Focus}): a record in its reader, a feature selected and in view. */
    public void activate(SearchHit h) {
        hide();
        if (RecordKey.parse(h.ref()).isPresent()) {
            focus.showRecord(h.ref());
        } else {
            focus.showFeature(h.ref());
        }
        returnFocusToMap();
    }

    private void returnFocusToMap() {
        Node map = getScene() == null ? null : getScene().lookup(".map-view");
        if (map != null) {
            map.requestFocus();
        }
    }

    private boolean isInPanel(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == panel) {
                return true;
            }
        }
        return false;
    }

    private void hide() {
        panel.setVisible(false);
    }

    private void placePanel() {
        if (panel.getParent() == null || getScene() == null) {
            return;
        }
        Point2D fieldInScene = field.localToScene(0, 0);
        Point2D parentInScene = panel.getParent().localToScene(0, 0);
        double parentW = panel.getParent().getLayoutBounds().getWidth();
        double w = Math.max(field.getWidth(), panel.prefWidth(-1));
        double x = Math.max(0, Math.min(fieldInScene.getX() - parentInScene.getX(), parentW - w - 4));
        panel.setTranslateX(x);
        panel.setMinWidth(field.getWidth());
        fitHeight();
    }

    /** As tall as the list, but never below the bottom of the map. */
    private void fitHeight() {
        if (panel.getParent() == null) {
            return;
        }
        double room = panel.getParent().getLayoutBounds().getHeight() - field.getFont().getSize() * 2;
        list.applyCss();
        double w = Math.max(field.getWidth(), panel.prefWidth(-1));
        double h = list.prefHeight(w);
        scroll.setPrefViewportHeight(Math.max(0, Math.min(h, room)));
    }

    /** What the list shows now (tests): the refs of the hits in order. */
    public List<String> shownRefs() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.hit().ref());
        }
        return out;
    }

    /** The texts of the list as shown, headers and messages included (tests). */
    public List<String> shownTexts() {
        List<String> out = new ArrayList<>();
        for (Node n : list.getChildren()) {
            out.add(text(n));
        }
        return out;
    }

    private static String text(Node n) {
        if (n instanceof Label l) {
            return l.getText();
        }
        StringBuilder sb = new StringBuilder();
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                String t = text(c);
                if (!t.isEmpty()) {
                    sb.append(sb.length() > 0 ? " " : "").append(t);
                }
            }
        }
        return sb.toString();
    }

    public int activeIndex() {
        return active;
    }

    public String shownQuery() {
        return shownQuery;
    }

    public boolean panelShowing() {
        return panel.isVisible();
    }
}
