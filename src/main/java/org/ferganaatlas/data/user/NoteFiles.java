package org.ferganaatlas.data.user;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferganaatlas.data.io.Exporters;
import org.ferganaatlas.data.io.ImportedFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Notes as the features a file holds, and back: the title is the feature's name, the point its geometry, the rest
 * named attributes ({@value #TEXT}, {@value #DATE}, {@value #AUTHOR}, {@value #TAGS}, {@value #PLACE},
 * {@value #PHOTO}), so a spreadsheet or QGIS shows them as columns and {@code data.io.Importers} reads an exported
 * file back to the same notes. Tags are one value joined with {@value #TAG_SEPARATOR} (the editor splits on commas,
 * so no tag holds one).
 */
public final class NoteFiles {
    public static final String TEXT = "text", DATE = "date", AUTHOR = "author", TAGS = "tags", PLACE = "place",
            PHOTO = "photo";
    public static final String TAG_SEPARATOR = ", ";
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private NoteFiles() {}

    /** A point of the earth in degrees. */
    public record LatLon(double lat, double lon) {}

    /**
     * The notes as features to export, in order. A note without a point of its own is placed where {@code placeOf}
     * puts its feature; one with neither is left out (it cannot be a feature of a map file).
     */
    public static List<Exporters.Exported> exported(List<Note> notes, java.util.function.Function<String, Optional<LatLon>> placeOf) {
        List<Exporters.Exported> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            Optional<LatLon> at = n.lat() != null ? Optional.of(new LatLon(n.lat(), n.lon()))
                    : n.featureKey() == null ? Optional.empty() : placeOf.apply(n.featureKey());
            if (at.isEmpty()) {
                continue;
            }
            // JTS x = longitude, y = latitude
            Point p = GF.createPoint(new Coordinate(at.get().lon(), at.get().lat()));
            Map<String, String> a = new LinkedHashMap<>();
            a.put(TEXT, n.text());
            a.put(DATE, n.date() == null ? "" : n.date().toString());
            a.put(AUTHOR, n.author() == null ? "" : n.author());
            a.put(TAGS, String.join(TAG_SEPARATOR, n.tags()));
            a.put(PLACE, n.featureKey() == null ? "" : n.featureKey());
            a.put(PHOTO, n.photo() == null ? "" : n.photo());
            out.add(new Exporters.Exported(n.title(), p, a));
        }
        return out;
    }

    /**
     * A feature of a notes file as a note to save, or empty when it has no title or no point (a file written by
     * {@link #exported} always has both). A date that is not ISO is dropped, not guessed.
     */
    public static Optional<NoteDraft> draft(ImportedFeature f) {
        if (f.name().isBlank() || !(f.geometry() instanceof Point p)) {
            return Optional.empty();
        }
        Map<String, String> a = f.attributes();
        LocalDate date = null;
        String d = a.getOrDefault(DATE, "").strip();
        if (!d.isEmpty()) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        List<String> tags = Arrays.stream(a.getOrDefault(TAGS, "").split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        double lat = p.getY(), lon = p.getX(); // y = latitude, x = longitude
        try {
            return Optional.of(new NoteDraft(a.get(PLACE), lat, lon, f.name(), a.getOrDefault(TEXT, ""), date,
                    a.get(AUTHOR), tags, a.get(PHOTO)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
