package org.ferganaatlas.build;

import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.logic.TextFold;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds assets/atlas.sqlite from the pinned inputs of the manifest and the curated CSVs.
 *
 * <pre>./mvnw -Pbuild-db test-compile exec:java</pre>
 * runs {@code BuildDatabase --manifest assets/sources/manifest.json --curated assets/curated
 * --out assets/atlas.sqlite --work target/db-inputs}. Same inputs give the same content (metadata.content_sha256)
 * and, with the same SQLite library, the same bytes.
 */
public final class BuildDatabase {
    static final Map<String, String> COUNTRY_NAMES = Map.of("KGZ", "Kyrgyzstan", "TJK", "Tajikistan", "UZB", "Uzbekistan",
            "KAZ", "Kazakhstan", "CHN", "China", "AFG", "Afghanistan");
    /** Source id of the country polygons in the fixture manifest and in manifests before 2026-12. */
    static final String DS_COUNTRIES = "ds-osm-geo-maps";
    /** Source id of the osm_borders country polygons (OpenStreetMap of about April 2022). */
    static final String DS_OSM_BORDERS = "ds-osm-borders";
    static final String DS_TOWNS = "ds-geonames-cities500";
    static final String DS_WATER = "ds-gshhg";

    /** What a build produced, for the console and the tests. */
    record Result(String contentSha256, Map<String, Long> rowCounts, Map<String, Object> partitionReport,
                  Map<String, Double> borderKm, List<String> tripoints, List<String> log, long bytes) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        for (String k : List.of("manifest", "curated", "out", "work")) {
            if (!a.containsKey(k)) {
                System.err.println("usage: BuildDatabase --manifest <manifest.json> --curated <dir> --out <atlas.sqlite> --work <dir>");
                System.exit(2);
            }
        }
        long t0 = System.nanoTime();
        try {
            Result r = build(Path.of(a.get("manifest")), Path.of(a.get("curated")), Path.of(a.get("out")), Path.of(a.get("work")));
            System.out.printf("wrote %s: %.1f MB in %.1f s%n  content_sha256 %s%n", a.get("out"), r.bytes() / 1e6,
                    (System.nanoTime() - t0) / 1e9, r.contentSha256());
            System.out.println("  rows " + r.rowCounts());
            System.out.println("  partition " + Json.write(r.partitionReport()));
            long open = r.log().stream().filter(l -> l.startsWith("open area")).count();
            r.log().stream().filter(l -> !l.startsWith("open area")).forEach(l -> System.out.println("    " + l));
            System.out.println("    " + open + " open areas (inland water of the input) left open");
            System.out.println("  border km " + r.borderKm());
            System.out.println("  tripoints " + r.tripoints());
        } catch (CuratedDataException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Thrown when curated rows fail validation: the message lists every file:line and what to fix. */
    static final class CuratedDataException extends RuntimeException {
        CuratedDataException(String m) {
            super(m);
        }
    }

    static Result build(Path manifestFile, Path curatedDir, Path out, Path work) throws Exception {
        List<String> log = new ArrayList<>();
        Inputs inputs = new Inputs(manifestFile);
        Region region = inputs.region;
        System.out.println("region " + region + ", inputs from " + manifestFile);
        Path countriesFile = inputs.fetch("countries", work);
        Path townsFile = inputs.fetch("towns", work);
        Path riversFile = inputs.fetch("rivers", work);
        Path lakesFile = inputs.fetch("lakes", work);
        System.out.println("inputs verified");

        // Features derived from the country polygons cite whichever dataset the manifest pins for them.
        final String dsCountries = inputs.get("countries").sourceId();
        // 1. Countries: clip, clean partition, LODs, borders, tripoints.
        Map<String, Geometry> raw = CountryReader.read(countriesFile, region);
        Partition partition = Partition.build(raw, region);
        log.addAll(partition.log);
        Topology topo = Topology.build(partition, region);
        GeoNames geonames = GeoNames.read(townsFile, region);

        Map<String, Feature> features = new TreeMap<>();
        Map<String, List<Object[]>> namesByKey = new TreeMap<>();
        for (Map.Entry<String, Geometry[]> e : topo.countries.entrySet()) {
            String iso = e.getKey();
            Feature f = new Feature("country:" + iso, "country", COUNTRY_NAMES.getOrDefault(iso, iso), "medium", dsCountries);
            f.country = iso;
            f.setLods(e.getValue());
            f.props.put("area_km2_in_region", Json.round(Geo.areaKm2(e.getValue()[AtlasSchema.LOD_COUNT - 1]), 1));
            f.props.put("note", "Area inside the atlas region as mapped in OpenStreetMap (geometry as of "
                    + inputs.geometryAsOf + ")" + (partition.openWaterKm2() > 0 ? "; inland water is left open." : "."));
            f.derivation = "OSM country polygon clipped to the region; enclaves cut out (clean partition)";
            features.put(f.key, f);
        }
        Map<String, Double> pairKm = new TreeMap<>();
        Map<String, Integer> pairSegments = new TreeMap<>();
        for (Topology.Border b : topo.borders) {
            pairKm.merge(b.pair(), b.lengthKm(), Double::sum);
            pairSegments.merge(b.pair(), 1, Integer::sum);
        }
        for (Topology.Border b : topo.borders) {
            Feature f = new Feature(b.key(), "border", pairName(b.pair()) + " border, segment " + b.number(), "medium", dsCountries);
            f.countries = b.pair();
            f.setLods(b.lods());
            f.props.put("length_km", Json.round(b.lengthKm(), 3));
            f.props.put("pair_length_km", Json.round(pairKm.get(b.pair()), 3));
            f.props.put("pair_segments", pairSegments.get(b.pair()));
            f.props.put("segment", b.number());
            f.props.put("closed_ring", b.lods()[AtlasSchema.LOD_COUNT - 1].getNumGeometries() == 1
                    && b.lods()[AtlasSchema.LOD_COUNT - 1].getGeometryN(0) instanceof org.locationtech.jts.geom.LineString
                    && ((org.locationtech.jts.geom.LineString) b.lods()[AtlasSchema.LOD_COUNT - 1].getGeometryN(0)).isClosed());
            f.derivation = "shared edge of the cleaned OSM country partition (as mapped ~" + inputs.geometryAsOf + ", not a treaty line)";
            features.put(f.key, f);
        }
        for (String pair : pairKm.keySet()) {
            Feature f = new Feature("border:" + pair, "boundary", pairName(pair) + " border (all segments)", "medium", dsCountries);
            f.countries = pair;
            Geometry[] g = new Geometry[AtlasSchema.LOD_COUNT];
            for (int lod = 0; lod < g.length; lod++) {
                List<Geometry> parts = new ArrayList<>();
                for (Topology.Border b : topo.borders) if (b.pair().equals(pair)) parts.add(b.lods()[lod]);
                g[lod] = Geo.GF.buildGeometry(parts);
            }
            f.setLods(g);
            f.props.put("length_km", Json.round(pairKm.get(pair), 3));
            f.props.put("segments", pairSegments.get(pair));
            f.props.put("note", partition.openWaterKm2() > 0 ? "Sum of the border segments inside the region; where the border runs "
                    + "through water the input has no shared edge, so those stretches are not counted."
                    : "Sum of the border segments inside the region, as mapped about " + inputs.geometryAsOf + " (not the treaty line).");
            f.derivation = "all shared edges of the two countries in the cleaned partition";
            features.put(f.key, f);
        }
        for (Topology.Tripoint t : topo.tripoints) {
            String[] c = t.countries().split("-");
            Feature f = new Feature(t.key(), "tripoint", COUNTRY_NAMES.getOrDefault(c[0], c[0]) + "–" + COUNTRY_NAMES.getOrDefault(c[1], c[1])
                    + "–" + COUNTRY_NAMES.getOrDefault(c[2], c[2]) + " tripoint", "medium", dsCountries);
            f.countries = t.countries();
            f.rank = 1;
            f.minZoom = 7;
            f.setPoint(t.point());
            f.derivation = "point where three countries meet in the cleaned OSM partition (~" + inputs.geometryAsOf + ")";
            features.put(f.key, f);
        }
        // Areas both countries' polygons include: drawn as neither country's, so the map does not award them.
        Map<String, Integer> overlapNo = new TreeMap<>();
        List<Partition.Overlap> overlaps = new ArrayList<>(partition.contested);
        overlaps.sort((x, y) -> x.pair().equals(y.pair()) ? Double.compare(y.polygon().getArea(), x.polygon().getArea())
                : x.pair().compareTo(y.pair()));
        for (Partition.Overlap o : overlaps) {
            int n = overlapNo.merge(o.pair(), 1, Integer::sum);
            String[] c = o.pair().split("-");
            GeoNames.Place near = nearestTown(geonames, o.polygon().getInteriorPoint());
            Feature f = new Feature("overlap:" + o.pair() + ":" + n, "overlap", "Area inside both " + COUNTRY_NAMES.getOrDefault(c[0], c[0])
                    + "'s and " + COUNTRY_NAMES.getOrDefault(c[1], c[1]) + "'s polygons" + (near != null ? " (near " + near.name() + ")" : ""),
                    "medium", dsCountries);
            f.countries = o.pair();
            f.rank = 3;
            f.minZoom = 9;
            Geometry[] g = new Geometry[AtlasSchema.LOD_COUNT];
            java.util.Arrays.fill(g, o.polygon());
            f.setLods(g);
            f.props.put("area_km2", Json.round(Geo.areaKm2(o.polygon()), 3));
            f.props.put("note", "The OpenStreetMap polygons of both countries (as mapped about " + inputs.geometryAsOf + ") include this "
                    + "ground, so the atlas shows it as neither's. How the 2022-23 and 2025 treaties assign it is not published.");
            f.derivation = "intersection of the two countries' input polygons, cut out of both";
            features.put(f.key, f);
        }
        // Enclave/exclave parts (a curated polygon_of row may claim one and replace it below).
        Map<String, Integer> partNo = new TreeMap<>();
        List<Partition.Part> parts = new ArrayList<>(partition.enclaves);
        parts.sort((x, y) -> x.country().equals(y.country()) ? Double.compare(y.polygon().getArea(), x.polygon().getArea())
                : x.country().compareTo(y.country()));
        Map<String, String> partKeys = new TreeMap<>();
        for (Partition.Part p : parts) {
            int n = partNo.merge(p.country(), 1, Integer::sum);
            String key = "enclave:" + p.country() + ":" + n;
            GeoNames.Place town = largestTownIn(geonames, p.polygon());
            String label = town != null ? " (" + town.name() + ")" : "";
            if (town == null) {
                GeoNames.Place near = nearestTown(geonames, p.polygon().getInteriorPoint());
                if (near != null) label = " (near " + near.name() + ")";
            }
            Feature f = new Feature(key, "enclave", COUNTRY_NAMES.getOrDefault(p.country(), p.country()) + " territory surrounded by "
                    + COUNTRY_NAMES.getOrDefault(p.surroundedBy(), p.surroundedBy()) + label, "medium", dsCountries);
            f.country = p.country();
            f.countries = sortedPair(p.country(), p.surroundedBy());
            f.rank = 1;
            f.minZoom = 7;
            Geometry[] g = new Geometry[AtlasSchema.LOD_COUNT];
            Point inner = p.polygon().getInteriorPoint();
            for (int lod = 0; lod < g.length; lod++) {
                g[lod] = Curated.component(topo.countries.get(p.country())[lod], inner);
                if (g[lod] == null) g[lod] = p.polygon();
            }
            f.setLods(g);
            f.props.put("area_km2", Json.round(Geo.areaKm2(p.polygon()), 2));
            f.props.put("surrounded_by", p.surroundedBy());
            f.derivation = "polygon component of " + p.country() + " that is a hole of " + p.surroundedBy() + " in the cleaned partition";
            features.put(key, f);
            partKeys.put(p.country() + "@" + inner.getX() + "," + inner.getY(), key);
        }
        for (GeoNames.Place p : geonames.towns.values()) {
            String iso = GeoNames.ISO3.get(p.cc());
            Feature f = new Feature("town:" + p.id(), "town", p.name(), "medium", DS_TOWNS);
            f.country = iso;
            f.rank = GeoNames.rank(p);
            f.minZoom = GeoNames.minZoom(f.rank);
            f.setPoint(Geo.GF.createPoint(precise(p.lon(), p.lat())));
            f.props.put("population", p.population());
            f.props.put("feature_code", p.featureCode());
            f.props.put("admin1", p.admin1());
            f.props.put("geonameid", p.id());
            List<String> alts = new ArrayList<>();
            if (!p.ascii().isEmpty() && !p.ascii().equals(p.name())) alts.add(p.ascii());
            alts.addAll(p.alternates());
            // cities500 gives no language per alternate name: tag them by their letters, drop the junk (NameTagging);
            // every form stays findable by search
            for (NameTagging.Tagged t : NameTagging.tag(p.name(), alts)) {
                namesByKey.computeIfAbsent(f.key, k -> new ArrayList<>())
                        .add(new Object[] {f.key, t.lang(), t.name(), t.primary() ? 1 : 0, DS_TOWNS, t.basis()});
            }
            f.searchOnly.addAll(alts);
            features.put(f.key, f);
        }
        List<Water.River> rivers = Water.rivers(riversFile, region);
        for (int i = 0; i < rivers.size(); i++) {
            Water.River r = rivers.get(i);
            String levelName = Water.RIVER_LEVEL.getOrDefault(r.level(), "River");
            Feature f = new Feature("river:gshhg:" + (i + 1), "river", levelName + " (WDBII level " + r.level() + ")", "medium", DS_WATER);
            f.rank = r.level() <= 2 ? 2 : r.level() == 3 ? 3 : 4;
            f.minZoom = r.level() <= 2 ? 6 : r.level() == 3 ? 8 : 9;
            f.setLods(simplify(r.line()));
            f.props.put("level", r.level());
            f.props.put("level_name", levelName);
            f.props.put("named", false);
            f.props.put("length_km", Json.round(Geo.lengthKm(r.line()), 2));
            features.put(f.key, f);
        }
        List<Polygon> lakes = Water.lakes(lakesFile, region, log);
        for (int i = 0; i < lakes.size(); i++) {
            Feature f = new Feature("lake:gshhg:" + (i + 1), "lake", "Lake or reservoir (GSHHG)", "medium", DS_WATER);
            f.rank = 2;
            f.minZoom = 6;
            f.setLods(simplify(lakes.get(i)));
            f.props.put("area_km2", Json.round(Geo.areaKm2(lakes.get(i)), 1));
            f.props.put("named", false);
            features.put(f.key, f);
        }
        for (Feature f : features.values()) {
            namesByKey.computeIfAbsent(f.key, k -> new ArrayList<>()).add(0, new Object[] {f.key, "en", f.nameEn, 1, f.sourceIds, NameTagging.SOURCE});
        }

        // 2. Curated facts.
        Map<String, Object[]> sources = new TreeMap<>();
        for (Inputs.Input in : inputs.inputs) {
            sources.putIfAbsent(in.sourceId(), new Object[] {in.sourceId(), in.title(), publisher(in), null, in.url(), in.licence(),
                null, null, in.pkg() + " " + in.version() + ": " + in.taken() + " Attribution: " + in.attribution(), null});
        }
        Curated cur = new Curated(features, sources.keySet(), geonames, topo, partition, region);
        cur.load(curatedDir);
        cur.warnings.forEach(w -> System.out.println("warning: " + w));
        if (!cur.errors.isEmpty()) {
            throw new CuratedDataException("curated data has " + cur.errors.size() + " problem(s); fix them in " + curatedDir
                    + ":\n  " + String.join("\n  ", cur.errors));
        }
        // A curated enclave row with a sourced point inside a derived enclave part gets that part's polygon too; so does
        // one whose point lies outside every part but within its own stated accuracy of one (the nearest such part):
        // a rounded published coordinate can fall just outside a small exclave's outline (Western Qalacha, 1 km²).
        for (Feature f : cur.features) {
            if (!(f.kind.equals("enclave") || f.kind.equals("exclave")) || f.lat == null || f.lods[1] != null) continue;
            Point at = Geo.GF.createPoint(new Coordinate(f.lon, f.lat));
            String within = null;
            double nearestM = f.accuracyM == null ? 0 : f.accuracyM;
            for (Map.Entry<String, String> e : partKeys.entrySet()) {
                Feature part = features.get(e.getValue());
                if (part == null) continue;
                Geometry poly = part.lods[AtlasSchema.LOD_COUNT - 1];
                if (poly.covers(at)) {
                    within = e.getKey();
                    break;
                }
                Coordinate[] nn = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(poly, at);
                double m = Geo.distanceM(f.lat, f.lon, nn[0].y, nn[0].x);
                if (m <= nearestM) {
                    nearestM = m;
                    within = e.getKey();
                }
            }
            for (Map.Entry<String, String> e : partKeys.entrySet()) {
                Feature part = features.get(e.getValue());
                if (part != null && e.getKey().equals(within)) {
                    boolean inside = part.lods[AtlasSchema.LOD_COUNT - 1].covers(at);
                    Double lat = f.lat, lon = f.lon;
                    f.setLods(part.lods);
                    f.lat = lat;
                    f.lon = lon;
                    f.props.put("area_km2", part.props.get("area_km2"));
                    f.props.put("surrounded_by", part.props.get("surrounded_by"));
                    f.props.put("polygon", inside ? "the enclave part of the OSM partition that contains the point"
                            : String.format(java.util.Locale.ROOT, "the enclave part of the OSM partition nearest the point, %.0f m from it "
                            + "(within the point's stated accuracy)", nearestM));
                    if (f.country == null) f.country = part.country;
                    cur.claimedParts.add(e.getKey());
                    break;
                }
            }
        }
        for (String claimed : cur.claimedParts) {
            String k = partKeys.get(claimed);
            if (k != null) {
                features.remove(k);
                namesByKey.remove(k);
            }
        }
        for (Object[] s : cur.sources) sources.put((String) s[0], s);
        for (Feature f : cur.features) {
            features.put(f.key, f);
            namesByKey.computeIfAbsent(f.key, k -> new ArrayList<>()).add(0, new Object[] {f.key, "en", f.nameEn, 1, f.sourceIds, NameTagging.SOURCE});
        }
        List<Object[]> territory = territoryPeriods(features, cur.status, partition);
        // Curated names win over dataset names with the same (key, lang, name).
        Map<String, Object[]> names = new TreeMap<>();
        for (List<Object[]> l : namesByKey.values()) {
            for (Object[] n : l) names.putIfAbsent(n[0] + "\u0000" + n[1] + "\u0000" + n[2], n);
        }
        for (Object[] n : cur.names) {
            String k = n[0] + "\u0000" + n[1] + "\u0000" + n[2];
            names.put(k, n);
        }
        // One primary per key and language: a curated primary demotes the others.
        Map<String, String> primary = new TreeMap<>();
        for (Object[] n : cur.names) if ((Integer) n[3] == 1) primary.put(n[0] + "\u0000" + n[1], (String) n[2]);
        for (Object[] n : names.values()) {
            String p = primary.get(n[0] + "\u0000" + n[1]);
            if (p != null) n[3] = p.equals(n[2]) ? 1 : 0;
        }
        // A curated primary English name names a built (dataset) feature, e.g. an unnamed GSHHG lake; curated
        // features keep the name_en of their own row.
        Set<String> curatedKeys = new HashSet<>();
        for (Feature f : cur.features) curatedKeys.add(f.key);
        for (Feature f : features.values()) {
            String p = primary.get(f.key + "\u0000en");
            if (p == null || curatedKeys.contains(f.key) || p.equals(f.nameEn)) continue;
            f.nameEn = p;
            if (f.props.containsKey("named")) f.props.put("named", true);
        }

        // 3. Write.
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Map<String, Long> counts = new LinkedHashMap<>();
        String hash;
        try {
            hash = write(tmp, features, names, sources, cur, territory, inputs, region, partition, pairKm, counts);
        } catch (Exception | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writeChecksum(out);
        List<String> tps = new ArrayList<>();
        for (Topology.Tripoint t : topo.tripoints) {
            tps.add(String.format("%s %.6f N %.6f E", t.key(), t.point().getY(), t.point().getX()));
        }
        Map<String, Double> km = new TreeMap<>();
        pairKm.forEach((k, v) -> km.put(k, Json.round(v, 1)));
        return new Result(hash, counts, partition.report, km, tps, log, Files.size(out));
    }

    /**
     * {@code <out>.sha256} next to the database, in {@code sha256sum} format, so that the app can tell an
     * altered or damaged copy at start ({@code AtlasDatabase.verifyChecksum}) and so can {@code sha256sum -c}.
     * The installer ships it beside the database.
     */
    static void writeChecksum(Path db) throws java.io.IOException {
        Path sidecar = db.resolveSibling(db.getFileName() + org.ferganaatlas.data.AtlasDatabase.CHECKSUM_SUFFIX);
        String line = org.ferganaatlas.data.AtlasDatabase.sha256(db) + "  " + db.getFileName() + "\n";
        Path tmp = sidecar.resolveSibling(sidecar.getFileName() + ".tmp");
        Files.writeString(tmp, line, java.nio.charset.StandardCharsets.US_ASCII);
        Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String write(Path tmp, Map<String, Feature> features, Map<String, Object[]> names, Map<String, Object[]> sources,
                                Curated cur, List<Object[]> territory, Inputs inputs, Region region, Partition partition, Map<String, Double> pairKm,
                                Map<String, Long> counts) throws Exception {
        String hash;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size=4096");
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
            }
            AtlasDb.createSchema(c);
            c.setAutoCommit(false);
            List<Object[]> featureRows = new ArrayList<>();
            List<Object[]> geomRows = new ArrayList<>();
            List<Object[]> rtreeRows = new ArrayList<>();
            List<Object[]> searchRows = new ArrayList<>();
            Map<String, List<String>> namesOf = new TreeMap<>();
            for (Object[] n : names.values()) namesOf.computeIfAbsent((String) n[0], k -> new ArrayList<>()).add((String) n[2]);
            long id = 0;
            for (Feature f : features.values()) {
                id++;
                featureRows.add(new Object[] {id, f.key, f.kind, f.nameEn, f.country, f.countries, f.rank, f.minZoom, f.lat, f.lon,
                    f.accuracyM, f.confidence, f.derivation, f.sourceIds, Json.write(f.props)});
                for (int lod = 0; lod < f.lods.length; lod++) {
                    if (f.lods[lod] != null) geomRows.add(new Object[] {id, lod, Geo.wkb(f.lods[lod])});
                }
                Geometry g = f.finest();
                if (g != null) {
                    Envelope e = g.getEnvelopeInternal();
                    rtreeRows.add(new Object[] {id, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()});
                }
                List<String> all = new ArrayList<>(namesOf.getOrDefault(f.key, List.of()));
                all.addAll(f.searchOnly);
                searchRows.add(searchRow(f.key, f.kind, f.nameEn, all, Curated.join(f.body.toArray(new String[0]))));
            }
            for (String[] s : cur.search) {
                searchRows.add(searchRow(s[0], s[1], s[2], namesOf.getOrDefault(s[0], List.of()), s[4]));
            }
            AtlasDb.insert(c, "source", 10, new ArrayList<>(sources.values()));
            AtlasDb.insert(c, "feature", 15, featureRows);
            AtlasDb.insert(c, "geometry", 3, geomRows);
            AtlasDb.insert(c, "feature_rtree", 5, rtreeRows);
            AtlasDb.insert(c, "name", 6, new ArrayList<>(names.values()));
            AtlasDb.insert(c, "fact", 9, cur.facts);
            AtlasDb.insert(c, "status", 10, cur.status);
            AtlasDb.insert(c, "treaty", 10, cur.treaties);
            AtlasDb.insert(c, "treaty_step", 8, cur.treatySteps);
            AtlasDb.insert(c, "provision", 7, cur.provisions);
            AtlasDb.insert(c, "provision_feature", 2, cur.provisionFeatures);
            AtlasDb.insert(c, "event", 15, cur.events);
            AtlasDb.insert(c, "event_feature", 2, cur.eventFeatures);
            AtlasDb.insert(c, "territory_period", 9, territory);
            AtlasDb.insert(c, "translation", 9, cur.translations);
            AtlasDb.insert(c, "resettlement", 11, cur.resettlements);
            AtlasDb.insert(c, "search", 6, searchRows);

            Map<String, Object> borderKm = new TreeMap<>();
            pairKm.forEach((k, v) -> borderKm.put(k, Json.round(v, 3)));
            List<Object[]> meta = new ArrayList<>();
            meta.add(new Object[] {"schema_version", String.valueOf(AtlasSchema.SCHEMA_VERSION)});
            meta.add(new Object[] {"region_bbox", Json.write(List.of(region.west(), region.south(), region.east(), region.north()))});
            List<Object> bands = new ArrayList<>();
            for (int lod = 0; lod < AtlasSchema.LOD_COUNT; lod++) {
                Map<String, Object> b = new TreeMap<>();
                b.put("lod", lod);
                b.put("tolerance_deg", AtlasSchema.LOD_TOLERANCE_DEG[lod]);
                b.put("max_zoom", AtlasSchema.LOD_MAX_ZOOM[lod] == Integer.MAX_VALUE ? null : AtlasSchema.LOD_MAX_ZOOM[lod]);
                bands.add(b);
            }
            meta.add(new Object[] {"lod_bands", Json.write(bands)});
            meta.add(new Object[] {"lod_rule", "Polygons and lines are stored at every lod 0..3; points at lod 0 only. "
                    + "A reader wanting lod L uses the highest stored lod <= L."});
            meta.add(new Object[] {"inputs", Json.write(inputs.describe())});
            Inputs.Input countries = inputs.get("countries");
            String via = countries.pkg() + " " + countries.version();
            meta.add(new Object[] {"attribution", attribution(sources, via, inputs.geometryAsOf)});
            meta.add(new Object[] {"geometry_as_of", inputs.geometryAsOf + ": country polygons, borders, tripoints and enclaves are "
                    + "OpenStreetMap data of that date (via " + via + "). Border changes agreed after it (the 2022-23 "
                    + "Kyrgyz-Uzbek and 2025 Kyrgyz-Tajik treaties, the 2025 junction point) are shown as curated facts, "
                    + "points and dated territory periods, not as redrawn lines; the treaties' agreed lines are not published."});
            // Short machine-readable forms for the attribution line, the legend and each border's details.
            meta.add(new Object[] {"geometry_date", inputs.geometryAsOf});
            meta.add(new Object[] {"geometry_source", "OpenStreetMap contributors (ODbL 1.0), via " + via});
            if (inputs.geometryDateBasis != null) meta.add(new Object[] {"geometry_date_basis", inputs.geometryDateBasis});
            meta.add(new Object[] {"partition_report", Json.write(partition.report)});
            meta.add(new Object[] {"border_length_km", Json.write(borderKm)});
            AtlasDb.insert(c, "metadata", 2, meta);
            c.commit();
            hash = AtlasDb.contentHash(c);
            AtlasDb.insert(c, "metadata", 2, List.<Object[]>of(new Object[] {"content_sha256", hash}));
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM");
                for (String t : AtlasDb.TABLES) {
                    try (var rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        counts.put(t, rs.getLong(1));
                    }
                }
            }
        }
        return hash;
    }

    static Object[] searchRow(String ref, String kind, String name, List<String> allNames, String body) {
        Set<String> others = new LinkedHashSet<>();
        Set<String> folds = new LinkedHashSet<>();
        folds.add(TextFold.fold(name));
        for (String n : allNames) {
            if (!n.equals(name)) others.add(n);
            folds.add(TextFold.fold(n));
        }
        folds.remove("");
        return new Object[] {ref, kind, name, String.join(" ", others), body == null ? "" : body, String.join(" ", folds)};
    }

    static String pairName(String pair) {
        String[] c = pair.split("-");
        return COUNTRY_NAMES.getOrDefault(c[0], c[0]) + "–" + COUNTRY_NAMES.getOrDefault(c[1], c[1]);
    }

    static String sortedPair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    static Coordinate precise(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        Geo.PM.makePrecise(c);
        return c;
    }

    static Geometry[] simplify(Geometry g) {
        Geometry[] out = new Geometry[AtlasSchema.LOD_COUNT];
        for (int lod = 0; lod < out.length; lod++) {
            double tol = AtlasSchema.LOD_TOLERANCE_DEG[lod];
            out[lod] = tol == 0 ? g : Geo.reduce(TopologyPreservingSimplifier.simplify(g, tol));
        }
        return out;
    }

    static GeoNames.Place largestTownIn(GeoNames g, Geometry poly) {
        GeoNames.Place best = null;
        for (GeoNames.Place p : g.towns.values()) {
            if (poly.getEnvelopeInternal().contains(p.lon(), p.lat()) && poly.covers(Geo.GF.createPoint(new Coordinate(p.lon(), p.lat())))) {
                if (best == null || p.population() > best.population()) best = p;
            }
        }
        return best;
    }

    static GeoNames.Place nearestTown(GeoNames g, Point at) {
        GeoNames.Place best = null;
        double bestD = 15_000;
        for (GeoNames.Place p : g.towns.values()) {
            double d = Geo.distanceM(at.getY(), at.getX(), p.lat(), p.lon());
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    /**
     * Who held each piece of land that has its own polygon, by date, from the curated administered_by statuses: the
     * geometry shows one moment (metadata.geometry_date), so a piece handed over later (Barak, 2024) is drawn in the
     * polygon of its old holder and the map must recolour it by date. drawn_as says whose polygon includes it.
     */
    static List<Object[]> territoryPeriods(Map<String, Feature> features, List<Object[]> status, Partition partition) {
        List<Object[]> out = new ArrayList<>();
        for (Object[] st : status) {
            if (!"administered_by".equals(st[1])) continue;
            Feature f = features.get((String) st[0]);
            if (f == null || f.lods[AtlasSchema.LOD_COUNT - 1] == null) continue;
            Geometry poly = f.lods[AtlasSchema.LOD_COUNT - 1];
            if (!(poly instanceof org.locationtech.jts.geom.Polygonal)) continue;
            Point inner = poly.getInteriorPoint();
            String drawnAs = null;
            for (Map.Entry<String, Geometry> e : partition.countries.entrySet()) {
                if (e.getValue().covers(inner)) drawnAs = e.getKey();
            }
            if (drawnAs == null) continue;
            List<String> outline = new ArrayList<>();
            Geometry ring = poly.getBoundary().buffer(1e-6);
            for (Feature b : features.values()) {
                if (!b.kind.equals("border") || b.lods[AtlasSchema.LOD_COUNT - 1] == null) continue;
                if (!b.countries.contains(drawnAs)) continue;
                Geometry line = b.lods[AtlasSchema.LOD_COUNT - 1];
                if (line.getEnvelopeInternal().intersects(poly.getEnvelopeInternal()) && ring.covers(line)) outline.add(b.key);
            }
            String note = st[7] == null ? "" : (String) st[7];
            if (!drawnAs.equals(st[2])) {
                note = (note.isEmpty() ? "" : note + " ") + "The map's geometry still draws it inside " + drawnAs + "'s polygon.";
            }
            out.add(new Object[] {f.key, st[2], st[3], st[4], drawnAs, outline.isEmpty() ? null : String.join(";", outline),
                    st[5], st[6], note.isEmpty() ? null : note});
        }
        return out;
    }

    static String publisher(Inputs.Input in) {
        switch (in.sourceId()) {
            case DS_COUNTRIES: return "OpenStreetMap contributors; packaged by the geo-maps project";
            case DS_OSM_BORDERS: return "OpenStreetMap contributors; packaged by the osm_borders project (Emily Nagy)";
            case DS_TOWNS: return "GeoNames";
            case DS_WATER: return "Wessel & Smith (GSHHG); packaged by Debian";
            default: return null;
        }
    }

    static String attribution(Map<String, Object[]> sources, String via, String geometryDate) {
        StringBuilder sb = new StringBuilder();
        sb.append("Borders, countries and enclaves: © OpenStreetMap contributors, Open Database Licence (ODbL) 1.0, via ").append(via)
                .append("; lines as mapped in about ").append(geometryDate).append(", not the treaty lines (unpublished). ");
        sb.append("Towns and alternate names: GeoNames (geonames.org), CC BY 4.0. ");
        sb.append("Rivers and lakes: GSHHG/WDBII 2.3.7, Wessel, P. & Smith, W. H. F. (1996), J. Geophys. Res. 101(B4), LGPL. ");
        int curated = 0;
        for (Object[] s : sources.values()) if (!((String) s[0]).startsWith("ds-")) curated++;
        sb.append("Curated facts: ").append(curated).append(" cited sources listed in the source table (publisher, date, URL); ")
                .append("summaries are our own words.");
        return sb.toString();
    }
}
