package org.ferganaatlas.model;

/**
 * A treaty's, provision's or event's text in a language other than English, the language it was written in (a row
 * of {@code translation}).
 *
 * @param recordKey    the treaty, provision or event
 * @param field        title, summary or notes
 * @param lang         ru, ky, tg or uz
 * @param text         the translated text
 * @param method       {@code machine-ai} (made by an AI assistant) or {@code human}
 * @param translator   who or what made it
 * @param translatedOn ISO date (possibly partial)
 * @param reviewedBy   who checked it against the original, or null when nobody has
 */
public record Translation(String recordKey, String field, String lang, String text, String method, String translator,
                          String translatedOn, String reviewedBy) {
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String NOTES = "notes";

    public boolean machine() {
        return "machine-ai".equals(method);
    }
}
