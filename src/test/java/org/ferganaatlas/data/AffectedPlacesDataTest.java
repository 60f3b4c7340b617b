package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ferganaatlas.logic.AffectedPlaces;
import org.ferganaatlas.model.AffectedPlace;
import org.ferganaatlas.model.Resettlement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The affected-places rows and the resettlements of the bundled database (skipped until it is built). */
class AffectedPlacesDataTest {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    private static Map<String, AffectedPlace> rows() {
        return AffectedPlaces.rows(atlas.db().affectedPlacesRepository().places(AffectedPlaces.KINDS), "en").stream()
                .collect(Collectors.toMap(AffectedPlace::key, Function.identity()));
    }

    @Test
    void theTransferredAndResettledPlacesHaveTheirHoldersDistrictsAndCounts() {
        Map<String, AffectedPlace> rows = rows();
        AffectedPlace dostuk = rows.get("village:dostuk");
        assertEquals("KGZ", dostuk.before());
        assertEquals("TJK", dostuk.after());
        assertTrue(dostuk.district().startsWith("Batken district"), dostuk.district());
        assertTrue(dostuk.figures().stream().anyMatch(f -> f.what().equals("households") && f.isRange()), dostuk.figures().toString());
        AffectedPlace barak = rows.get("enclave:barak");
        assertEquals("KGZ", barak.before());
        assertEquals("UZB", barak.after());
        assertEquals("2024-04-15", barak.changeDate());
        for (String k : List.of("village:kok-terek", "village:tash-tumshuk")) {
            assertEquals("KGZ", rows.get(k).before(), k);
            assertEquals("TJK", rows.get(k).after(), k);
        }
        assertTrue(rows.containsKey("water:golovnoy"));
        assertTrue(rows.containsKey("crossing:kyzyl-bel"));
        assertFalse(rows.containsKey("town:1528735"), "towns are not in the table");
        // every source a row cites exists
        for (AffectedPlace r : rows.values()) {
            assertEquals(r.sourceIds().size(), atlas.db().factRepository().sources(r.sourceIds()).size(), r.key());
        }
    }

    @Test
    void theDocumentedMovesAreThereAndOnlyLocatedOnesCanBeDrawn() {
        List<Resettlement> moves = atlas.db().affectedPlacesRepository().resettlements();
        assertTrue(moves.stream().anyMatch(m -> m.fromKey().equals("village:dostuk") && m.toKey().equals("village:zhany-dostuk")));
        assertTrue(moves.stream().anyMatch(m -> m.fromKey().equals("enclave:barak") && m.toKey().equals("village:zhany-barak")));
        for (Resettlement m : moves) {
            assertTrue(m.start().isPresent(), m.toString());
            for (String k : List.of(m.fromKey(), m.toKey())) {
                assertTrue(atlas.db().featureRepository().feature(k).isPresent(), k);
            }
        }
        var zhanyBarak = atlas.db().featureRepository().feature("village:zhany-barak").orElseThrow();
        assertFalse(zhanyBarak.hasLocation(), "no source places Zhany-Barak: it must not get an invented point");
    }
}
