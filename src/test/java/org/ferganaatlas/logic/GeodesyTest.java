package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ferganaatlas.logic.Geodesy.LatLon;
import org.junit.jupiter.api.Test;

/** The measure tool's maths against published figures and against independent formulas. */
class GeodesyTest {
    // GeoNames (cities500, the coordinates the atlas database holds): Khujand 1514879, Osh 1527534.
    static final double KHUJAND_LAT = 40.28256, KHUJAND_LON = 69.62216;
    static final double OSH_LAT = 40.52828, OSH_LON = 72.7985;

    /** WGS84 */
    private static final double A = 6378137.0, F = 1 / 298.257223563, B = A * (1 - F);

    @Test
    void publishedGeodesicDistances() {
        // GeographicLib's own documented example: JFK (40.6, -73.8) to LHR (51.6, -0.5) = 5551.759400 km.
        assertEquals(5551.759400, Geodesy.distanceKm(40.6, -73.8, 51.6, -0.5), 1e-6);
        // Geoscience Australia's worked example (Vincenty, GRS80, which differs from WGS84 by far less than
        // a millimetre here): Flinders Peak to Buninyong = 54 972.271 m.
        double km = Geodesy.distanceKm(-dms(37, 57, 3.72030), dms(144, 25, 29.52440), -dms(37, 39, 10.15610), dms(143, 55, 35.38390));
        assertEquals(54.972271, km, 1e-6);
    }

    @Test
    void khujandToOshAgreesWithAnIndependentVincentyAndASphere() {
        double km = Geodesy.distanceKm(KHUJAND_LAT, KHUJAND_LON, OSH_LAT, OSH_LON);
        assertEquals(270.991, km, 0.001, "Khujand-Osh");
        // Vincenty's inverse formula, written out here: independent of GeographicLib, agrees to < 1 mm.
        assertEquals(vincentyKm(KHUJAND_LAT, KHUJAND_LON, OSH_LAT, OSH_LON), km, 1e-6);
        // The haversine on a sphere of the mean radius (what most online distance calculators show) is within 0.5 %.
        double sphere = haversineKm(KHUJAND_LAT, KHUJAND_LON, OSH_LAT, OSH_LON);
        assertEquals(km, sphere, km * 0.005);
        // symmetric, and the order of arguments matters (lat, lon): swapped axes give a very different figure
        assertEquals(km, Geodesy.distanceKm(OSH_LAT, OSH_LON, KHUJAND_LAT, KHUJAND_LON), 1e-9);
        assertTrue(Math.abs(Geodesy.distanceKm(KHUJAND_LON, KHUJAND_LAT, OSH_LON, OSH_LAT) - km) > 50);
    }

    @Test
    void oneDegreeCellAt40NorthMatchesTheEllipsoidalFormula() {
        // The cell 40-41 N x 70-71 E bounded by parallels: the exact ellipsoidal zone area is 9412.85 km².
        double exact = zoneKm2(40, 41, 1);
        assertEquals(9412.85, exact, 0.01);
        // Edges along the parallels, densified: GeographicLib's PolygonArea gives the same to 0.01 km².
        List<LatLon> ring = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            ring.add(new LatLon(40, 70 + i / 200.0));
        }
        for (int i = 0; i <= 200; i++) {
            ring.add(new LatLon(41, 71 - i / 200.0));
        }
        assertEquals(exact, Geodesy.areaKm2(ring), 0.01);
        // Just the four corners: geodesic edges bow north of the parallels, 0.06 km² less in all.
        double corners = Geodesy.areaKm2(List.of(new LatLon(40, 70), new LatLon(40, 71), new LatLon(41, 71), new LatLon(41, 70)));
        assertEquals(9412.79, corners, 0.01);
        // either direction, and a repeated first point, give the same positive area
        assertEquals(corners, Geodesy.areaKm2(List.of(new LatLon(41, 70), new LatLon(41, 71), new LatLon(40, 71), new LatLon(40, 70), new LatLon(41, 70))), 1e-6);
    }

    @Test
    void degenerateInput() {
        assertEquals(0, Geodesy.areaKm2(List.of()));
        assertEquals(0, Geodesy.areaKm2(List.of(new LatLon(40, 70), new LatLon(41, 71))));
        assertEquals(0, Geodesy.pathLengthKm(List.of(new LatLon(40, 70))));
        assertEquals(0, Geodesy.distanceKm(40, 70, 40, 70), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LatLon(91, 0));
        assertThrows(IllegalArgumentException.class, () -> new LatLon(Double.NaN, 0));
    }

    @Test
    void densifiedPathFollowsTheGeodesic() {
        LatLon a = new LatLon(KHUJAND_LAT, KHUJAND_LON), b = new LatLon(OSH_LAT, OSH_LON);
        List<LatLon> pts = Geodesy.densify(a, b, 10);
        assertEquals(a, pts.get(0));
        assertEquals(b, pts.get(pts.size() - 1));
        assertTrue(pts.size() >= 28, "points " + pts.size());
        assertEquals(Geodesy.distanceKm(a.lat(), a.lon(), b.lat(), b.lon()), Geodesy.pathLengthKm(pts), 1e-6);
    }

    @Test
    void measurementClosesIntoAnArea() {
        Measurement m = Measurement.EMPTY.plus(new LatLon(40, 70)).plus(new LatLon(40, 71));
        assertFalse(m.closed());
        assertEquals(Geodesy.distanceKm(40, 70, 40, 71), m.lengthKm(), 1e-9);
        assertEquals(0, m.areaKm2());
        assertEquals(m, m.close(), "two points cannot close");
        Measurement area = m.plus(new LatLon(41, 71)).plus(new LatLon(41, 70)).close();
        assertTrue(area.closed());
        assertEquals(9412.79, area.areaKm2(), 0.01);
        assertEquals(Geodesy.perimeterKm(area.points()), area.lengthKm(), 1e-9);
        assertEquals(1, area.plus(new LatLon(40.5, 70.5)).points().size(), "a click after closing starts again");
        assertEquals(3, area.withoutLast().points().size());
    }

    private static double dms(double d, double m, double s) {
        return d + m / 60 + s / 3600;
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double r = 6371.0088;
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }

    /** Vincenty (1975) inverse on WGS84, in km. */
    static double vincentyKm(double lat1, double lon1, double lat2, double lon2) {
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1))), u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
        double lambda = l, prev;
        double sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        int guard = 0;
        do {
            double sinL = Math.sin(lambda), cosL = Math.cos(lambda);
            sinSigma = Math.sqrt(Math.pow(cosU2 * sinL, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            prev = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        } while (Math.abs(lambda - prev) > 1e-13 && ++guard < 200);
        double uSq = cos2Alpha * (A * A - B * B) / (B * B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double dSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - dSigma) / 1000;
    }

    /** Area of the ellipsoidal zone between two parallels over {@code dLonDeg} degrees of longitude, km² (closed form). */
    static double zoneKm2(double lat1, double lat2, double dLonDeg) {
        double e2 = F * (2 - F), e = Math.sqrt(e2);
        java.util.function.DoubleUnaryOperator q = phi -> {
            double s = Math.sin(Math.toRadians(phi));
            return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
        };
        return Math.toRadians(dLonDeg) * B * B / 2 * (q.applyAsDouble(lat2) - q.applyAsDouble(lat1)) / 1e6;
    }
}
