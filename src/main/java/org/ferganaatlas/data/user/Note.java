package org.ferganaatlas.data.user;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A saved note ({@code note} and {@code note_tag} rows).
 *
 * @param id         its id in the user database
 * @param featureKey the atlas feature it is about ({@code village:dostuk}), or null for a note on a point only
 * @param lat        the point it is pinned to (degrees), or null
 * @param lon        the point's longitude, or null
 * @param title      a short title, not blank
 * @param text       the note itself (may be empty)
 * @param date       the date it is about (an observation, a visit), or null
 * @param author     who wrote it, or null
 * @param tags       sorted, distinct, non-blank
 * @param created    when it was first saved
 * @param updated    when it was last saved
 * @param photo      the path of a photo file the user chose (kept as they chose it, not copied), or null
 */
public record Note(long id, String featureKey, Double lat, Double lon, String title, String text, LocalDate date,
                   String author, List<String> tags, Instant created, Instant updated, String photo) {
    public Note {
        tags = List.copyOf(tags);
    }

    /** The fields a user edits, as a draft (to change and {@link Notes#update}). */
    public NoteDraft draft() {
        return new NoteDraft(featureKey, lat, lon, title, text, date, author, tags, photo);
    }
}
