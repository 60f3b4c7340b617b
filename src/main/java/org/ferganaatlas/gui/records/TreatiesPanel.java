package org.ferganaatlas.gui.records;

import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;

import org.ferganaatlas.gui.common.SelectableText;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.l10n.RecordText;

import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import static org.ferganaatlas.gui.common.PanelParts.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.model.Provision;
import org.ferganaatlas.model.RecordKey;
import org.ferganaatlas.model.RecordKind;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.Treaty;
import org.ferganaatlas.model.TreatyStep;

/**
 * The treaties and agreements, readable as a document. Without a chosen treaty it lists them (border
 * treaties first); with one ({@link AtlasState#selectedRecordKeyProperty()} holding a treaty or provision key) it
 * shows parties, signing, every ratification step, entry into force (or that our sources do not give it), the
 * summary and the provisions in our own words with numbered sources; "Show on map" on a provision highlights
 * its places and flies the map there; "Copy as text" copies the whole treaty with its sources.
 */
public final class TreatiesPanel extends VBox implements AtlasPanel {
    private final AtlasState state;
    private final MapData data;
    private final Focus focus;
    private final VBox body = new VBox();
    private final ScrollPane scroll;
    private String shownTreaty;
    private String lastCopied;

    public TreatiesPanel(AtlasContext ctx) {
        this.state = ctx.state();
        this.data = ctx.data();
        this.focus = ctx.focus();
        setId("treaties-panel");
        getStyleClass().add("reader-panel");
        body.getStyleClass().add("reader-body");
        scroll = PanelParts.scrollingBody(this, body, "reader-scroll");
        state.selectedRecordKeyProperty().addListener((o, a, key) -> onRecord(key));
        state.languageProperty().addListener(o -> refresh());
        onRecord(state.selectedRecordKeyProperty().get());
    }

    private Locale locale() {
        return state.languageProperty().get();
    }

    /** A treaty or provision key shows that treaty; other records (events) leave the panel as it is. */
    private void onRecord(String key) {
        if (key == null) {
            if (shownTreaty != null || body.getChildren().isEmpty()) {
                shownTreaty = null;
                refresh();
            }
            return;
        }
        if (RecordKey.is(key, RecordKind.PROVISION)) {
            data.db().treatyRepository().provision(key).ifPresent(p -> {
                if (p.treatyKey().equals(shownTreaty) && !body.getChildren().isEmpty()) {
                    // "Show on map" in the treaty shown: only the mark moves; the reader keeps its place and focus
                    markChosen(key);
                    return;
                }
                shownTreaty = p.treatyKey();
                refresh();
            });
        } else if (data.db().treatyRepository().treaty(key).isPresent()) {
            shownTreaty = key;
            refresh();
        }
    }

    private void markChosen(String key) {
        for (Node n : body.getChildren()) {
            n.getStyleClass().remove("selected-record");
        }
        Node target = body.lookup("#" + PanelParts.nodeId(key));
        if (target != null) {
            target.getStyleClass().add("selected-record");
        }
    }

    /** Whether the keyboard focus is on something in this panel. */
    private boolean hasFocusWithin() {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    public void refresh() {
        // Rebuilding removes the focused button ("All agreements", a treaty row): the scene would then give the focus to
        // the first control of the window, the search field, which reopens its old results over the map. Keep it here.
        boolean keepFocus = hasFocusWithin();
        body.getChildren().clear();
        Treaty t = shownTreaty == null ? null : data.db().treatyRepository().treaty(shownTreaty).orElse(null);
        if (t == null) {
            showList();
        } else {
            showTreaty(t);
        }
        scroll.setVvalue(0);
        String key = state.selectedRecordKeyProperty().get();
        if (RecordKey.is(key, RecordKind.PROVISION)) {
            Node target = body.lookup("#" + PanelParts.nodeId(key));
            if (target != null) {
                // after layout, scroll the provision into view
                Platform.runLater(() -> scrollTo(target));
            }
        }
        if (keepFocus) {
            scroll.requestFocus();
        }
    }

    private void scrollTo(Node target) {
        double h = body.getHeight() - scroll.getViewportBounds().getHeight();
        if (h > 0) {
            double y = target.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 8) / h)));
        }
    }


    // ---------------------------------------------------------------- list

    private void showList() {
        body.getChildren().add(label(Messages.get("treaties.title"), "reader-title"));
        body.getChildren().add(label(Messages.get("treaties.intro"), "reader-intro"));
        String lang = locale().getLanguage();
        List<Treaty> all = data.db().treatyRepository().treaties().stream().map(t -> data.inLanguage(t, lang)).toList();
        List<Treaty> border = new ArrayList<>(), other = new ArrayList<>();
        all.forEach(t -> ("treaty".equals(t.kind()) ? border : other).add(t));
        if (!border.isEmpty()) {
            body.getChildren().add(label(Messages.get("treaties.group.border"), "reader-section"));
            border.forEach(t -> body.getChildren().add(listRow(t)));
        }
        if (!other.isEmpty()) {
            body.getChildren().add(label(Messages.get("treaties.group.other"), "reader-section"));
            other.forEach(t -> body.getChildren().add(listRow(t)));
        }
        if (all.isEmpty()) {
            body.getChildren().add(label(Messages.get("treaties.none"), "reader-text"));
        }
    }

    private Node listRow(Treaty t) {
        Label kind = label(RecordText.treatyKind(t.kind()).toUpperCase(locale()), "record-kind");
        Label title = label(t.title(), "record-title");
        String when = FeatureText.date(t.signedDate(), locale());
        String line = Messages.format("treaties.row.signed", when.isEmpty() ? "?" : when,
                t.place() == null ? "" : t.place(), RecordText.parties(t.parties()));
        Label meta = label(line, "record-meta");
        Label status = label(t.inForceDate() == null || t.inForceDate().isBlank()
                ? Messages.get("treaties.row.inForceNotFound")
                : Messages.format("treaties.row.inForce", FeatureText.date(t.inForceDate(), locale())), "record-status");
        VBox row = new VBox(kind, title, meta, status);
        row.getStyleClass().add("record-row");
        row.setId(PanelParts.nodeId(t.key()));
        row.setOnMouseClicked(e -> focus.showRecord(t.key()));
        row.setAccessibleText(t.title());
        return row;
    }

    // ---------------------------------------------------------------- one treaty

    private void showTreaty(Treaty original) {
        Locale loc = locale();
        String lang = loc.getLanguage();
        // the texts in the reader's language where translated (ky, tg, uz: then Russian), else the English original
        Treaty t = data.inLanguage(original, lang);
        org.ferganaatlas.logic.LanguageFallback.Text main = data.mainText(original.key(), original.title(), original.summary(), lang);
        RecordText.SourceNumbers numbers = new RecordText.SourceNumbers();
        List<TreatyStep> steps = data.db().treatyRepository().treatySteps(t.key());
        List<Provision> provisions = data.db().treatyRepository().provisions(t.key()).stream()
                .map(p -> data.inLanguage(p, lang)).toList();

        Hyperlink back = new Hyperlink(Messages.get("treaties.back"));
        back.setId("treaties-back");
        back.getStyleClass().add("reader-back");
        back.setOnAction(e -> focus.clearRecord());
        Button copy = new Button(Messages.get("treaties.copy"));
        copy.setId("treaty-copy");
        copy.getStyleClass().add("reader-button");
        copy.setOnAction(e -> {
            copy(t);
            // say that it worked: the clipboard itself shows nothing
            copy.setText(Messages.get("treaties.copied"));
            copy.getStyleClass().add("done");
            javafx.animation.PauseTransition back2 = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2.5));
            back2.setOnFinished(x -> {
                copy.setText(Messages.get("treaties.copy"));
                copy.getStyleClass().remove("done");
            });
            back2.play();
        });
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(back, spacer, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().add(top);

        body.getChildren().add(label(RecordText.treatyKind(t.kind()).toUpperCase(loc), "record-kind"));
        SelectableText title = new SelectableText(t.title(), "doc-title");
        title.setId("treaty-title");
        body.getChildren().add(title);
        Label language = label(RecordText.languageLine(main, loc), "doc-language");
        language.setId("treaty-language");
        language.setWrapText(true);
        body.getChildren().add(language);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("doc-facts");
        int row = 0;
        facts.addRow(row++, label(Messages.get("treaty.parties"), "doc-fact-name"),
                text(RecordText.parties(t.parties()), "doc-fact-value"));
        String signed = FeatureText.date(t.signedDate(), loc);
        if (!signed.isEmpty()) {
            String where = t.place() == null || t.place().isBlank() ? signed : signed + ", " + t.place();
            facts.addRow(row++, label(Messages.get("treaty.signed"), "doc-fact-name"), text(where, "doc-fact-value"));
        }
        SelectableText inForce = text(RecordText.inForce(t, loc), "doc-fact-value");
        inForce.setId("treaty-in-force");
        if (t.inForceDate() == null || t.inForceDate().isBlank()) {
            inForce.getStyleClass().add("not-found");
        }
        facts.addRow(row++, label(Messages.get("treaty.inForce"), "doc-fact-name"), inForce);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        facts.getColumnConstraints().addAll(c0, c1);
        body.getChildren().add(facts);
        body.getChildren().add(label(numbers.meta(t.confidence(), t.sourceIds()), "doc-meta"));

        if (t.summary() != null && !t.summary().isBlank()) {
            body.getChildren().add(label(Messages.get("treaty.summary"), "reader-section"));
            body.getChildren().add(text(t.summary(), "doc-text"));
        }

        if (!steps.isEmpty()) {
            body.getChildren().add(label(Messages.get("treaty.steps"), "reader-section"));
            for (TreatyStep s : steps) {
                VBox entry = new VBox();
                entry.getStyleClass().add("doc-step");
                String d = FeatureText.date(s.date(), loc);
                Label date = label(d.isEmpty() ? Messages.get("treaty.step.undated") : d, "doc-step-date");
                date.setMinWidth(Region.USE_PREF_SIZE);
                String who = s.country() == null || s.country().isBlank() ? "" : FeatureText.country(s.country()) + ": ";
                String what = who + RecordText.step(s.step())
                        + (s.body() == null || s.body().isBlank() ? "" : " \u2014 " + s.body());
                Label stepText = label(what, "doc-step-what");
                HBox line = new HBox(date, stepText);
                line.getStyleClass().add("doc-step-line");
                HBox.setHgrow(stepText, Priority.ALWAYS);
                entry.getChildren().add(line);
                entry.getStyleClass().add("step-" + s.step().replace('_', '-'));
                if (s.note() != null && !s.note().isBlank()) {
                    entry.getChildren().add(text(s.note(), "doc-note"));
                }
                entry.getChildren().add(label(numbers.meta(s.confidence(), s.sourceIds()), "doc-meta"));
                body.getChildren().add(entry);
            }
            if (steps.stream().noneMatch(s -> "in_force".equals(s.step())) && (t.inForceDate() == null || t.inForceDate().isBlank())) {
                body.getChildren().add(label(Messages.get("treaty.inForce.notFoundLong"), "doc-note-strong"));
            }
        }

        if (!provisions.isEmpty()) {
            body.getChildren().add(label(Messages.get("treaty.provisions"), "reader-section"));
            body.getChildren().add(label(Messages.get("treaty.provisions.hint"), "doc-meta"));
            String selected = state.selectedRecordKeyProperty().get();
            for (Provision p : provisions) {
                VBox entry = new VBox();
                entry.getStyleClass().add("doc-provision");
                entry.setId(PanelParts.nodeId(p.key()));
                if (p.key().equals(selected)) {
                    entry.getStyleClass().add("selected-record");
                }
                entry.getChildren().add(text(p.ordinal() + ". " + p.title(), "doc-provision-title"));
                entry.getChildren().add(text(p.summary(), "doc-text"));
                Label meta = label(numbers.meta(p.confidence(), p.sourceIds()), "doc-meta");
                HBox foot = new HBox(meta);
                foot.getStyleClass().add("doc-provision-foot");
                foot.setAlignment(Pos.CENTER_LEFT);
                if (focus.canShow(p.featureKeys())) {
                    Region gap = new Region();
                    HBox.setHgrow(gap, Priority.ALWAYS);
                    Button show = new Button(Messages.get("treaty.showOnMap"));
                    show.getStyleClass().addAll("reader-button", "show-on-map");
                    show.setId("show-" + PanelParts.nodeId(p.key()));
                    show.setOnAction(e -> showOnMap(p));
                    show.setMinWidth(Region.USE_PREF_SIZE);
                    foot.getChildren().addAll(gap, show);
                }
                entry.getChildren().add(foot);
                body.getChildren().add(entry);
            }
        }

        if (!numbers.numbers.isEmpty()) {
            body.getChildren().add(label(Messages.get("details.sources"), "reader-section"));
            for (Source s : data.db().factRepository().sources(new ArrayList<>(numbers.numbers.keySet()))) {
                VBox entry = new VBox();
                entry.getStyleClass().add("doc-source");
                entry.getChildren().add(text("[" + numbers.numbers.get(s.id()) + "] " + s.title(), "doc-source-title"));
                List<String> by = new ArrayList<>();
                if (s.publisher() != null && !s.publisher().isBlank()) {
                    by.add(s.publisher());
                }
                if (s.published() != null && !s.published().isBlank()) {
                    by.add(FeatureText.date(s.published(), loc));
                }
                if (!by.isEmpty()) {
                    entry.getChildren().add(label(String.join(" \u00b7 ", by), "doc-meta"));
                }
                if (s.url() != null && !s.url().isBlank()) {
                    entry.getChildren().add(PanelParts.sourceUrl(s.url()));
                }
                body.getChildren().add(entry);
            }
        }
    }

    /** Highlights the provision's places and flies the map there; marks the provision as the chosen record. */
    public void showOnMap(Provision p) {
        focus.showRecord(p.key());
    }

    /** The treaty as plain text with its sources (what "Copy as text" puts on the clipboard). */
    public String plainText(Treaty t) {
        String lang = locale().getLanguage();
        Treaty original = data.db().treatyRepository().treaty(t.key()).orElse(t);
        String text = RecordText.plainText(data.inLanguage(original, lang), data.db().treatyRepository().treatySteps(t.key()),
                data.db().treatyRepository().provisions(t.key()).stream().map(p -> data.inLanguage(p, lang)).toList(),
                new RecordText.SourceNumbers(), ids -> data.db().factRepository().sources(ids), locale());
        // the copy says which language it is in and who translated it, as the reader does
        String line = RecordText.languageLine(data.mainText(original.key(), original.title(), original.summary(), lang), locale());
        int firstLine = text.indexOf('\n');
        return firstLine < 0 ? text + "\n" + line : text.substring(0, firstLine + 1) + line + "\n" + text.substring(firstLine + 1);
    }

    private void copy(Treaty t) {
        lastCopied = plainText(t);
        ClipboardContent c = new ClipboardContent();
        c.putString(lastCopied);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** The text last put on the clipboard (tests; the headless clipboard may not keep it). */
    public String lastCopied() {
        return lastCopied;
    }

    private static SelectableText text(String text, String styleClass) {
        return new SelectableText(text, styleClass);
    }
}
