package org.ferganaatlas.gui.panels;

import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;

import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.l10n.RecordText;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import static org.ferganaatlas.gui.common.PanelParts.label;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.gui.common.Background;
import org.ferganaatlas.logic.FactRange;
import org.ferganaatlas.logic.StatusRules;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.CrossingStatus;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKey;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.TerritoryPeriod;

/**
 * The right-hand panel: what the selected feature is, its names in the known languages, its status on the
 * map date and its history, its facts with dates (ranges where sources disagree), how well its location is
 * known, and the numbered sources behind all of it. Observes {@link AtlasState} only.
 */
public final class DetailsPanel extends VBox implements AtlasPanel {
    private static final List<String> LANGS = List.of("en", "ru", "ky", "tg", "uz", "alt");

    private final AtlasState state;
    private final MapData data;
    private final Focus focus;
    private final org.ferganaatlas.gui.state.NoteBook notes;
    private final org.ferganaatlas.gui.state.UserStore user;
    private final VBox body = new VBox();
    private final ScrollPane scroll;
    private final Map<String, Integer> sourceNumbers = new LinkedHashMap<>();

    public DetailsPanel(AtlasContext ctx) {
        this.state = ctx.state();
        this.data = ctx.data();
        this.focus = ctx.focus();
        this.notes = ctx.user().notes();
        this.user = ctx.user();
        setId("details-panel");
        getStyleClass().add("details-panel");
        body.getStyleClass().add("details-body");
        scroll = PanelParts.scrollingBody(this, body, "details-scroll");
        // a new selection is read in the background; a date or language change only redraws what was read
        state.selectedKeyProperty().addListener(o -> load());
        state.mapDateProperty().addListener(o -> render());
        state.languageProperty().addListener(o -> render());
        // the count of the user's notes on the place follows their saves (no SQL: the note book is in memory)
        notes.notes().addListener((javafx.beans.Observable o) -> render());
        user.databaseProperty().addListener(o -> render());
        load();
    }

    /** Everything the panel shows about one feature, read once per selection (off the FX thread). */
    private record Dossier(Feature feature, List<StatusPeriod> status, List<TerritoryPeriod> territory, List<Name> names,
                           List<Fact> facts, List<ProvisionLink> links, List<AtlasEvent> events, Map<String, Source> sources) {}

    private Dossier shown;
    private long loadGeneration;

    /** Reads the selected feature's dossier in the background and shows it; the welcome text when nothing is selected. */
    private void load() {
        long gen = ++loadGeneration;
        String key = state.selectedKeyProperty().get();
        Feature f = key == null ? null : data.feature(key).orElse(null);
        if (f == null) {
            shown = null;
            render();
            return;
        }
        Background.load("the details of " + key, () -> read(f), d -> {
            if (gen == loadGeneration) {
                shown = d;
                render();
            }
        });
    }

    /** Any thread: the reads (the settlement's treaty steps are warmed in the window's cache too). */
    private Dossier read(Feature f) {
        List<StatusPeriod> status = data.status(f.key());
        List<TerritoryPeriod> territory = data.territory(f.key());
        List<Name> names = data.db().featureRepository().names(f.key());
        List<Fact> facts = data.db().factRepository().facts(f.key());
        List<ProvisionLink> links = data.provisionsFor(f.key());
        links.forEach(l -> data.treatySteps(l.treatyKey()));
        List<AtlasEvent> events = data.db().eventRepository().eventsFor(f.key());
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(f.sourceIds());
        status.forEach(p -> ids.addAll(p.sourceIds()));
        territory.forEach(p -> ids.addAll(p.sourceIds()));
        names.forEach(n -> ids.addAll(n.sourceIds()));
        facts.forEach(x -> ids.addAll(x.sourceIds()));
        Map<String, Source> sources = new java.util.HashMap<>();
        data.db().factRepository().sources(new ArrayList<>(ids)).forEach(s -> sources.put(s.id(), s));
        return new Dossier(f, status, territory, names, facts, links, events, sources);
    }

    private Locale locale() {
        return state.languageProperty().get();
    }

    /** Draws the shown dossier as of the map date, in the language (FX thread, no SQL). */
    private void render() {
        double v = scroll.getVvalue();
        boolean same = shown != null && body.getUserData() == shown;
        body.getChildren().clear();
        sourceNumbers.clear();
        Dossier d = shown;
        body.setUserData(d);
        if (d == null) {
            showWelcome();
            scroll.setVvalue(0);
            return;
        }
        Feature f = d.feature();
        header(f);
        notesLink(f);
        var user = data.userShape(f.key());
        if (user.isPresent()) {
            yours(f, user.get().layerTitle());
            scroll.setVvalue(same ? v : 0);
            return;
        }
        statusNow(f, d.status());
        history(d.status());
        territory(d.territory());
        names(d.names());
        facts(d.facts());
        agreements(f, d.links());
        events(d.events());
        location(f);
        for (String id : f.sourceIds()) {
            ref(id);
        }
        sources(d.sources());
        scroll.setVvalue(same ? v : 0); // a date change keeps the reader where it was
    }

    /**
     * "Notes on this place (N)": opens the notes tab listing this place's notes (through the note book's place filter,
     * which the notes tab follows), where a new note is made on this place. Only with a user database to keep them.
     */
    private void notesLink(Feature f) {
        if (user.database().isEmpty()) {
            return;
        }
        int n = notes.about(f.key()).size();
        javafx.scene.control.Hyperlink h = new javafx.scene.control.Hyperlink(Messages.format("details.notes", n));
        h.setId("details-notes-link");
        h.getStyleClass().addAll("details-link", "details-notes-link");
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        h.setOnAction(e -> {
            notes.placeFilterProperty().set(null); // a change even when this place was asked for before
            notes.placeFilterProperty().set(f.key());
            state.sideTabProperty().set(org.ferganaatlas.gui.state.SideTab.NOTES);
        });
        body.getChildren().add(h);
    }

    private void showWelcome() {
        Label title = label(Messages.get("details.welcome.title"), "details-title");
        title.setId("details-title");
        Label text = label(Messages.get("details.welcome.text"), "details-text");
        Label keys = label(Messages.get("details.welcome.keys"), "details-hint");
        body.getChildren().addAll(title, text, keys);
    }

    private void header(Feature f) {
        Label kind = label(FeatureText.kind(f.kind()).toUpperCase(locale()), "details-kind");
        Button close = new Button("×");
        close.getStyleClass().add("details-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> state.selectedKeyProperty().set(null));
        close.setAccessibleText(Messages.get("details.close"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(kind, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        Label title = label(data.displayName(f, locale().getLanguage()), "details-title");
        title.setId("details-title");
        body.getChildren().addAll(top, title);
        String where = f.countries() != null && !f.countries().isBlank() ? FeatureText.countries(f.countries())
                : FeatureText.country(f.country());
        if (!where.isBlank()) {
            body.getChildren().add(label(where, "details-subtitle"));
        }
        f.propString("description").or(() -> f.propString("location_description"))
                .ifPresent(d -> body.getChildren().add(label(d, "details-text")));
        f.propString("who_may_cross").ifPresent(w -> body.getChildren().add(label(Messages.format("details.whoMayCross", w), "details-text")));
    }

    private void statusNow(Feature f, List<StatusPeriod> status) {
        LocalDate day = state.mapDateProperty().get();
        Set<String> attributes = new LinkedHashSet<>();
        status.forEach(p -> attributes.add(p.attribute()));
        if (attributes.isEmpty()) {
            return;
        }
        section(Messages.format("details.statusOn", FeatureText.date(day, locale())));
        for (String a : attributes) {
            StatusRules.Reading reading = StatusRules.readingOn(status, a, day);
            String value = reading.value();
            String text = value == null ? Messages.get("status.unknown") : FeatureText.status(a, value);
            if (reading.unconfirmed()) {
                // past its evidence: what was last reported, and when, never the state as fact
                text = Messages.format("status.lastReported", text, FeatureText.date(reading.lastConfirmed(), locale()));
            }
            Label chip = label(text, "status-chip");
            if (reading.unconfirmed()) {
                chip.getStyleClass().add("unconfirmed");
            }
            chip.setWrapText(false);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.getStyleClass().add(a.equals(StatusRules.CROSSING_STATUS) ? CrossingStatus.of(value).styleClass() : "neutral");
            chip.setId("status-now-" + a);
            Label what = label(FeatureText.attribute(a), "details-hint");
            HBox row = new HBox(what, chip);
            row.getStyleClass().add("details-row");
            row.setAlignment(Pos.CENTER_LEFT);
            body.getChildren().add(row);
        }
    }

    /** A place from the user's own file: its layer, its values as the file gave them, where it is. */
    private void yours(Feature f, String layerTitle) {
        body.getChildren().add(label(Messages.format("details.yourLayer", layerTitle), "details-subtitle"));
        Map<String, Object> props = f.props();
        if (!props.isEmpty()) {
            section(Messages.get("details.yourValues"));
            GridPane grid = new GridPane();
            grid.getStyleClass().add("names-grid");
            int row = 0;
            for (Map.Entry<String, Object> e : props.entrySet()) {
                grid.addRow(row++, label(e.getKey(), "names-lang"), label(String.valueOf(e.getValue()), "names-primary"));
            }
            body.getChildren().add(grid);
        }
        section(Messages.get("details.location"));
        if (f.hasLocation()) {
            body.getChildren().add(label(FeatureText.latLon(f.lat(), f.lon()), "details-text"));
        }
        body.getChildren().add(label(Messages.get("details.yourPosition"), "details-note"));
    }

    /** Who held the piece when, and on whose word: the map colours it by the period covering the map date. */
    private void territory(List<TerritoryPeriod> periods) {
        if (periods.isEmpty()) {
            return;
        }
        section(Messages.get("details.heldBy"));
        LocalDate day = state.mapDateProperty().get();
        for (TerritoryPeriod p : periods) {
            Label who = label(FeatureText.country(p.holder()), "history-value");
            who.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(who, label(period(p.from(), p.to()), "history-date"));
            line.getStyleClass().add("details-row");
            line.setAlignment(Pos.CENTER_LEFT);
            VBox entry = new VBox(line);
            entry.getStyleClass().add("history-entry");
            if (p.covers(day)) {
                entry.getStyleClass().add("on-map-date");
            }
            if (p.drawnAs() != null && !p.drawnAs().equals(p.holder())) {
                entry.getChildren().add(label(Messages.format("details.drawnAs", FeatureText.country(p.drawnAs())), "details-note"));
            }
            if (p.note() != null && !p.note().isBlank()) {
                entry.getChildren().add(label(p.note(), "details-note"));
            }
            entry.getChildren().add(label(meta(p.confidence(), p.sourceIds()), "details-meta"));
            body.getChildren().add(entry);
        }
    }

    /** "since 15 April 2024", "until …", "from … to …", "always (as far as our records go)". */
    private String period(String fromIso, String toIso) {
        String from = FeatureText.date(fromIso, locale()), to = FeatureText.date(toIso, locale());
        if (from.isEmpty() && to.isEmpty()) {
            return Messages.get("details.period.always");
        }
        if (to.isEmpty()) {
            return Messages.format("details.period.since", from);
        }
        return from.isEmpty() ? Messages.format("details.period.until", to) : Messages.format("details.period.range", from, to);
    }

    private void history(List<StatusPeriod> status) {
        if (status.isEmpty()) {
            return;
        }
        section(Messages.get("details.history"));
        for (StatusPeriod p : status) {
            String when = period(p.from(), p.to());
            Label value = label(FeatureText.status(p.attribute(), p.value()), "history-value");
            if (StatusRules.CROSSING_STATUS.equals(p.attribute())) {
                value.getStyleClass().addAll("status-chip", CrossingStatus.of(p.value()).styleClass());
            }
            value.setWrapText(false);
            value.setMinWidth(Region.USE_PREF_SIZE);
            Label date = label(when, "history-date");
            VBox entry = new VBox(new HBox(value, date));
            ((HBox) entry.getChildren().get(0)).getStyleClass().add("details-row");
            ((HBox) entry.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
            if (p.isCurrent() && p.lastConfirmed() != null) {
                entry.getChildren().add(label(Messages.format("details.lastConfirmed", FeatureText.date(p.lastConfirmed(), locale())),
                        "details-meta"));
            }
            if (p.note() != null && !p.note().isBlank()) {
                entry.getChildren().add(label(p.note(), "details-note"));
            }
            entry.getChildren().add(label(meta(p.confidence(), p.sourceIds()), "details-meta"));
            entry.getStyleClass().add("history-entry");
            body.getChildren().add(entry);
        }
    }

    /**
     * The names by language (English, Russian, Kyrgyz, Tajik, Uzbek, then other spellings), primary first. A language
     * the build found from the letters rather than from the source is marked, with one line saying so.
     */
    private void names(List<Name> names) {
        if (names.isEmpty()) {
            return;
        }
        section(Messages.get("details.names"));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("names-grid");
        int row = 0;
        boolean anyDerived = false;
        for (String lang : LANGS) {
            StringJoiner primary = new StringJoiner(", ");
            StringJoiner other = new StringJoiner(", ");
            boolean derived = false;
            for (Name n : names) {
                if (lang.equals(n.lang())) {
                    (n.primary() ? primary : other).add(n.name());
                    n.sourceIds().forEach(this::ref);
                    derived |= n.derived() && !lang.equals("alt");
                }
            }
            if (primary.length() == 0 && other.length() == 0) {
                continue;
            }
            anyDerived |= derived;
            Label l = label(Messages.getOr("lang." + lang, lang) + (derived ? " *" : ""), "names-lang");
            l.getProperties().put("lang", lang);
            VBox v = new VBox();
            v.getProperties().put("lang", lang);
            if (primary.length() > 0) {
                v.getChildren().add(label(primary.toString(), "names-primary"));
            }
            if (other.length() > 0) {
                v.getChildren().add(label(other.toString(), "names-other"));
            }
            grid.addRow(row++, l, v);
        }
        body.getChildren().add(grid);
        if (anyDerived) {
            body.getChildren().add(label(Messages.get("details.names.derived"), "details-meta"));
        }
    }

    private void facts(List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        section(Messages.get("details.facts"));
        Map<String, List<Fact>> byAttr = new LinkedHashMap<>();
        facts.forEach(x -> byAttr.computeIfAbsent(x.attribute(), k -> new ArrayList<>()).add(x));
        for (Map.Entry<String, List<Fact>> e : byAttr.entrySet()) {
            VBox entry = new VBox();
            entry.getStyleClass().add("fact-entry");
            entry.getChildren().add(label(FeatureText.attribute(e.getKey()), "fact-name"));
            List<Fact> list = e.getValue();
            if (list.size() > 1) {
                String range = range(list);
                if (range != null) {
                    entry.getChildren().add(label(Messages.format("details.sourcesDiffer", range), "fact-range"));
                }
            }
            for (Fact x : list) {
                String asOf = x.asOf() == null || x.asOf().isBlank() ? ""
                        : " · " + Messages.format("details.asOf", FeatureText.date(x.asOf(), locale()));
                entry.getChildren().add(label(FeatureText.factValue(x, locale()) + asOf, "fact-value"));
                if (x.note() != null && !x.note().isBlank()) {
                    entry.getChildren().add(label(x.note(), "details-note"));
                }
                entry.getChildren().add(label(meta(x.confidence(), x.sourceIds()), "details-meta"));
            }
            body.getChildren().add(entry);
        }
    }

    /** "1,200–1,500 km²" over facts that disagree ({@link FactRange}), or null if they are not numbers or agree. */
    private String range(List<Fact> list) {
        return FactRange.of(list).map(r -> FeatureText.factValue(new Fact("", Double.toString(r.min()), Double.toString(r.max()),
                r.unit(), null, "low", List.of(), null), locale())).orElse(null);
    }

    /** The provisions and treaties that concern this place (for a segment, also its border pair). */
    private void agreements(Feature f, List<ProvisionLink> links) {
        if (links.isEmpty() && !FeatureKey.is(f.key(), FeatureKind.BORDER)) {
            return;
        }
        section(Messages.get("details.agreements"));
        if (FeatureKey.is(f.key(), FeatureKind.BORDER)) {
            var r = data.settlement(f, state.mapDateProperty().get());
            String when = FeatureText.date(state.mapDateProperty().get(), locale());
            String stage = Messages.get("settlement." + r.stage().name().toLowerCase(Locale.ROOT));
            Label l = label(Messages.format("details.settlementOn", when, stage), "details-text");
            l.setId("details-settlement");
            body.getChildren().add(l);
        }
        String treaty = null;
        for (org.ferganaatlas.model.ProvisionLink l : links) {
            if (!l.treatyKey().equals(treaty)) {
                treaty = l.treatyKey();
                String signed = FeatureText.date(l.signedDate(), locale());
                String lang = locale().getLanguage();
                javafx.scene.control.Hyperlink t = link(data.text(l.treatyKey(), org.ferganaatlas.model.Translation.TITLE,
                        l.treatyTitle(), lang).text(), "details-treaty-link", l.treatyKey());
                body.getChildren().add(t);
                if (!signed.isEmpty()) {
                    body.getChildren().add(label(Messages.format("details.treatySigned", signed), "details-meta"));
                }
            }
            body.getChildren().add(link(l.ordinal() + ". " + data.text(l.provisionKey(), org.ferganaatlas.model.Translation.TITLE,
                    l.provisionTitle(), locale().getLanguage()).text(), "details-provision-link", l.provisionKey()));
        }
    }

    /** Events at this place, newest last; clicking one opens it in the timeline. */
    private void events(List<AtlasEvent> list) {
        if (list.isEmpty()) {
            return;
        }
        section(Messages.get("details.events"));
        for (org.ferganaatlas.model.AtlasEvent e : list) {
            body.getChildren().add(label(RecordText.dates(e.date(), e.dateEnd(), locale()), "details-meta"));
            body.getChildren().add(link(data.inLanguage(e, locale().getLanguage()).title(), "details-event-link", e.key()));
        }
    }

    private javafx.scene.control.Hyperlink link(String text, String styleClass, String recordKey) {
        javafx.scene.control.Hyperlink h = new javafx.scene.control.Hyperlink(text);
        h.getStyleClass().addAll("details-link", styleClass);
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        h.setUserData(recordKey);
        h.setOnAction(e -> focus.showRecord(recordKey));
        return h;
    }

    private void location(Feature f) {
        section(Messages.get("details.location"));
        if (f.hasLocation()) {
            body.getChildren().add(label(FeatureText.latLon(f.lat(), f.lon()), "details-text"));
        }
        if (f.accuracyM() != null) {
            body.getChildren().add(label(Messages.format("details.accuracy", Math.round(f.accuracyM())), "details-text"));
        }
        body.getChildren().add(label(Messages.format("details.confidence", FeatureText.confidence(f.confidence())), "details-text"));
        // a note written for this place says how it was placed better than the generic sentence of its derivation
        String how = f.propString("location_note").orElseGet(() -> derivation(f.derivation()));
        body.getChildren().add(label(how, "details-note"));
        if (FeatureKey.is(f.key(), FeatureKind.BORDER)) {
            body.getChildren().add(label(FeatureText.geometryAge(data.db().metadata()), "details-note"));
        }
        f.propString("notes").ifPresent(n -> body.getChildren().add(label(n, "details-note")));
    }

    public static String derivation(String d) {
        if (d == null || d.isBlank()) {
            return Messages.get("derivation.sourced");
        }
        String form = d.contains(":") ? d.substring(0, d.indexOf(':')) : d;
        return Messages.getOr("derivation." + form, d);
    }

    private void sources(Map<String, Source> known) {
        if (sourceNumbers.isEmpty()) {
            return;
        }
        section(Messages.get("details.sources"));
        for (String id : sourceNumbers.keySet()) {
            Source s = known.get(id);
            if (s == null) {
                continue;
            }
            VBox entry = new VBox();
            entry.getStyleClass().add("source-entry");
            entry.getChildren().add(label("[" + sourceNumbers.get(s.id()) + "] " + s.title(), "source-title"));
            StringJoiner by = new StringJoiner(" · ");
            if (s.publisher() != null && !s.publisher().isBlank()) {
                by.add(s.publisher());
            }
            if (s.published() != null && !s.published().isBlank()) {
                by.add(FeatureText.date(s.published(), locale()));
            }
            if (s.licence() != null && !s.licence().isBlank()) {
                by.add(s.licence());
            }
            if (by.length() > 0) {
                entry.getChildren().add(label(by.toString(), "details-meta"));
            }
            if (s.url() != null && !s.url().isBlank()) {
                entry.getChildren().add(PanelParts.sourceUrl(s.url()));
            }
            body.getChildren().add(entry);
        }
    }

    private String meta(String confidence, List<String> sourceIds) {
        StringJoiner refs = new StringJoiner(" ");
        for (String id : sourceIds) {
            refs.add("[" + ref(id) + "]");
        }
        String c = Messages.format("details.confidence", FeatureText.confidence(confidence));
        return refs.length() == 0 ? c : c + " · " + Messages.get("details.sourcesShort") + " " + refs;
    }

    private int ref(String sourceId) {
        return sourceNumbers.computeIfAbsent(sourceId, k -> sourceNumbers.size() + 1);
    }

    private void section(String title) {
        body.getChildren().add(label(title, "details-section"));
    }

    /** All text shown (tests). */
    public String allText() {
        StringBuilder sb = new StringBuilder();
        collect(body, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Label l) {
            sb.append(l.getText()).append('\n');
        } else if (n instanceof TextField t) {
            sb.append(t.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }
}
