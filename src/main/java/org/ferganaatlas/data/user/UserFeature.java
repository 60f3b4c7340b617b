package org.ferganaatlas.data.user;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a user layer ({@code user_feature}): a geometry in WGS84 (x = longitude, y = latitude), an
 * optional name and its attributes as a JSON object (as imported, for export and display).
 *
 * @param id      its id, or 0 before it is saved
 * @param layerId its layer, or 0 before it is saved
 */
public record UserFeature(long id, long layerId, String name, Geometry geometry, String attributesJson) {
    public UserFeature {
        Objects.requireNonNull(geometry, "geometry");
        attributesJson = attributesJson == null || attributesJson.isBlank() ? "{}" : attributesJson;
    }

    /** A feature to add with {@link UserLayers#addFeatures}. */
    public static UserFeature draft(String name, Geometry geometry, String attributesJson) {
        return new UserFeature(0, 0, name, geometry, attributesJson);
    }
}
