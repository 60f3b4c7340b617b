package org.ferganaatlas.model;

import java.util.Optional;

/**
 * The stable key of a feature, {@code <kind>:<id>} ({@code crossing:kyzyl-bel}, {@code border:KGZ-TJK:2}), parsed once.
 * Border keys come in two shapes: {@code border:KGZ-TJK} is a whole pair, {@code border:KGZ-TJK:2} one segment of it.
 */
public record FeatureKey(FeatureKind kind, String id) {
    public FeatureKey {
        if (kind == null || id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a feature key needs a kind and an id");
        }
    }

    /** The key, if {@code text} is one ({@code kind:id} with a known kind). */
    public static Optional<FeatureKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int c = text.indexOf(':');
        if (c <= 0 || c == text.length() - 1) {
            return Optional.empty();
        }
        return FeatureKind.of(text.substring(0, c)).map(k -> new FeatureKey(k, text.substring(c + 1)));
    }

    /** Whether {@code text} is a feature key of {@code kind}. */
    public static boolean is(String text, FeatureKind kind) {
        return parse(text).map(k -> k.kind() == kind).orElse(false);
    }

    public static FeatureKey of(FeatureKind kind, String id) {
        return new FeatureKey(kind, id);
    }

    /** A whole border pair ({@code border:KGZ-TJK}), not one segment. */
    public boolean isBorderPair() {
        return kind == FeatureKind.BORDER && id.indexOf(':') < 0;
    }

    /** For a border segment ({@code border:KGZ-TJK:2}), its pair ({@code border:KGZ-TJK}); else empty. */
    public Optional<FeatureKey> borderPair() {
        if (kind != FeatureKind.BORDER || id.indexOf(':') < 0) {
            return Optional.empty();
        }
        return Optional.of(new FeatureKey(kind, id.substring(0, id.indexOf(':'))));
    }

    /** A country key for an ISO3 code ({@code country:KGZ}). */
    public static FeatureKey country(String iso3) {
        return new FeatureKey(FeatureKind.COUNTRY, iso3);
    }

    @Override
    public String toString() {
        return kind.id() + ":" + id;
    }
}
