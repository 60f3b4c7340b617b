package org.ferganaatlas.gui.records;

import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;

import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;

import org.ferganaatlas.gui.l10n.RecordText;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.ferganaatlas.logic.EventSequence;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.PartialDate;

/**
 * The map date control under the map: a slider from 1 January 2020 to today with a mark per event, a date
 * field, "Today", and Play, which steps the map date from event to event (choosing each in
 * {@link AtlasState}, so the timeline and the map follow). Esc ({@link AtlasState#escape()}) or the button again stops it. Everything is
 * bound to {@link AtlasState#mapDateProperty()}.
 */
public final class TimeBar extends HBox implements AtlasPanel {
    public static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    /** Time each event stays on screen while playing. */
    public static final Duration STEP = Duration.seconds(2.6);

    private final AtlasState state;
    private final Focus focus;
    private final Slider slider = new Slider();
    private final DatePicker picker = new DatePicker();
    /** Says why a typed date was not taken. */
    private final Label dateError = new Label();
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    private final ToggleButton play = new ToggleButton();
    private final Pane marks = new Pane();
    private final List<AtlasEvent> events;
    private final org.ferganaatlas.gui.state.MapData data;
    private final Timeline player = new Timeline();
    private boolean syncing;
    private int next;

    public TimeBar(AtlasContext ctx) {
        this.state = ctx.state();
        this.focus = ctx.focus();
        this.events = ctx.data().events();
        this.data = ctx.data();
        setId("time-bar");
        getStyleClass().add("time-bar");
        setAlignment(Pos.CENTER_LEFT);

        LocalDate last = EventSequence.lastStart(events, LocalDate.now());
        slider.setId("map-date-slider");
        slider.setMin(FIRST.toEpochDay());
        slider.setMax(last.toEpochDay());
        slider.setMajorTickUnit(365.25);
        slider.setMinorTickCount(3);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                LocalDate d = LocalDate.ofEpochDay(Math.round(v) + 2);
                return d.getDayOfYear() <= 5 ? Integer.toString(d.getYear()) : "";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        slider.setFocusTraversable(true);
        slider.accessibleTextProperty().bind(Messages.text("timebar.slider"));
        slider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                stop();
                set(LocalDate.ofEpochDay(Math.round(v.doubleValue())));
            }
        });

        picker.setId("map-date-picker");
        picker.getStyleClass().add("map-date-picker");
        picker.setShowWeekNumbers(false);
        picker.setPromptText("YYYY-MM-DD");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    LocalDate d = s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
                    dateError.setVisible(false);
                    picker.getEditor().pseudoClassStateChanged(INVALID, false);
                    return d;
                } catch (RuntimeException e) {
                    // not a date: keep the day shown, leave the text to be corrected, and say what is wrong with it
                    dateError.setText(Messages.format("timebar.date.invalid", s.strip()));
                    dateError.setVisible(true);
                    picker.getEditor().pseudoClassStateChanged(INVALID, true);
                    return state.mapDateProperty().get();
                }
            }
        });
        // read aloud, the field's own text is digits only ("2025-03-14"): say what it is and the day in words
        Messages.onLocaleChange(this, () -> sayDate(state.mapDateProperty().get()));
        dateError.setId("map-date-error");
        dateError.getStyleClass().add("map-date-error");
        dateError.setWrapText(true);
        dateError.setVisible(false);
        dateError.managedProperty().bind(dateError.visibleProperty());
        // typing again, or any other way of setting the date, takes the message away
        picker.getEditor().textProperty().addListener((o, a, t) -> {
            if (dateError.isVisible() && !picker.getEditor().isFocused()) {
                dateError.setVisible(false);
                picker.getEditor().pseudoClassStateChanged(INVALID, false);
            }
        });
        picker.valueProperty().addListener((o, a, d) -> {
            if (!syncing && d != null) {
                stop();
                set(d);
            }
        });

        Button today = new Button();
        today.textProperty().bind(Messages.text("timebar.today"));
        today.setId("map-date-today");
        today.getStyleClass().add("time-bar-button");
        today.setTooltip(new Tooltip());
        today.getTooltip().textProperty().bind(Messages.text("timebar.today.tip"));
        today.setMinWidth(Region.USE_PREF_SIZE); // whole on a 1024-wide screen too (it showed as "...")
        today.setOnAction(e -> {
            stop();
            set(LocalDate.now());
        });

        play.setId("timeline-play");
        play.getStyleClass().addAll("time-bar-button", "play-button");
        play.setTooltip(new Tooltip());
        play.getTooltip().textProperty().bind(Messages.text("timebar.play.tip"));
        Messages.onLocaleChange(this, () -> updatePlayText());
        play.selectedProperty().bindBidirectional(state.playingProperty());
        state.playingProperty().addListener((o, a, on) -> {
            if (on) {
                start();
            } else {
                player.stop();
            }
            updatePlayText();
        });
        updatePlayText();
        player.getKeyFrames().add(new KeyFrame(STEP, e -> step()));
        player.setCycleCount(Timeline.INDEFINITE);

        Label title = new Label();
        title.textProperty().bind(Messages.text("timebar.label"));
        title.getStyleClass().add("time-bar-label");
        title.setMinWidth(Region.USE_PREF_SIZE);

        marks.getStyleClass().add("time-bar-marks");
        marks.setMouseTransparent(false);
        VBox track = new VBox(marks, slider);
        track.getStyleClass().add("time-bar-track");
        HBox.setHgrow(track, Priority.ALWAYS);
        slider.widthProperty().addListener(o -> layoutMarks());
        buildMarks();
        Messages.onLocaleChange(this, () -> buildMarks()); // their tooltips give the date in words

        getChildren().addAll(play, title, picker, dateError, today, track);
        state.mapDateProperty().addListener((o, a, d) -> sync(d));
        sync(state.mapDateProperty().get());
    }

    private void updatePlayText() {
        boolean on = state.playingProperty().get();
        play.setText(Messages.get(on ? "timebar.pause" : "timebar.play"));
    }

    private void sayDate(LocalDate d) {
        picker.setAccessibleText(d == null ? Messages.get("timebar.label")
                : Messages.format("timebar.date.accessible", org.ferganaatlas.gui.l10n.FeatureText.date(d, Messages.locale())));
    }

    private void set(LocalDate d) {
        state.mapDateProperty().set(d);
    }

    private void sync(LocalDate d) {
        syncing = true;
        dateError.setVisible(false);
        picker.getEditor().pseudoClassStateChanged(INVALID, false);
        try {
            slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), d.toEpochDay())));
            picker.setValue(d);
            sayDate(d);
        } finally {
            syncing = false;
        }
    }

    /** Stops playing. */
    public void stop() {
        state.playingProperty().set(false);
    }

    /** Starts from the first event after the map date (from the first event when the map date is past the last). */
    private void start() {
        next = EventSequence.firstAfter(events, state.mapDateProperty().get());
        step();
        player.playFromStart();
    }

    /** Shows the next event; stops after the last. */
    public void step() {
        if (next >= events.size()) {
            stop();
            return;
        }
        AtlasEvent e = events.get(next++);
        focus.showRecord(e.key());
        if (next < events.size()) {
            focus.prepareRecord(events.get(next).key()); // its tiles are drawn while this event is on screen
        }
    }

    /** The events' marks above the slider, in the colour of their kind; clicking one chooses it. */
    private void buildMarks() {
        List<Node> list = new ArrayList<>();
        for (AtlasEvent e : events) {
            if (e.start().isEmpty()) {
                continue;
            }
            Region m = new Region();
            m.getStyleClass().addAll("time-mark", "kind-" + e.kind().replace('_', '-'));
            m.setUserData(e);
            // the tooltip is made when the pointer first comes over the mark: a hundred tooltips (each a popup
            // control) made at start cost more than the marks themselves
            m.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
                @Override
                public void handle(javafx.scene.input.MouseEvent ev) {
                    m.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                    Tooltip.install(m, new Tooltip(RecordText.dates(e.date(), e.dateEnd(), state.languageProperty().get())
                            + "\n" + data.inLanguage(e, state.languageProperty().get().getLanguage()).title()));
                }
            });
            m.setOnMouseClicked(ev -> {
                stop();
                focus.showRecord(e.key());
            });
            list.add(m);
        }
        marks.getChildren().setAll(list);
    }

    private void layoutMarks() {
        Node thumb = slider.lookup(".thumb");
        double inset = thumb != null ? thumb.getLayoutBounds().getWidth() / 2 : 8;
        double w = slider.getWidth() - 2 * inset;
        for (Node n : marks.getChildren()) {
            AtlasEvent e = (AtlasEvent) n.getUserData();
            double day = e.start().get().start().toEpochDay();
            double f = (day - slider.getMin()) / (slider.getMax() - slider.getMin());
            Region r = (Region) n;
            r.autosize();
            r.relocate(inset + f * w - r.getWidth() / 2, 0);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        layoutMarks();
    }
}
