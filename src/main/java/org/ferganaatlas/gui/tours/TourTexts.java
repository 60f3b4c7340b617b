package org.ferganaatlas.gui.tours;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.model.GuidedTour;

/**
 * A stop's texts in the reader's language: a built-in stop's from the message bundles ({@code <textKey>.title},
 * {@code .caption}, {@code .notes}), a user's as they wrote them.
 */
final class TourTexts {
    private TourTexts() {}

    static String tourTitle(GuidedTour t) {
        return t.titleKey() != null && Messages.has(t.titleKey()) ? Messages.get(t.titleKey()) : t.title();
    }

    static String title(GuidedTour.Stop s, int index) {
        String t = s.textKey() != null ? Messages.getOr(s.textKey() + ".title", s.title()) : s.title();
        return t == null || t.isBlank() ? Messages.format("tours.stop.untitled", index + 1) : t;
    }

    static String caption(GuidedTour.Stop s) {
        return s.textKey() != null ? Messages.getOr(s.textKey() + ".caption", s.caption()) : s.caption();
    }

    static String notes(GuidedTour.Stop s) {
        return s.textKey() != null ? Messages.getOr(s.textKey() + ".notes", s.notes()) : s.notes();
    }

    /** The tour with every text resolved, as a file for someone without the atlas's bundles (KML for Google Earth). */
    static GuidedTour resolved(GuidedTour t) {
        java.util.List<GuidedTour.Stop> stops = new java.util.ArrayList<>();
        for (int i = 0; i < t.stops().size(); i++) {
            GuidedTour.Stop s = t.stops().get(i);
            stops.add(new GuidedTour.Stop(title(s, i), caption(s), notes(s), s.view(), s.drawing()));
        }
        return new GuidedTour(tourTitle(t), t.author(), null, stops);
    }
}
