package org.ferganaatlas.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.kml.KMLReader;

/**
 * KML 2.2 and KMZ as Google Earth and Marble write them: Placemarks (in Folders, at any depth) with a Point, LineString,
 * LinearRing, Polygon (holes too) or MultiGeometry, their name, description and ExtendedData ({@code Data} and
 * {@code SchemaData}). The JDK's StAX parser walks the file as a stream with DTDs and external entities switched off,
 * and a document type declaration is refused outright (no KML has one; entity bombs and file-reading entities need
 * one); each geometry element is handed to JTS's {@link KMLReader}.
 */
final class KmlImporter {
    static final String FORMAT = "KML";
    /** The most a KMZ may unpack to: a compressed bomb stops here instead of filling the disk or the memory. */
    /**
     * JTS's geometry reader, one per thread: its constructor looks up an XML factory, which cost more than reading the
     * geometry itself (a 60 MB file took twice as long). It only ever reads the fragments this class wrote.
     */
    private static final ThreadLocal<KMLReader> GEOMETRY_READER = ThreadLocal.withInitial(KMLReader::new);
    static final long KMZ_LIMIT = 1L << 30;
    private static final Set<String> GEOMETRY = Set.of("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry");
    private static final XMLInputFactory XML = secureFactory();
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    private KmlImporter() {}

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static ImportReport readKml(Path file, Consumer<ImportedFeature> sink, ImportControl ctl) throws ImportException {
        Sources.requireText(file, FORMAT);
        try (InputStream in = Sources.open(file, ctl.progress())) {
            return read(file, in, sink, ctl, FORMAT);
        } catch (IOException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
    }

    /** A KMZ: the zip's main KML ({@code doc.kml}, else the first {@code .kml}), read as it unpacks. */
    static ImportReport readKmz(Path file, Consumer<ImportedFeature> sink, ImportControl ctl) throws ImportException {
        byte[] head = Sources.head(file, 4);
        if (head.length == 0) {
            throw new ImportException(ImportException.Problem.EMPTY, file, 0, null);
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file, 0, null, "KMZ");
        }
        try (ZipInputStream zip = new ZipInputStream(Sources.open(file, ctl.progress()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".kml")) {
                    return read(file, new Limited(zip, KMZ_LIMIT, file), sink, ctl, "KMZ");
                }
            }
            throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file, 0, null, "KMZ");
        } catch (IOException e) {
            if (e.getCause() instanceof ImportException ie) {
                throw ie;
            }
            throw new ImportException(ImportException.Problem.MALFORMED, file, 0, e, "KMZ", String.valueOf(e.getMessage()));
        }
    }

    private static ImportReport read(Path file, InputStream in, Consumer<ImportedFeature> sink, ImportControl ctl,
                                     String format) throws ImportException {
        List<ImportIssue> issues = new FirstIssues();
        int number = 0, handed = 0;
        XMLStreamReader r = null;
        try {
            r = XML.createXMLStreamReader(in);
            Deque<String> folders = new ArrayDeque<>();
            boolean sawRoot = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE
                        || ev == XMLStreamConstants.ENTITY_DECLARATION) {
                    throw new ImportException(ImportException.Problem.UNSAFE_XML, file, r.getLocation().getLineNumber(), null);
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!name.equals("kml")) {
                            throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file,
                                    r.getLocation().getLineNumber(), null, format);
                        }
                    } else if (name.equals("Folder") || name.equals("Document")) {
                        folders.push("");
                    } else if (name.equals("name") && !folders.isEmpty() && folders.peek().isEmpty()) {
                        folders.pop();
                        folders.push(r.getElementText().strip());
                    } else if (name.equals("Placemark")) {
                        ctl.check(file);
                        number++;
                        if (placemark(file, r, number, folders, sink, issues)) {
                            handed++;
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && (r.getLocalName().equals("Folder") || r.getLocalName().equals("Document")) && !folders.isEmpty()) {
                    folders.pop();
                }
            }
            if (!sawRoot) {
                throw new ImportException(ImportException.Problem.EMPTY, file, 0, null);
            }
        } catch (XMLStreamException e) {
            for (Throwable c = e; c != null; c = c.getCause() != null ? c.getCause() : c instanceof XMLStreamException x ? x.getNestedException() : null) {
                if (c instanceof ImportException ie) {
                    throw ie; // a KMZ member over the limit
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String why = String.valueOf(e.getMessage());
            // "XML document structures must start and end within the same entity": the file stops mid-way
            boolean cut = why.contains("XML document structures must start and end") || why.contains("end of file")
                    || why.contains("Premature end");
            if (!cut && why.contains("ntity")) {
                throw new ImportException(ImportException.Problem.UNSAFE_XML, file, line, e);
            }
            throw new ImportException(cut ? ImportException.Problem.TRUNCATED : ImportException.Problem.MALFORMED, file, line, e,
                    format, why.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed
                }
            }
        }
        return new ImportReport(format, handed, issues, "UTF-8");
    }

    /** One Placemark, read to its end; returns whether it was handed on. */
    private static boolean placemark(Path file, XMLStreamReader r, int number, Deque<String> folders,
                                     Consumer<ImportedFeature> sink, List<ImportIssue> issues) throws XMLStreamException {
        long line = r.getLocation().getLineNumber();
        String name = "";
        Map<String, String> attrs = new LinkedHashMap<>();
        String geometryXml = null;
        String unsupported = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String el = r.getLocalName();
                if (GEOMETRY.contains(el) && geometryXml == null) {
                    geometryXml = capture(r); // reads to the element's end
                } else if (el.equals("name") && depth == 1) {
                    name = r.getElementText().strip();
                } else if (el.equals("description") && depth == 1) {
                    attrs.put("description", r.getElementText().strip());
                } else if (el.equals("Data")) {
                    String key = r.getAttributeValue(null, "name");
                    String value = dataValue(r);
                    if (key != null) {
                        attrs.put(key, value);
                    }
                } else if (el.equals("SimpleData")) {
                    String key = r.getAttributeValue(null, "name");
                    String value = r.getElementText().strip();
                    if (key != null) {
                        attrs.put(key, value);
                    }
                } else if (el.equals("Track") || el.equals("MultiTrack") || el.equals("Model")) {
                    unsupported = el;
                    depth++;
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference in a Placemark", r.getLocation());
            }
        }
        List<String> outerFirst = new ArrayList<>();
        folders.descendingIterator().forEachRemaining(outerFirst::add);
        outerFirst.removeIf(String::isBlank);
        String folder = String.join(" / ", outerFirst);
        if (!folder.isBlank()) {
            attrs.putIfAbsent("folder", folder);
        }
        if (geometryXml == null) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.NO_GEOMETRY, List.of(unsupported == null ? "none" : unsupported)));
            return false;
        }
        Geometry g;
        try {
            g = GEOMETRY_READER.get().read(geometryXml);
        } catch (ParseException | RuntimeException e) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.BAD_GEOMETRY, List.of(String.valueOf(e.getMessage()))));
            return false;
        }
        if (g == null || g.isEmpty()) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.NO_GEOMETRY, List.of("empty")));
            return false;
        }
        double[] bad = Sources.badCoordinate(g);
        if (bad != null) {
            issues.add(new ImportIssue(number, line, ImportIssue.Problem.OUT_OF_RANGE, List.of(bad[0], bad[1])));
            return false;
        }
        sink.accept(new ImportedFeature(number, line, name, g, attrs));
        return true;
    }

    /** {@code <Data name="x"><value>v</value></Data>}: the value's text. */
    private static String dataValue(XMLStreamReader r) throws XMLStreamException {
        String value = "";
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("value")) {
                    value = r.getElementText().strip();
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return value;
    }

    /** The current element and all it holds, as plain KML text without namespaces (what KMLReader reads). */
    private static String capture(XMLStreamReader r) throws XMLStreamException {
        StringWriter sw = new StringWriter();
        XMLStreamWriter w = OUT.createXMLStreamWriter(sw);
        int depth = 0;
        do {
            int ev = r.getEventType();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                w.writeStartElement(r.getLocalName());
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                w.writeEndElement();
                depth--;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
                w.writeCharacters(r.getText());
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity reference in a geometry", r.getLocation());
            }
            if (depth > 0) {
                r.next();
            }
        } while (depth > 0);
        w.close();
        return sw.toString();
    }

    /** Stops a KMZ member at {@link #KMZ_LIMIT} bytes. */
    private static final class Limited extends java.io.FilterInputStream {
        private long left;
        private final Path file;

        Limited(InputStream in, long limit, Path file) {
            super(in);
            this.left = limit;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException(new ImportException(ImportException.Problem.TOO_LARGE, file, 0, null, KMZ_LIMIT));
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
