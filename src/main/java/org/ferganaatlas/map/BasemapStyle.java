package org.ferganaatlas.map;

import java.awt.Color;
import java.util.Map;
import java.util.Objects;

/**
 * Every colour, width and font of the basemap, so that a presentation style can swap the palette in one place.
 * {@link #ATLAS} is the default: soft printed-atlas tints (Kyrgyzstan warm apricot, Tajikistan sage green,
 * Uzbekistan sand; other countries grey), light-blue water, a hairline graticule. Borders stay subtle because the
 * interactive, styled border overlays are drawn on top by the GUI.
 *
 * @param id                   short name, part of the disk tile cache key (change it when colours change)
 * @param outsideRegion        tiles and areas outside the atlas region
 * @param noCountry            inside the region but in no country polygon: the database's partition leaves inland
 *                             water open (metadata partition_report.open_water_km2), so by default this is water
 * @param countryFill          land tint per ISO3 code
 * @param otherCountryFill     land tint for a country not in {@code countryFill}
 * @param waterFill            lakes and reservoirs
 * @param waterEdge            their shore line
 * @param river                river and canal lines
 * @param border               international borders in the basemap
 * @param coastlineOfRegion    unused edge tint, kept for styles that outline the data region
 * @param graticule            graticule lines
 * @param graticuleLabel       graticule degree labels
 * @param labelHalo            halo behind labels
 * @param labelSize            graticule label cap height in pixels (drawn in DejaVu Sans by {@link OutlineFont})
 * @param lineScale            factor on border and shore widths (heavier lines where they must stand out)
 */
public record BasemapStyle(String id, Color outsideRegion, Color noCountry, Map<String, Color> countryFill,
                           Color otherCountryFill, Color waterFill, Color waterEdge, Color river, Color border,
                           Color coastlineOfRegion, Color graticule, Color graticuleLabel, Color labelHalo,
                           double labelSize, float lineScale) {

    public BasemapStyle {
        Objects.requireNonNull(id);
        countryFill = Map.copyOf(countryFill);
    }

    /** The default printed-atlas palette. */
    public static final BasemapStyle ATLAS = new BasemapStyle(
            "atlas1",
            new Color(0xE3E1DA),
            new Color(0xAED1E8),
            Map.of(
                    "KGZ", new Color(0xF4D6B8),   // warm apricot
                    "TJK", new Color(0xD3E4C1),   // sage green
                    "UZB", new Color(0xF0E6BC),   // sand
                    "KAZ", new Color(0xE6E3DC),   // neighbours: greys with a faint cast so they still separate
                    "CHN", new Color(0xE2E0DA),
                    "AFG", new Color(0xE4E2DB)),
            new Color(0xE4E2DB),
            new Color(0xAACFE8),
            new Color(0x86B6DA),
            new Color(0x6FA8D8),
            new Color(0x8E8190),
            new Color(0xB8B4AA),
            new Color(90, 105, 130, 56),
            new Color(0x6E7A88),
            new Color(255, 255, 255, 170),
            7.0, 1.0f);

    /**
     * High contrast, for low vision and projectors: saturated land tints that tell the three countries apart by hue
     * (Kyrgyzstan coral, Tajikistan green, Uzbekistan yellow; other countries white) and are all light enough for
     * the map's dark labels (WCAG AA, 4.5:1, for the lightest of them; about 7:1 for the town names); water a
     * clear blue under dark shores, near-black borders and graticule, heavier lines. Its own {@code id}, so the disk cache keeps its tiles apart from the atlas palette's.
     */
    public static final BasemapStyle HIGH_CONTRAST = new BasemapStyle(
            "contrast1",
            new Color(0xB0B0B0),
            new Color(0x7CC0FF),
            Map.of(
                    "KGZ", new Color(0xFF9A8A),   // coral
                    "TJK", new Color(0x8FE07A),   // green
                    "UZB", new Color(0xFFF04D),   // yellow
                    "KAZ", new Color(0xF2F2F2),   // neighbours: near white, set off by the black borders
                    "CHN", new Color(0xF2F2F2),
                    "AFG", new Color(0xF2F2F2)),
            new Color(0xF2F2F2),
            new Color(0x7CC0FF),
            new Color(0x003A80),
            new Color(0x0050D0),
            new Color(0x111111),
            new Color(0x000000),
            new Color(0, 0, 0, 150),
            new Color(0x000000),
            new Color(255, 255, 255, 235),
            7.5, 1.7f);

    /** The tint for a country's land. */
    public Color fillFor(String iso3) {
        Color c = iso3 == null ? null : countryFill.get(iso3);
        return c != null ? c : otherCountryFill;
    }

    /** Border line width in pixels at a zoom. */
    public float borderWidth(int zoom) {
        return lineScale * (zoom <= 6 ? 0.8f : zoom <= 9 ? 1.0f : zoom <= 12 ? 1.3f : 1.6f);
    }

    /**
     * River line width in pixels at a zoom, for a river of a label rank (0 = the Syr Darya and its big sources,
     * higher = smaller streams).
     */
    public float riverWidth(int zoom, int rank) {
        float base = zoom <= 6 ? 0.7f : zoom <= 8 ? 1.0f : zoom <= 10 ? 1.4f : zoom <= 12 ? 2.0f : zoom <= 14 ? 2.8f : 3.6f;
        float factor = rank <= 0 ? 1.5f : rank == 1 ? 1.2f : rank == 2 ? 1.0f : 0.75f;
        return Math.max(0.5f, base * factor);
    }

    /** Lake shore line width in pixels at a zoom. */
    public float waterEdgeWidth(int zoom) {
        return lineScale * (zoom <= 8 ? 0.5f : 0.8f);
    }

    /** Graticule spacing in degrees at a zoom. */
    public double graticuleStepDeg(int zoom) {
        return zoom <= 6 ? 1.0 : zoom <= 8 ? 0.5 : zoom <= 10 ? 0.25 : zoom <= 12 ? 0.1 : 0.05;
    }

    /** Whether degree labels are drawn at a zoom (low zooms only: at high zoom they would be noise). */
    public boolean graticuleLabels(int zoom) {
        return zoom <= 10;
    }
}
