package org.ferganaatlas.gui.handout;

import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.model.HandoutPage;

import java.util.Locale;
import java.util.Map;

/**
 * The words of a handout page in the current language: the same for the picture, the printer and the PDF, so the
 * three say the same: the map's date under the title, how old the lines are above the sources (wherever lines are shown, their age
 * is said); the attribution names every source and licence, as the status bar does.
 *
 * @param title       above the map
 * @param caption     under the title, may be empty
 * @param legendTitle the legend's heading
 * @param mapDate     "Map date: 13 March 2025"
 * @param geometryAge how old the lines are, and that they are not the treaty lines
 * @param attribution the sources and licences
 * @param footer      the atlas's name and the page number
 * @param north       the north arrow's letter
 */
public record HandoutTexts(String title, String caption, String legendTitle, String mapDate, String geometryAge, String attribution,
                           String footer, String north) {
    /**
     * @param page        the page
     * @param number      its number (from 1), {@code of} the number of pages
     * @param metadata    the bundled database's metadata (geometry_date)
     * @param attribution the database's attribution line
     */
    public static HandoutTexts of(HandoutPage page, int number, int of, Map<String, String> metadata, String attribution,
                                  Locale locale) {
        String date = FeatureText.date(page.view().date(), locale);
        String title = page.title().isEmpty() ? Messages.format("handout.title.view", date) : page.title();
        String footer = of > 1 ? Messages.format("handout.footer.pages", Messages.get("app.title"), number, of)
                : Messages.get("app.title");
        return new HandoutTexts(title, page.caption(), Messages.get("handout.legend"),
                Messages.format("handout.mapDate", date), FeatureText.geometryAge(metadata),
                Messages.format("status.attribution", attribution), footer, Messages.get("handout.north"));
    }
}
