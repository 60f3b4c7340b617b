package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * What the measure tool has so far: the points clicked, in order, and whether the path was closed into an
 * area. Immutable; each change makes a new one.
 *
 * @param points the vertices, latitude first
 * @param closed whether the last point joins the first (an area); only possible with three points or more
 */
public record Measurement(List<Geodesy.LatLon> points, boolean closed) {
    /** Nothing measured yet. */
    public static final Measurement EMPTY = new Measurement(List.of(), false);

    public Measurement {
        points = List.copyOf(points);
        closed = closed && points.size() >= 3;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** This measurement with one more point (a closed one starts again from the new point). */
    public Measurement plus(Geodesy.LatLon p) {
        if (closed) {
            return new Measurement(List.of(p), false);
        }
        List<Geodesy.LatLon> next = new ArrayList<>(points);
        next.add(p);
        return new Measurement(next, false);
    }

    /** This path closed into an area, if it has at least three points (else unchanged). */
    public Measurement close() {
        return points.size() >= 3 ? new Measurement(points, true) : this;
    }

    /** Without its last point (undo). */
    public Measurement withoutLast() {
        return points.isEmpty() ? this : new Measurement(points.subList(0, points.size() - 1), false);
    }

    /** Length in km: of the path, or of the perimeter once closed. */
    public double lengthKm() {
        return closed ? Geodesy.perimeterKm(points) : Geodesy.pathLengthKm(points);
    }

    /** Area in km² once closed, else 0. */
    public double areaKm2() {
        return closed ? Geodesy.areaKm2(points) : 0;
    }
}
