package org.ferganaatlas.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GeoConventions;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;

/**
 * Tour files: the atlas's own versioned JSON format (to share a tour with a colleague, and the built-in tour's
 * resource) and a KML 2.2 export with a {@code gx:Tour} that plays in Google Earth (docs/decisions/0012).
 *
 * <pre>
 * {"format": "fergana-atlas-tour", "version": 1, "title": "…", "author": "…", "titleKey": null,
 *  "stops": [{"title": "…", "caption": "…", "notes": "…", "textKey": null,
 *             "view": {"lat": 40.1, "lon": 71.7, "zoom": 9.5, "date": "2025-03-13", "layers": ["borders", …],
 *                      "highlight": ["crossing:kyzyl-bel"], "selected": null, "record": "treaty:kg-tj-2025"},
 *             "drawing": {"strokes": [{"tool": "pen", "color": "#d03030", "width": 4, "lonLat": [71.7, 40.1, …]}]}}]}
 * </pre>
 * Members this version does not know are skipped (a file of the same version may carry more); a file of a higher
 * version is refused, since its meaning may have changed. Reading never changes anything: a file that is not a tour,
 * damaged or cut off is an {@link ImportException} with its {@link ImportException.Problem}.
 */
public final class TourFiles {
    /** The value of {@code "format"}. */
    public static final String FORMAT_ID = "fergana-atlas-tour";
    /** The version this atlas writes, and the newest it reads. */
    public static final int VERSION = 1;
    /** The name messages use for the format. */
    static final String FORMAT = "tour";
    /** Larger than any tour with drawings; a bigger file is not one of ours. */
    static final long MAX_BYTES = 32L << 20;

    static final String KML_NS = "http://www.opengis.net/kml/2.2";
    static final String GX_NS = "http://www.google.com/kml/ext/2.2";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** Seconds Google Earth flies to a stop, and waits there. */
    static final double FLY_SECONDS = 4, WAIT_SECONDS = 8;
    /**
     * The map view the KML range is computed for: a window of 1000 × 700 pixels (the atlas's map at its usual size),
     * seen through Google Earth's default vertical field of view of 60°.
     */
    static final double VIEW_HEIGHT_PX = 700, FIELD_OF_VIEW_DEG = 60;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).maxNumberLength(100)
                    .maxStringLength(1_000_000).build())
            .build();

    private TourFiles() {}

    // ---------------------------------------------------------------- our format

    /** Writes the tour beside {@code file} and moves it into place when whole. */
    public static void write(Path file, GuidedTour tour) throws IOException {
        Exporters.atomically(file, w -> write(w, tour));
    }

    static void write(Writer w, GuidedTour tour) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT_ID);
            g.writeNumberField("version", VERSION);
            g.writeStringField("title", tour.title());
            g.writeStringField("author", tour.author());
            if (tour.titleKey() != null) {
                g.writeStringField("titleKey", tour.titleKey());
            }
            g.writeArrayFieldStart("stops");
            for (GuidedTour.Stop s : tour.stops()) {
                g.writeStartObject();
                g.writeStringField("title", s.title());
                g.writeStringField("caption", s.caption());
                g.writeStringField("notes", s.notes());
                if (s.textKey() != null) {
                    g.writeStringField("textKey", s.textKey());
                }
                g.writeFieldName("view");
                writeView(g, s.view());
                if (!s.drawing().isEmpty()) {
                    g.writeFieldName("drawing");
                    DrawingJson.write(g, s.drawing());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeView(JsonGenerator g, ViewSnapshot v) throws IOException {
        g.writeStartObject();
        g.writeNumberField("lat", v.centerLat());
        g.writeNumberField("lon", v.centerLon());
        g.writeNumberField("zoom", v.zoom());
        g.writeStringField("date", v.date().toString());
        g.writeArrayFieldStart("layers");
        for (String l : v.layers()) {
            g.writeString(l);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("highlight");
        for (String k : v.highlight()) {
            g.writeString(k);
        }
        g.writeEndArray();
        g.writeStringField("selected", v.selectedKey());
        g.writeStringField("record", v.recordKey());
        g.writeEndObject();
    }

    /** Reads a tour file; nothing is changed by reading, whatever the file holds. */
    public static GuidedTour read(Path file) throws ImportException {
        Sources.requireText(file, FORMAT);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(ImportException.Problem.TOO_LARGE, file, 0, null, MAX_BYTES);
            }
        } catch (IOException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
        // first what the file says it is, then (only for one of ours, of a version we know) what it holds
        try (InputStream in = Files.newInputStream(file)) {
            header(file, in);
        } catch (IOException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file, in);
        } catch (IOException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
    }

    /** Reads a tour from a stream (the built-in tour's resource); {@code name} is what messages call it. */
    public static GuidedTour read(InputStream in, Path name) throws ImportException, IOException {
        byte[] all = in.readAllBytes();
        header(name, new java.io.ByteArrayInputStream(all));
        return read(name, new java.io.ByteArrayInputStream(all));
    }

    private static void header(Path file, InputStream in) throws ImportException, IOException {
        String format = null;
        Number version = null;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JsonParseException e) {
                // not JSON at all: a text, or another kind of file renamed
                throw new ImportException(ImportException.Problem.NOT_A_TOUR, file, 0, e);
            }
            if (first != JsonToken.START_OBJECT) {
                // JSON of another shape (an array, a number)
                throw new ImportException(ImportException.Problem.NOT_A_TOUR, file, 0, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("format") && t == JsonToken.VALUE_STRING) {
                    format = p.getText();
                } else if (name.equals("version") && t.isNumeric()) {
                    version = p.getNumberValue();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new ImportException(ImportException.Problem.MALFORMED, file, line(p), null, FORMAT, "text after the tour");
            }
        } catch (JsonParseException e) {
            throw parseProblem(file, e);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, e, FORMAT, e.getOriginalMessage());
        }
        if (!FORMAT_ID.equals(format)) {
            throw new ImportException(ImportException.Problem.NOT_A_TOUR, file, 0, null);
        }
        if (version == null || version.doubleValue() != Math.floor(version.doubleValue()) || version.doubleValue() < 1) {
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, null, FORMAT, "no version 1, 2, …");
        }
        if (version.doubleValue() > VERSION) {
            throw new ImportException(ImportException.Problem.NEWER_TOUR, file, 0, null, version.longValue(), VERSION);
        }
    }

    private static ImportException parseProblem(Path file, JsonParseException e) {
        boolean cut = String.valueOf(e.getOriginalMessage()).contains("end-of-input");
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new ImportException(cut ? ImportException.Problem.TRUNCATED : ImportException.Problem.MALFORMED, file, line, e,
                FORMAT, e.getOriginalMessage());
    }

    private static GuidedTour read(Path file, InputStream in) throws ImportException, IOException {
        JsonParser p = JSON.createParser(in);
        try (p) {
            p.nextToken();
            String title = null, author = "", titleKey = null;
            List<GuidedTour.Stop> stops = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "title" -> title = text(p, "the title");
                    case "author" -> author = t == JsonToken.VALUE_NULL ? "" : text(p, "the author");
                    case "titleKey" -> titleKey = t == JsonToken.VALUE_NULL ? null : text(p, "the title key");
                    case "stops" -> stops = stops(p);
                    default -> p.skipChildren();
                }
            }
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("the tour has no title");
            }
            if (stops == null) {
                throw new IllegalArgumentException("the tour has no list of stops");
            }
            return new GuidedTour(title, author, titleKey, stops);
        } catch (JsonParseException e) {
            throw parseProblem(file, e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // a value that breaks the format's rules: which, and where
            throw new ImportException(ImportException.Problem.MALFORMED, file, line(p), e, FORMAT, e.getMessage());
        }
    }

    private static List<GuidedTour.Stop> stops(JsonParser p) throws IOException {
        DrawingJson.expect(p, JsonToken.START_ARRAY, "the list of stops");
        List<GuidedTour.Stop> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            DrawingJson.expect(p, JsonToken.START_OBJECT, "a stop");
            String title = "", caption = "", notes = "", textKey = null;
            ViewSnapshot view = null;
            Drawing drawing = Drawing.EMPTY;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "title" -> title = text(p, "a stop's title");
                    case "caption" -> caption = text(p, "a stop's caption");
                    case "notes" -> notes = text(p, "a stop's notes");
                    case "textKey" -> textKey = t == JsonToken.VALUE_NULL ? null : text(p, "a stop's text key");
                    case "view" -> view = view(p);
                    case "drawing" -> drawing = DrawingJson.read(p);
                    default -> p.skipChildren();
                }
            }
            if (view == null) {
                throw new IllegalArgumentException("stop " + (out.size() + 1) + " has no view");
            }
            out.add(new GuidedTour.Stop(title, caption, notes, view, drawing, textKey));
        }
        return out;
    }

    private static ViewSnapshot view(JsonParser p) throws IOException {
        DrawingJson.expect(p, JsonToken.START_OBJECT, "a view");
        double lat = Double.NaN, lon = Double.NaN, zoom = Double.NaN;
        LocalDate date = null;
        Set<String> layers = new LinkedHashSet<>();
        List<String> highlight = new ArrayList<>();
        String selected = null, record = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "lat" -> lat = DrawingJson.number(p, "a view's latitude");
                case "lon" -> lon = DrawingJson.number(p, "a view's longitude");
                case "zoom" -> zoom = DrawingJson.number(p, "a view's zoom");
                case "date" -> date = LocalDate.parse(text(p, "a view's date"));
                case "layers" -> strings(p, layers, "a view's layers");
                case "highlight" -> strings(p, highlight, "a view's highlight");
                case "selected" -> selected = t == JsonToken.VALUE_NULL ? null : text(p, "a view's selection");
                case "record" -> record = t == JsonToken.VALUE_NULL ? null : text(p, "a view's record");
                default -> p.skipChildren();
            }
        }
        if (date == null) {
            throw new IllegalArgumentException("a view without its date");
        }
        return new ViewSnapshot(lat, lon, zoom, date, layers, highlight, selected, record);
    }

    private static void strings(JsonParser p, java.util.Collection<String> into, String what) throws IOException {
        DrawingJson.expect(p, JsonToken.START_ARRAY, what);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            into.add(text(p, what));
        }
    }

    private static String text(JsonParser p, String what) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(what + " is not text");
        }
        return p.getText();
    }

    private static long line(JsonParser p) {
        return p.currentLocation() == null ? 0 : p.currentLocation().getLineNr();
    }

    // ---------------------------------------------------------------- KML for Google Earth

    /**
     * The distance from the camera to the stop's centre that shows about what the atlas shows at {@code zoom}: the
     * ground height of a {@value #VIEW_HEIGHT_PX}-pixel map ({@link GeoConventions#metresPerPixel(double, double)} at
     * the centre's latitude) seen through a vertical field of view of {@value #FIELD_OF_VIEW_DEG}°:
     * {@code range = mpp × height / (2 tan(fov / 2))}.
     */
    public static double zoomToLookAtRange(double lat, double zoom) {
        double groundHeightM = GeoConventions.metresPerPixel(lat, zoom) * VIEW_HEIGHT_PX;
        return groundHeightM / (2 * Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG) / 2));
    }

    /**
     * Writes the tour as KML 2.2: a {@code gx:Tour} whose playlist flies to each stop ({@code gx:FlyTo} with a
     * {@code LookAt} at the stop's centre, the range from {@link #zoomToLookAtRange}, and the map date as
     * {@code gx:TimeStamp}), opens the stop's balloon and waits; and one {@code Placemark} per stop with its caption.
     * Texts are written as given (a built-in tour's are resolved by the caller). Drawings are not exported.
     */
    public static void writeKml(Path file, GuidedTour tour) throws IOException {
        Exporters.atomically(file, w -> {
            try {
                kml(w, tour);
            } catch (XMLStreamException e) {
                throw new IOException("Could not write KML: " + e.getMessage(), e);
            }
        });
    }

    static void kml(Writer w, GuidedTour tour) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.setDefaultNamespace(KML_NS);
        x.setPrefix("gx", GX_NS);
        x.setPrefix("atom", ATOM_NS);
        x.writeStartElement(KML_NS, "kml");
        x.writeDefaultNamespace(KML_NS);
        x.writeNamespace("gx", GX_NS);
        x.writeNamespace("atom", ATOM_NS);
        x.writeStartElement(KML_NS, "Document");
        element(x, "name", tour.title());
        element(x, "open", "1"); // KML's order: name, open, then atom:author
        if (!tour.author().isBlank()) {
            x.writeStartElement(ATOM_NS, "author");
            x.writeStartElement(ATOM_NS, "name");
            x.writeCharacters(tour.author());
            x.writeEndElement();
            x.writeEndElement();
        }

        x.writeStartElement(GX_NS, "Tour");
        element(x, "name", tour.title());
        x.writeStartElement(GX_NS, "Playlist");
        for (int i = 0; i < tour.stops().size(); i++) {
            GuidedTour.Stop s = tour.stops().get(i);
            ViewSnapshot v = s.view();
            x.writeStartElement(GX_NS, "FlyTo");
            gx(x, "duration", number(FLY_SECONDS));
            gx(x, "flyToMode", i == 0 ? "bounce" : "smooth");
            x.writeStartElement(KML_NS, "LookAt");
            x.writeStartElement(GX_NS, "TimeStamp");
            element(x, "when", v.date().toString());
            x.writeEndElement();
            element(x, "longitude", number(v.centerLon()));
            element(x, "latitude", number(v.centerLat()));
            element(x, "altitude", "0");
            element(x, "heading", "0");
            element(x, "tilt", "0");
            element(x, "range", number(Math.round(zoomToLookAtRange(v.centerLat(), v.zoom()))));
            element(x, "altitudeMode", "relativeToGround");
            x.writeEndElement(); // LookAt
            x.writeEndElement(); // FlyTo
            balloon(x, i, true);
            x.writeStartElement(GX_NS, "Wait");
            gx(x, "duration", number(WAIT_SECONDS));
            x.writeEndElement();
            balloon(x, i, false);
        }
        x.writeEndElement(); // Playlist
        x.writeEndElement(); // Tour

        x.writeStartElement(KML_NS, "Folder");
        element(x, "name", tour.title());
        for (int i = 0; i < tour.stops().size(); i++) {
            GuidedTour.Stop s = tour.stops().get(i);
            x.writeStartElement(KML_NS, "Placemark");
            x.writeAttribute("id", stopId(i));
            element(x, "name", (i + 1) + ". " + s.title());
            element(x, "description", s.caption());
            x.writeStartElement(KML_NS, "TimeStamp");
            element(x, "when", s.view().date().toString());
            x.writeEndElement();
            x.writeStartElement(KML_NS, "Point");
            // KML: longitude, latitude[, altitude]
            element(x, "coordinates", number(s.view().centerLon()) + "," + number(s.view().centerLat()) + ",0");
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement(); // Folder
        x.writeEndElement(); // Document
        x.writeEndElement(); // kml
        x.writeEndDocument();
        x.flush();
    }

    private static String stopId(int i) {
        return "stop-" + (i + 1);
    }

    /** Opens ({@code show}) or closes a stop's balloon: Google Earth then shows its caption during the wait. */
    private static void balloon(XMLStreamWriter x, int i, boolean show) throws XMLStreamException {
        x.writeStartElement(GX_NS, "AnimatedUpdate");
        gx(x, "duration", "0");
        x.writeStartElement(KML_NS, "Update");
        element(x, "targetHref", "");
        x.writeStartElement(KML_NS, "Change");
        x.writeStartElement(KML_NS, "Placemark");
        x.writeAttribute("targetId", stopId(i));
        gx(x, "balloonVisibility", show ? "1" : "0");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(KML_NS, name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void gx(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(GX_NS, name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.7f", v).replaceAll("0+$", "");
    }
}
