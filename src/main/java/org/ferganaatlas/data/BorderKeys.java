package org.ferganaatlas.data;

import java.util.ArrayList;
import java.util.List;
import org.ferganaatlas.model.FeatureKey;

/**
 * Links recorded for a country pair ({@code border:KGZ-TJK}) apply to each of its segments
 * ({@code border:KGZ-TJK:2}); the treaty and event repositories both widen a segment key this way, so the rule
 * lives here rather than in either of them (repositories do not call each other).
 */
final class BorderKeys {
    private BorderKeys() {}

    /** The pair key of a border segment key ({@code border:KGZ-TJK:2} gives {@code border:KGZ-TJK}), else null. */
    static String pairKey(String featureKey) {
        return FeatureKey.parse(featureKey).flatMap(FeatureKey::borderPair).map(FeatureKey::toString).orElse(null);
    }

    /** The key, plus its country pair's key when it is a border segment. */
    static List<Object> withPairKey(String featureKey) {
        List<Object> keys = new ArrayList<>(List.of(featureKey));
        String pair = pairKey(featureKey);
        if (pair != null) {
            keys.add(pair);
        }
        return keys;
    }
}
