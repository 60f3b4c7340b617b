package org.ferganaatlas.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A table with latitude and longitude columns, as Excel, LibreOffice and QGIS write it: comma, semicolon or tab
 * separated (Excel in Russian and Kyrgyz locales uses semicolons and decimal commas), UTF-8 with or without a byte order
 * mark, or the Windows Cyrillic code page Excel uses for "CSV (comma delimited)" on a Russian system. Apache Commons CSV
 * reads the records; this class only finds the columns and the numbers.
 */
final class CsvImporter {
    static final String FORMAT = "CSV";
    private static final Set<String> LAT = Set.of("lat", "latitude", "y", "широта", "kenglik", "lat_dd", "latitude_dd");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x", "долгота", "uzunlik", "lon_dd",
            "longitude_dd");
    private static final Set<String> NAME = Set.of("name", "title", "название", "наименование", "аталышы", "nomi", "ном");
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final GeometryFactory GF = new GeometryFactory();

    private CsvImporter() {}

    static ImportReport read(Path file, Consumer<ImportedFeature> sink, ImportControl ctl) throws ImportException {
        Sources.requireText(file, FORMAT);
        byte[] head = Sources.head(file, 64 * 1024);
        Charset cs = isUtf8(head) ? StandardCharsets.UTF_8 : CP1251;
        String sample = new String(head, cs);
        if (sample.startsWith("\uFEFF")) {
            sample = sample.substring(1);
        }
        char delimiter = delimiter(sample);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setTrim(true).build();
        List<ImportIssue> issues = new FirstIssues();
        int handed = 0;
        try (InputStream in = Sources.open(file, ctl.progress()); Reader reader = new InputStreamReader(skipBom(in), cs);
             CSVParser parser = new CSVParser(reader, format)) {
            List<String> header = parser.getHeaderNames();
            int lat = column(header, LAT), lon = column(header, LON), name = column(header, NAME);
            int wkt = column(header, Set.of("wkt", "geometry", "the_geom"));
            if (lat < 0 || lon < 0) {
                throw new ImportException(ImportException.Problem.NO_COORDINATE_COLUMNS, file, 1, null, String.join(", ", header));
            }
            for (CSVRecord rec : parser) {
                ctl.check(file);
                int number = (int) rec.getRecordNumber();
                long line = parser.getCurrentLineNumber();
                Double la = number(rec, lat, delimiter), lo = number(rec, lon, delimiter);
                if (la == null || lo == null) {
                    String col = header.get(la == null ? lat : lon);
                    issues.add(new ImportIssue(number, line, ImportIssue.Problem.NOT_A_NUMBER,
                            List.of(col, value(rec, la == null ? lat : lon))));
                    continue;
                }
                if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180)) {
                    issues.add(new ImportIssue(number, line, ImportIssue.Problem.OUT_OF_RANGE, List.of(la, lo)));
                    continue;
                }
                org.locationtech.jts.geom.Geometry shape = GF.createPoint(new Coordinate(lo, la));
                String wktText = wkt >= 0 ? value(rec, wkt) : "";
                if (!wktText.isBlank()) {
                    // a line or an area, as QGIS and our own export write it; the point columns are its label point
                    try {
                        shape = new org.locationtech.jts.io.WKTReader(GF).read(wktText);
                    } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
                        issues.add(new ImportIssue(number, line, ImportIssue.Problem.BAD_GEOMETRY, List.of(String.valueOf(e.getMessage()))));
                        continue;
                    }
                    double[] bad = Sources.badCoordinate(shape);
                    if (bad != null || shape.isEmpty()) {
                        issues.add(new ImportIssue(number, line, ImportIssue.Problem.OUT_OF_RANGE,
                                List.of(bad == null ? la : bad[0], bad == null ? lo : bad[1])));
                        continue;
                    }
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < rec.size(); i++) {
                    if (i != lat && i != lon && i != name && i != wkt && !header.get(i).isBlank()) {
                        attrs.put(header.get(i), rec.get(i));
                    }
                }
                // MapPoint is (lat, lon); a JTS point is x = longitude, y = latitude
                sink.accept(new ImportedFeature(number, line, name >= 0 ? value(rec, name) : "", shape, attrs));
                handed++;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, e, FORMAT, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ImportException(ImportException.Problem.MALFORMED, file, 1, e, FORMAT, String.valueOf(e.getMessage()));
        }
        return new ImportReport(FORMAT, handed, issues, cs.name());
    }

    /** Whether the bytes are valid UTF-8 (a sequence cut at the end of the sample is allowed). */
    static boolean isUtf8(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = bytes.length;
        // do not judge a character cut by the sample's end
        for (int back = 0; back < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80; back++) {
            end--;
        }
        if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            dec.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The separator of the header line: the most frequent of ; , and tab outside quotes. */
    static char delimiter(String sample) {
        String first = sample.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int semi = 0, comma = 0, tab = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                semi += c == ';' ? 1 : 0;
                comma += c == ',' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        return tab > semi && tab > comma ? '\t' : semi > comma ? ';' : ',';
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static String value(CSVRecord rec, int i) {
        return i < rec.size() ? rec.get(i) : "";
    }

    /** A coordinate: "40.28", or with a decimal comma "40,28" where the separator is not a comma. */
    private static Double number(CSVRecord rec, int i, char delimiter) {
        String v = value(rec, i).strip().replace('\u00a0', ' ').replace(" ", "");
        if (delimiter != ',' && v.indexOf(',') >= 0 && v.indexOf('.') < 0) {
            v = v.replace(',', '.');
        }
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] b = p.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)) {
            p.unread(b);
        }
        return p;
    }
}
