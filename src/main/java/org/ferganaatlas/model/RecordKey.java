package org.ferganaatlas.model;

import java.util.Optional;

/** The key of a treaty, agreement, provision or event, {@code <kind>:<id>}, parsed once. */
public record RecordKey(RecordKind kind, String id) {
    public RecordKey {
        if (kind == null || id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a record key needs a kind and an id");
        }
    }

    public static Optional<RecordKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int c = text.indexOf(':');
        if (c <= 0 || c == text.length() - 1) {
            return Optional.empty();
        }
        return RecordKind.ofPrefix(text.substring(0, c)).map(k -> new RecordKey(k, text.substring(c + 1)));
    }

    /** Whether {@code text} is a record key of {@code kind}. */
    public static boolean is(String text, RecordKind kind) {
        return parse(text).map(k -> k.kind() == kind).orElse(false);
    }

    /** The date part of an event key ({@code event:2022-09-clashes} gives {@code 2022-09}), if it has one. */
    public Optional<String> eventDatePart() {
        if (kind != RecordKind.EVENT) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = EVENT_DATE.matcher(id);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static final java.util.regex.Pattern EVENT_DATE = java.util.regex.Pattern.compile("^(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)");

    @Override
    public String toString() {
        return kind.prefix() + ":" + id;
    }
}
