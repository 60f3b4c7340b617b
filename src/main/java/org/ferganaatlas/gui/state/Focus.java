package org.ferganaatlas.gui.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ferganaatlas.logic.FocusRule;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.RecordKey;
import org.ferganaatlas.model.RecordKind;

/**
 * The one way to show something, used by search, the treaties panel, the timeline, the date bar, start options and
 * (later) tours: it sets the selection, the date where the record has one, the side tab, the highlight and the view,
 * by one rule ({@link FocusRule}), so the same thing chosen anywhere gives the same view. It writes only
 * {@link AtlasState}; it calls no panel and no layer.
 */
public final class Focus {
    private final AtlasState state;
    private final MapData data;

    public Focus(AtlasState state, MapData data) {
        this.state = state;
        this.data = data;
    }

    /** Selects a feature and flies the map to it (search, lists). */
    public void showFeature(String key) {
        Optional<Feature> f = data.feature(key);
        if (f.isEmpty()) {
            return;
        }
        data.extentOf(List.of(key), FocusRule.maxZoom(List.of(f.get()))).ifPresent(state.commands()::fit);
        state.selectedKeyProperty().set(key);
    }

    /** Selects a feature where it is (a click on the map): the view stays. */
    public void selectFeature(String key) {
        state.selectedKeyProperty().set(key);
    }

    /**
     * Opens a treaty, provision or event in its reader (the side tab follows), moves the map date to an event's first
     * day, highlights the most specific places it concerns and flies the map there. Unknown keys are ignored.
     */
    public void showRecord(String key) {
        RecordKey rk = RecordKey.parse(key).orElse(null);
        if (rk == null) {
            return;
        }
        state.playingProperty().set(state.playingProperty().get() && rk.kind() == RecordKind.EVENT);
        state.selectedRecordKeyProperty().set(key);
        state.sideTabProperty().set(sideTabFor(key));
        if (rk.kind() == RecordKind.EVENT) {
            data.event(key).flatMap(AtlasEvent::start).map(PartialDate::start).ifPresent(state.mapDateProperty()::set);
        }
        showPlaces(data.featureKeysConcerning(key));
    }

    /**
     * Readies the map for {@link #showRecord} of this record soon (its basemap drawn ahead, {@link MapCommand.Prefetch}),
     * changing nothing now.
     */
    public void prepareRecord(String key) {
        if (RecordKey.parse(key).isEmpty()) {
            return;
        }
        List<String> shown = placeable(data.featureKeysConcerning(key));
        List<Feature> features = new ArrayList<>();
        shown.forEach(k -> data.feature(k).ifPresent(features::add));
        data.extentOf(shown, FocusRule.maxZoom(features)).ifPresent(f -> state.commands().send(new MapCommand.Prefetch(f)));
    }

    /** Closes the record reader's current record (back to its list) and its highlight; the map stays where it is. */
    public void clearRecord() {
        state.selectedRecordKeyProperty().set(null);
        state.highlight(null); // the places marked were the record's: with it closed they would mark nothing chosen
    }

    /** Highlights the most specific of these places and fits the map to them; returns the keys shown. */
    public List<String> showPlaces(Collection<String> keys) {
        List<String> shown = placeable(keys);
        state.highlight(shown);
        List<Feature> features = new ArrayList<>();
        shown.forEach(k -> data.feature(k).ifPresent(features::add));
        data.extentOf(shown, FocusRule.maxZoom(features)).ifPresent(state.commands()::fit);
        return shown;
    }

    /** The places of {@code keys} that {@link #showPlaces} would show. */
    public List<String> placeable(Collection<String> keys) {
        return FocusRule.mostSpecific(keys, k -> data.extentOf(List.of(k), FocusRule.DEFAULT_ZOOM).isPresent());
    }

    /** Whether any of the keys can be shown on the map. */
    public boolean canShow(Collection<String> keys) {
        return !placeable(keys).isEmpty();
    }

    /** The side tab that reads a record: the timeline for events, the treaties reader for the rest. */
    public static SideTab sideTabFor(String recordKey) {
        return RecordKey.parse(recordKey).map(k -> k.kind() == RecordKind.EVENT ? SideTab.TIMELINE : SideTab.TREATIES)
                .orElse(SideTab.LAYERS);
    }
}
