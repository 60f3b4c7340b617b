package org.ferganaatlas.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** GeoNames cities500 (tab-separated): every place by id, and the towns of the region. */
final class GeoNames {
    record Place(long id, String name, String ascii, List<String> alternates, double lat, double lon,
                 String featureClass, String featureCode, String cc, String admin1, long population) {}

    /** Countries whose places become town features; ISO2 → ISO3. */
    static final Map<String, String> ISO3 = Map.of("KG", "KGZ", "TJ", "TJK", "UZ", "UZB", "KZ", "KAZ", "CN", "CHN", "AF", "AFG");
    static final Set<String> TOWN_COUNTRIES = Set.of("KG", "TJ", "UZ", "KZ");

    /** Every place of the file by id (curated rows may cite any of them). */
    final Map<Long, Place> all = new HashMap<>();
    /** The towns inside the region, by id. */
    final Map<Long, Place> towns = new TreeMap<>();

    static GeoNames read(Path tsv, Region region) throws IOException {
        GeoNames g = new GeoNames();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                if (f.length < 19) {
                    throw new IOException(tsv + ":" + n + ": expected 19 tab-separated GeoNames columns, found " + f.length);
                }
                long id = Long.parseLong(f[0]);
                double lat = Double.parseDouble(f[4]);
                double lon = Double.parseDouble(f[5]);
                boolean inRegion = region.contains(lat, lon) && TOWN_COUNTRIES.contains(f[8]);
                List<String> alts = new ArrayList<>();
                if (inRegion && !f[3].isEmpty()) {
                    for (String a : f[3].split(",")) {
                        if (!a.isBlank()) alts.add(a.trim());
                    }
                }
                Place p = new Place(id, f[1], f[2], alts, lat, lon, f[6], f[7], f[8], f[10],
                        f[14].isEmpty() ? 0 : Long.parseLong(f[14]));
                g.all.put(id, p);
                if (inRegion) g.towns.put(id, p);
            }
        }
        return g;
    }

    /** Label priority: capitals and regional centres first, then by population. */
    static int rank(Place p) {
        switch (p.featureCode()) {
            case "PPLC": return 0;
            case "PPLA": return 1;
            default: break;
        }
        if (p.population() >= 100_000 || p.featureCode().equals("PPLA2")) return 2;
        if (p.population() >= 20_000) return 3;
        if (p.population() >= 5_000) return 4;
        return 5;
    }

    static int minZoom(int rank) {
        return new int[] {5, 6, 7, 8, 9, 10}[rank];
    }
}
