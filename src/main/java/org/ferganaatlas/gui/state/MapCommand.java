package org.ferganaatlas.gui.state;

/**
 * What the rest of the window may ask of the map: it owns its viewport, so nobody else moves it. Sent through
 * {@link AtlasState#commands()}; the map performs each and reports the view it reached in {@link AtlasState}.
 * Coordinates are degrees, latitude first where both are given as a point.
 */
public sealed interface MapCommand {
    /** The whole valley, as large as the window allows. */
    record Home() implements MapCommand {}

    /** Centre on a point; {@code zoom} NaN keeps the zoom. */
    record CentreOn(double lat, double lon, double zoom) implements MapCommand {}

    /**
     * A whole box (west, south, east, north) as large as the map allows, but not closer than {@code maxZoom} (a single
     * point gets {@code maxZoom}).
     */
    record Fit(double west, double south, double east, double north, double maxZoom) implements MapCommand {}

    /**
     * Get ready to show {@code view} soon (Play's next event, a tour's next stop): the map renders its basemap tiles
     * while it waits, so the move does not uncover grey, unpainted squares. Moves nothing.
     */
    record Prefetch(MapCommand view) implements MapCommand {}

    /**
     * Fly to a point at a zoom: the map moves there smoothly over about a second (zooming out on the way when the
     * distance is long), ending exactly where {@link CentreOn} would. Any other command or the user's own pan or zoom
     * ends the flight where it is.
     */
    record FlyTo(double lat, double lon, double zoom) implements MapCommand {}

    /** One whole zoom level in (+1) or out (−1), about the centre. */
    record ZoomStep(int direction) implements MapCommand {}

    MapCommand HOME = new Home();
}
