package org.ferganaatlas.data.user;

import java.time.Instant;

/**
 * A layer the user imported or drew ({@code user_layer}).
 *
 * @param sourceFormat {@code geojson}, {@code kml}, {@code csv} or {@code drawn}
 * @param sourceFile   the name of the file it came from, or null
 * @param ordinal      drawing order among user layers (lowest first)
 */
public record UserLayer(long id, String name, String sourceFormat, String sourceFile, boolean visible, int ordinal,
                        Instant created) {}
