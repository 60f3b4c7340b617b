package org.ferganaatlas.gui.records;

import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;

import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.common.SelectableText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.l10n.RecordText;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import static org.ferganaatlas.gui.common.PanelParts.label;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.RecordKey;
import org.ferganaatlas.model.RecordKind;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKey;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.Source;

/**
 * The events in date order, grouped by year: kind (icon and word), date or date range, title, places and
 * casualty ranges ("55–58 killed (sources differ)"). Clicking one chooses it in {@link AtlasState}
 * ({@link Focus} then sets the map date and flies the map there); the chosen one opens with its summary,
 * notes and numbered sources. Events after the map date are dimmed.
 */
public final class TimelinePanel extends VBox implements AtlasPanel {
    private final AtlasState state;
    private final MapData data;
    private final Focus focus;
    private final VBox body = new VBox();
    private final ScrollPane scroll;
    private final Map<String, VBox> cards = new LinkedHashMap<>();
    private List<AtlasEvent> events = List.of();

    public TimelinePanel(AtlasContext ctx) {
        this.state = ctx.state();
        this.data = ctx.data();
        this.focus = ctx.focus();
        setId("timeline-panel");
        getStyleClass().add("reader-panel");
        body.getStyleClass().addAll("reader-body", "timeline-body");
        scroll = PanelParts.scrollingBody(this, body, "reader-scroll");
        // choosing another event redraws only the card it leaves and the one it opens (Play steps every 2.6 s)
        state.selectedRecordKeyProperty().addListener((o, a, b) -> {
            boolean wasEvent = RecordKey.is(a, RecordKind.EVENT), isEvent = RecordKey.is(b, RecordKind.EVENT);
            if (wasEvent) {
                redrawCard(a, false);
            }
            if (isEvent) {
                VBox card = redrawCard(b, true);
                if (card != null) {
                    Platform.runLater(() -> scrollTo(card));
                }
            }
        });
        state.mapDateProperty().addListener(o -> markDates());
        state.languageProperty().addListener(o -> refresh());
        refresh();
    }

    private Locale locale() {
        return state.languageProperty().get();
    }

    /** The events in the order shown (tests). */
    public List<AtlasEvent> shownEvents() {
        return events;
    }

    public void refresh() {
        double v = scroll.getVvalue();
        body.getChildren().clear();
        cards.clear();
        events = data.events();
        body.getChildren().add(label(Messages.get("timeline.title"), "reader-title"));
        body.getChildren().add(label(Messages.get("timeline.intro"), "reader-intro"));
        String selected = state.selectedRecordKeyProperty().get();
        int year = Integer.MIN_VALUE;
        for (AtlasEvent e : events) {
            int y = e.start().map(PartialDate::year).orElse(Integer.MIN_VALUE);
            if (y != year) {
                year = y;
                body.getChildren().add(label(y == Integer.MIN_VALUE ? Messages.get("timeline.undated") : Integer.toString(y),
                        "timeline-year"));
            }
            VBox card = card(e, e.key().equals(selected));
            cards.put(e.key(), card);
            body.getChildren().add(card);
        }
        markDates();
        VBox sel = selected == null ? null : cards.get(selected);
        if (sel != null) {
            Platform.runLater(() -> scrollTo(sel));
        } else {
            scroll.setVvalue(v);
        }
    }

    private void scrollTo(Node target) {
        double h = body.getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) {
            double y = target.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 40) / h)));
        }
    }

    /** Replaces one event's card by a fresh one, open or closed; returns it (null for an event not shown). */
    private VBox redrawCard(String key, boolean open) {
        VBox old = cards.get(key);
        AtlasEvent e = events.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (old == null || e == null) {
            return null;
        }
        VBox card = card(e, open);
        cards.put(key, card);
        int i = body.getChildren().indexOf(old);
        if (i >= 0) {
            body.getChildren().set(i, card);
        }
        markDates();
        return card;
    }

    /** Dims events that begin after the map date; marks the ones in progress on it. */
    private void markDates() {
        LocalDate day = state.mapDateProperty().get();
        for (AtlasEvent e : events) {
            VBox card = cards.get(e.key());
            if (card == null) {
                continue;
            }
            boolean after = e.start().map(d -> d.start().isAfter(day)).orElse(false);
            card.pseudoClassStateChanged(AFTER, after);
        }
    }

    private static final javafx.css.PseudoClass AFTER = javafx.css.PseudoClass.getPseudoClass("after-map-date");

    private VBox card(AtlasEvent original, boolean selected) {
        Locale loc = locale();
        // the texts in the reader's language where translated (ky, tg, uz: then Russian), else the English original
        AtlasEvent e = data.inLanguage(original, loc.getLanguage());
        Region icon = new Region();
        icon.getStyleClass().addAll("event-icon", "kind-" + e.kind().replace('_', '-'));
        Label kind = label(RecordText.eventKind(e.kind()).toUpperCase(loc), "event-kind");
        Label date = label(RecordText.dates(e.date(), e.dateEnd(), loc), "event-date");
        HBox top = new HBox(icon, date, kind);
        top.getStyleClass().add("event-top");
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(top);
        card.getStyleClass().addAll("event-card", "kind-" + e.kind().replace('_', '-'));
        card.setId(PanelParts.nodeId(e.key()));
        card.getChildren().add(label(e.title(), "event-title"));
        String places = places(e);
        if (!places.isEmpty()) {
            card.getChildren().add(label(places, "event-place"));
        }
        for (String f : RecordText.figures(e, loc)) {
            card.getChildren().add(label(f, "event-figure"));
        }
        if (selected) {
            card.getStyleClass().add("selected-record");
            RecordText.SourceNumbers numbers = new RecordText.SourceNumbers();
            if (e.summary() != null && !e.summary().isBlank()) {
                card.getChildren().add(new SelectableText(e.summary(), "doc-text"));
            }
            Label language = label(RecordText.languageLine(
                    data.mainText(original.key(), original.title(), original.summary(), loc.getLanguage()), loc), "doc-language");
            language.setWrapText(true);
            language.getStyleClass().add("event-language");
            card.getChildren().add(language);
            if (e.notes() != null && !e.notes().isBlank()) {
                card.getChildren().add(new SelectableText(e.notes(), "doc-note"));
                // the notes on how figures were put together may be in another language than the summary
                org.ferganaatlas.logic.LanguageFallback.Text notes = data.text(original.key(),
                        org.ferganaatlas.model.Translation.NOTES, original.notes(), loc.getLanguage());
                org.ferganaatlas.logic.LanguageFallback.Text main = data.mainText(original.key(), original.title(),
                        original.summary(), loc.getLanguage());
                if (notes != null && main != null && !notes.lang().equals(main.lang())) {
                    Label notesLanguage = label(RecordText.languageLine(notes, loc), "doc-language");
                    notesLanguage.setWrapText(true);
                    card.getChildren().add(notesLanguage);
                }
            }
            card.getChildren().add(label(numbers.meta(e.confidence(), e.sourceIds()), "doc-meta"));
            for (Source s : data.db().factRepository().sources(new ArrayList<>(numbers.numbers.keySet()))) {
                VBox src = new VBox(new SelectableText("[" + numbers.numbers.get(s.id()) + "] " + s.title()
                        + (s.publisher() == null || s.publisher().isBlank() ? "" : " \u00b7 " + s.publisher()), "doc-source-title"));
                src.getStyleClass().add("doc-source");
                if (s.url() != null && !s.url().isBlank()) {
                    src.getChildren().add(PanelParts.sourceUrl(s.url()));
                }
                card.getChildren().add(src);
            }
        }
        card.setOnMouseClicked(ev -> {
            focus.showRecord(e.key()); // also when open already: fly back there
        });
        card.setAccessibleText(e.title());
        return card;
    }

    /** Names of the event's places, borders and countries last. */
    private String places(AtlasEvent e) {
        List<String> first = new ArrayList<>(), last = new ArrayList<>();
        for (String k : e.featureKeys()) {
            Feature f = data.feature(k).orElse(null);
            if (f == null) {
                continue;
            }
            String name = data.displayName(f, locale().getLanguage());
            boolean wide = FeatureKey.is(k, FeatureKind.BORDER) || FeatureKey.is(k, FeatureKind.COUNTRY);
            (wide ? last : first).add(name);
        }
        StringJoiner j = new StringJoiner(" \u00b7 ");
        first.forEach(j::add);
        last.forEach(j::add);
        return j.toString();
    }
}
