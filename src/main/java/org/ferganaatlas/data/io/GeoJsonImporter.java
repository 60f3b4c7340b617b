package org.ferganaatlas.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * GeoJSON (RFC 7946, and the older form QGIS writes with a {@code crs} member) read as a stream: jackson-core walks the
 * file one feature at a time, so a 200 MB file never sits in memory whole, and each feature's geometry object is handed
 * to JTS's {@link GeoJsonReader}. A FeatureCollection, a single Feature and a bare geometry are all accepted.
 */
final class GeoJsonImporter {
    static final String FORMAT = "GeoJSON";
    private static final JsonFactory JSON = JsonFactory.builder()
            // a hostile file cannot make one number or name huge, or nest without end
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxNumberLength(100)
                    .maxStringLength(20_000_000).build())
            .build();
    /** CRS names that mean WGS84 longitude/latitude degrees. */
    private static final Pattern WGS84 = Pattern.compile("(?i)(CRS84|EPSG:{1,2}4326|EPSG/0/4326)\\b");
    private static final Pattern CRS_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    /** JTS's reader, one per thread (it keeps nothing between reads but is not documented as thread-safe). */
    private static final ThreadLocal<GeoJsonReader> GEOMETRY_READER = ThreadLocal.withInitial(GeoJsonReader::new);

    private GeoJsonImporter() {}

    static ImportReport read(Path file, Consumer<ImportedFeature> sink, ImportControl ctl) throws ImportException {
        Sources.requireText(file, FORMAT);
        List<ImportIssue> issues = new FirstIssues();
        int[] counts = {0, 0}; // features seen, features handed on
        try (InputStream in = Sources.open(file, ctl.progress()); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file, line(p), null, FORMAT);
            }
            readTop(file, p, sink, ctl, issues, counts);
        } catch (JsonParseException e) {
            boolean cut = String.valueOf(e.getOriginalMessage()).contains("end-of-input");
            throw new ImportException(cut ? ImportException.Problem.TRUNCATED : ImportException.Problem.MALFORMED, file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e, FORMAT, e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // nested without end, or a number or text longer than any map needs: refused before it costs memory
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, e, FORMAT, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        } catch (Importers.SinkFailed e) {
            throw e;
        } catch (RuntimeException e) { // jackson's constraint violations
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, e, FORMAT, String.valueOf(e.getMessage()));
        }
        return new ImportReport(FORMAT, counts[1], issues, "UTF-8");
    }

    /** The top-level object: a FeatureCollection, a Feature or a geometry. */
    private static void readTop(Path file, JsonParser p, Consumer<ImportedFeature> sink, ImportControl ctl,
                                List<ImportIssue> issues, int[] counts) throws IOException, ImportException {
        long line = line(p);
        String type = null, geometry = null;
        Map<String, String> props = new LinkedHashMap<>();
        StringWriter bareGeometry = null;
        boolean sawFeatures = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> type = p.getValueAsString();
                case "crs" -> checkCrs(file, p);
                case "features" -> {
                    sawFeatures = true;
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw new ImportException(ImportException.Problem.MALFORMED, file, line(p), null, FORMAT,
                                "\"features\" is not a list");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        ctl.check(file);
                        readFeature(file, p, ++counts[0], sink, issues, counts);
                    }
                }
                case "geometry" -> geometry = p.currentToken() == JsonToken.VALUE_NULL ? null : copy(p);
                case "properties" -> readProperties(p, props);
                case "id" -> props.putIfAbsent("id", p.currentToken().isStructStart() ? copy(p) : p.getValueAsString());
                case "coordinates", "geometries" -> {
                    // a bare geometry: keep its members to hand the whole object to JTS
                    if (bareGeometry == null) {
                        bareGeometry = new StringWriter();
                    }
                    bareGeometry.append(bareGeometry.getBuffer().length() == 0 ? "" : ",").append('"').append(field)
                            .append("\":").append(copy(p));
                }
                default -> p.skipChildren();
            }
        }
        if (sawFeatures) {
            return;
        }
        if ("Feature".equals(type)) {
            hand(file, ++counts[0], line, geometry, props, sink, issues, counts);
        } else if (type != null && bareGeometry != null) {
            hand(file, ++counts[0], line, "{\"type\":\"" + type + "\"," + bareGeometry + "}", props, sink, issues, counts);
        } else if (!"FeatureCollection".equals(type)) {
            throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file, line, null, FORMAT);
        }
    }

    private static void readFeature(Path file, JsonParser p, int number, Consumer<ImportedFeature> sink,
                                    List<ImportIssue> issues, int[] counts) throws IOException {
        long line = line(p);
        String geometry = null;
        Map<String, String> props = new LinkedHashMap<>();
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "geometry" -> geometry = p.currentToken() == JsonToken.VALUE_NULL ? null : copy(p);
                case "properties" -> readProperties(p, props);
                case "id" -> id = p.currentToken().isStructStart() ? copy(p) : p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        if (id != null) {
            props.putIfAbsent("id", id);
        }
        hand(file, number, line, geometry, props, sink, issues, counts);
    }

    private static void hand(Path file, int number, long line, String geometryJson, Map<String, String> props,
                             Consumer<ImportedFeature> sink, List<ImportIssue> issues, int[] counts) {
        if (geometryJson == null) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.NO_GEOMETRY, List.of("null")));
            return;
        }
        Geometry g;
        try {
            g = GEOMETRY_READER.get().read(geometryJson);
        } catch (ParseException | RuntimeException e) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.BAD_GEOMETRY, List.of(String.valueOf(e.getMessage()))));
            return;
        }
        if (g == null || g.isEmpty()) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.NO_GEOMETRY, List.of("empty")));
            return;
        }
        double[] bad = Sources.badCoordinate(g);
        if (bad != null) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.OUT_OF_RANGE, List.of(bad[0], bad[1])));
            return;
        }
        counts[1]++;
        sink.accept(new ImportedFeature(number, line, nameOf(props), g, props));
    }

    /** The feature's name: the first of the usual name properties that is set. */
    static String nameOf(Map<String, String> props) {
        for (String k : props.keySet()) {
            String lower = k.toLowerCase(Locale.ROOT);
            if (lower.equals("name") || lower.equals("title") || lower.equals("название") || lower.equals("nomi")) {
                return props.get(k);
            }
        }
        return "";
    }

    private static void readProperties(JsonParser p, Map<String, String> props) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isStructStart()) {
                props.put(key, copy(p));
            } else if (t != JsonToken.VALUE_NULL) {
                props.put(key, p.getValueAsString());
            }
        }
    }

    /** A GeoJSON 2008 {@code crs} naming another system is refused: RFC 7946 coordinates are WGS84 degrees. */
    private static void checkCrs(Path file, JsonParser p) throws IOException, ImportException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        long line = line(p);
        String crs = copy(p);
        Matcher m = CRS_NAME.matcher(crs);
        String name = m.find() ? m.group(1) : crs;
        if (!WGS84.matcher(name).find()) {
            throw new ImportException(ImportException.Problem.OTHER_CRS, file, line, null, name);
        }
    }

    /** The current value (object, array or scalar) as JSON text, leaving the parser after it. */
    private static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static long line(JsonParser p) {
        return p.currentLocation() == null ? 0 : p.currentLocation().getLineNr();
    }
}
