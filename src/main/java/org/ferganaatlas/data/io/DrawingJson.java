package org.ferganaatlas.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferganaatlas.model.Drawing;

/**
 * A {@link Drawing} as JSON, the same in a tour file and in the user database's {@code tour_stop.drawing} column:
 * {@code {"strokes":[{"tool":"pen","color":"#d03030","width":4,"lonLat":[lon0,lat0,lon1,lat1,…]}]}} with x =
 * longitude first in each pair, as in GeoJSON. Numbers are written in full ({@code Double.toString}), so a drawing
 * read back equals the one written. Unknown members are skipped (a later version may add some).
 */
public final class DrawingJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DrawingJson() {}

    /** The drawing as one JSON text. */
    public static String toJson(Drawing d) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g, d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to a string", e);
        }
        return w.toString();
    }

    /** Reads one JSON text; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Drawing fromJson(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            Drawing d = read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the drawing");
            }
            return d;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a drawing: " + e.getMessage(), e);
        }
    }

    /** Writes the drawing as an object at the generator's position. */
    public static void write(JsonGenerator g, Drawing d) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("strokes");
        for (Drawing.Stroke s : d.strokes()) {
            g.writeStartObject();
            g.writeStringField("tool", s.tool().name().toLowerCase(Locale.ROOT));
            g.writeStringField("color", s.color());
            g.writeNumberField("width", s.widthPx());
            g.writeArrayFieldStart("lonLat");
            for (double v : s.lonLat()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Reads a drawing object; the parser is on its {@code START_OBJECT} (or on {@code VALUE_NULL}: no drawing) and is
     * left on its {@code END_OBJECT}. A stroke that breaks {@link Drawing.Stroke}'s rules is an
     * {@link IllegalArgumentException}.
     */
    public static Drawing read(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return Drawing.EMPTY;
        }
        expect(p, JsonToken.START_OBJECT, "a drawing");
        List<Drawing.Stroke> strokes = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("strokes")) {
                expect(p, JsonToken.START_ARRAY, "the strokes");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    strokes.add(stroke(p));
                }
            } else {
                p.skipChildren();
            }
        }
        return new Drawing(strokes);
    }

    private static Drawing.Stroke stroke(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "a stroke");
        String tool = null, color = null;
        double width = Double.NaN;
        double[] points = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "tool" -> tool = p.getValueAsString();
                case "color" -> color = p.getValueAsString();
                case "width" -> width = number(p, "the stroke's width");
                case "lonLat" -> {
                    expect(p, JsonToken.START_ARRAY, "the stroke's points");
                    List<Double> l = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        l.add(number(p, "a stroke's coordinate"));
                    }
                    points = l.stream().mapToDouble(Double::doubleValue).toArray();
                }
                default -> {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        Drawing.Tool kind;
        try {
            kind = Drawing.Tool.valueOf(tool == null ? "" : tool.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a stroke's tool is pen or highlighter, not " + tool);
        }
        if (points == null) {
            throw new IllegalArgumentException("a stroke without points");
        }
        return new Drawing.Stroke(kind, color, width, points);
    }

    static double number(JsonParser p, String what) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw new IllegalArgumentException(what + " is not a number");
        }
        return p.getDoubleValue();
    }

    static void expect(JsonParser p, JsonToken t, String what) {
        if (p.currentToken() != t) {
            throw new IllegalArgumentException("expected " + what + " (" + t.asString() + "), found " + p.currentToken());
        }
    }
}
