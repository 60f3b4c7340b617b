package org.ferganaatlas.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Who held a piece of ground from when to when ({@code territory_period}): the map date decides which period is drawn,
 * since the lines themselves are older than some transfers.
 *
 * @param featureKey the piece (an enclave or a transferred area)
 * @param holder     ISO3 code of the country that held it
 * @param from       inclusive start (ISO, possibly partial), or null = since before our records
 * @param to         exclusive end (ISO, possibly partial), or null = still so
 * @param drawnAs    ISO3 code of the country whose polygon the map's geometry puts it in
 * @param confidence high|medium|low
 * @param sourceIds  the sources
 * @param note       how the dates were found, in our words, or null
 */
public record TerritoryPeriod(String featureKey, String holder, String from, String to, String drawnAs, String confidence,
                              List<String> sourceIds, String note) {
    public TerritoryPeriod {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    /** Whether it held on {@code day} (ISO dates compare as text, partial ones by their start). */
    public boolean covers(LocalDate day) {
        String d = day.toString();
        return (from == null || from.isBlank() || from.compareTo(d) <= 0) && (to == null || to.isBlank() || d.compareTo(to) < 0);
    }
}
