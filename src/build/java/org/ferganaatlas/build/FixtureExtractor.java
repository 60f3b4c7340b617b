package org.ferganaatlas.build;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the small CI fixture (src/test/resources/fixture): a clipped piece of each pinned input and a
 * manifest that names them as local files with their sha256. Run after a full build has fetched the inputs:
 * <pre>java -cp target/test-classes:... org.ferganaatlas.build.FixtureExtractor \
 *   --manifest assets/sources/manifest.json --work target/db-inputs --out src/test/resources/fixture \
 *   --bbox 70.3,39.75,71.3,40.35</pre>
 * The fixture's curated/ directory is hand-written and not touched.
 */
public final class FixtureExtractor {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Inputs inputs = new Inputs(Path.of(a.get("manifest")));
        Path work = Path.of(a.get("work"));
        Path out = Path.of(a.get("out"));
        String[] b = a.getOrDefault("bbox", "70.3,39.75,71.3,40.35").split(",");
        Region box = new Region(Double.parseDouble(b[0]), Double.parseDouble(b[1]), Double.parseDouble(b[2]), Double.parseDouble(b[3]));
        Files.createDirectories(out);

        Map<String, Geometry> countries = CountryReader.read(inputs.fetch("countries", work), box);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("countries.geo.json"), StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            boolean first = true;
            for (Map.Entry<String, Geometry> e : countries.entrySet()) {
                if (!first) w.write(",\n");
                first = false;
                w.write("{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
                boolean fp = true;
                for (Object o : PolygonExtracter.getPolygons(e.getValue())) {
                    Polygon p = (Polygon) o;
                    if (!fp) w.write(",");
                    fp = false;
                    w.write("[");
                    ring(w, p.getExteriorRing().getCoordinates());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        w.write(",");
                        ring(w, p.getInteriorRingN(h).getCoordinates());
                    }
                    w.write("]");
                }
                w.write("]},\"properties\":{\"A3\":\"" + e.getKey() + "\"}}");
            }
            w.write("\n]}\n");
        }
        try (BufferedReader r = Files.newBufferedReader(inputs.fetch("towns", work), StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out.resolve("cities500.txt"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (box.contains(Double.parseDouble(f[4]), Double.parseDouble(f[5]))) {
                    w.write(line);
                    w.write("\n");
                }
            }
        }
        // GMT dumps for the fixture frame (the build passes -R<region> itself).
        String manifestText;
        List<String> entries = new ArrayList<>();
        for (Inputs.Input in : inputs.inputs) {
            String file;
            switch (in.id()) {
                case "countries": file = "countries.geo.json"; break;
                case "towns": file = "cities500.txt"; break;
                default: {
                    file = in.id() + ".gmt.txt";
                    List<String> cmd = new ArrayList<>(List.of("gmt", "coast", "-R" + box.gmt()));
                    @SuppressWarnings("unchecked")
                    List<Object> extra = (List<Object>) in.fetch().get("args");
                    extra.forEach(x -> cmd.add(x.toString()));
                    cmd.add("--GMT_HISTORY=false");
                    Process p = new ProcessBuilder(cmd).redirectOutput(out.resolve(file).toFile())
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
                }
            }
            Map<String, Object> m = new TreeMap<>();
            m.put("id", in.id());
            m.put("source_id", in.sourceId());
            m.put("title", in.title() + " (CI fixture: clipped to " + box + ")");
            m.put("package", in.pkg());
            m.put("version", in.version());
            m.put("fetch", Map.of("method", "local", "path", file));
            m.put("checksum", Map.of("algorithm", "sha256", "value", Inputs.checksum("sha256", out.resolve(file))));
            m.put("licence", in.licence());
            m.put("attribution", in.attribution());
            m.put("url", in.url());
            m.put("taken", in.taken());
            entries.add("    " + Json.write(m));
        }
        manifestText = "{\n  \"format\": 1,\n  \"about\": \"CI fixture written by FixtureExtractor from assets/sources/manifest.json; every input clipped to the region below.\",\n"
                + "  \"region\": [" + Region.fmt(box.west()) + ", " + Region.fmt(box.south()) + ", " + Region.fmt(box.east()) + ", " + Region.fmt(box.north()) + "],\n"
                + "  \"geometry_as_of\": \"" + inputs.geometryAsOf + "\",\n  \"inputs\": [\n" + String.join(",\n", entries) + "\n  ]\n}\n";
        Files.writeString(out.resolve("manifest.json"), manifestText);
        System.out.println("fixture written to " + out);
    }

    private static void ring(BufferedWriter w, Coordinate[] cs) throws java.io.IOException {
        w.write("[");
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) w.write(",");
            w.write("[" + Region.fmt(Geo.round6(cs[i].x)) + "," + Region.fmt(Geo.round6(cs[i].y)) + "]");
        }
        w.write("]");
    }
}
