package org.ferganaatlas.data.user;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a note says before it is saved; checked here so a bad note fails where it is made, not on the database's
 * thread. A note is about a feature, a point, or a point on a feature.
 */
public record NoteDraft(String featureKey, Double lat, Double lon, String title, String text, LocalDate date,
                        String author, List<String> tags, String photo) {
    /** Longest photo path kept (no file system has longer paths). */
    public static final int MAX_PHOTO_PATH = 4096;

    public NoteDraft {
        featureKey = blankToNull(featureKey);
        photo = blankToNull(photo);
        if (photo != null && photo.length() > MAX_PHOTO_PATH) {
            throw new IllegalArgumentException("A photo's path is at most " + MAX_PHOTO_PATH + " characters");
        }
        title = Objects.requireNonNull(title, "title").strip();
        text = text == null ? "" : text;
        author = blankToNull(author);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("A note needs a title");
        }
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("A note's point needs both latitude and longitude");
        }
        if (lat != null && !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a point on the earth: " + lat + ", " + lon);
        }
        if (featureKey == null && lat == null) {
            throw new IllegalArgumentException("A note is about a feature or a point");
        }
        tags = cleanTags(tags);
    }

    /** A draft without a photo. */
    public NoteDraft(String featureKey, Double lat, Double lon, String title, String text, LocalDate date, String author,
                     List<String> tags) {
        this(featureKey, lat, lon, title, text, date, author, tags, null);
    }

    /** A note on an atlas feature. */
    public static NoteDraft onFeature(String featureKey, String title, String text) {
        return new NoteDraft(Objects.requireNonNull(featureKey, "featureKey"), null, null, title, text, null, null, List.of());
    }

    /** A note pinned to a point. */
    public static NoteDraft atPoint(double lat, double lon, String title, String text) {
        return new NoteDraft(null, lat, lon, title, text, null, null, List.of());
    }

    public NoteDraft withDate(LocalDate d) {
        return new NoteDraft(featureKey, lat, lon, title, text, d, author, tags, photo);
    }

    public NoteDraft withAuthor(String a) {
        return new NoteDraft(featureKey, lat, lon, title, text, date, a, tags, photo);
    }

    public NoteDraft withTags(Collection<String> t) {
        return new NoteDraft(featureKey, lat, lon, title, text, date, author, List.copyOf(t), photo);
    }

    public NoteDraft withText(String t) {
        return new NoteDraft(featureKey, lat, lon, title, t, date, author, tags, photo);
    }

    public NoteDraft withTitle(String t) {
        return new NoteDraft(featureKey, lat, lon, t, text, date, author, tags, photo);
    }

    /** With a photo file's path (null: none). */
    public NoteDraft withPhoto(String path) {
        return new NoteDraft(featureKey, lat, lon, title, text, date, author, tags, path);
    }

    /** Attached to a feature (or to none) and pinned to a point (or to none): where the note is. */
    public NoteDraft withPlace(String key, Double latitude, Double longitude) {
        return new NoteDraft(key, latitude, longitude, title, text, date, author, tags, photo);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> cleanTags(Collection<String> tags) {
        TreeSet<String> out = new TreeSet<>();
        if (tags != null) {
            for (String t : tags) {
                if (t != null && !t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        return List.copyOf(out);
    }
}
