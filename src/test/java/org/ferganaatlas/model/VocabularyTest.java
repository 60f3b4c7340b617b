package org.ferganaatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys are parsed in one place: what each shape of key means. */
class VocabularyTest {
    @Test
    void featureKeysParseToTheirKindAndId() {
        FeatureKey k = FeatureKey.parse("crossing:kyzyl-bel").orElseThrow();
        assertEquals(FeatureKind.CROSSING, k.kind());
        assertEquals("kyzyl-bel", k.id());
        assertEquals("crossing:kyzyl-bel", k.toString());
        assertEquals(FeatureKind.WATER_FACILITY, FeatureKey.parse("water_facility:golovnoy").orElseThrow().kind());
        assertTrue(FeatureKey.is("village:dostuk", FeatureKind.VILLAGE));
        assertFalse(FeatureKey.is("village:dostuk", FeatureKind.TOWN));
    }

    @Test
    void malformedOrUnknownFeatureKeysAreNotKeys() {
        for (String bad : new String[] {null, "", "crossing", "crossing:", ":x", "spaceship:x", "event:2021-04-clashes"}) {
            assertEquals(Optional.empty(), FeatureKey.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void borderKeysTellAPairFromOneOfItsSegments() {
        FeatureKey pair = FeatureKey.parse("border:KGZ-TJK").orElseThrow();
        FeatureKey segment = FeatureKey.parse("border:KGZ-TJK:2").orElseThrow();
        assertTrue(pair.isBorderPair());
        assertFalse(segment.isBorderPair());
        assertEquals(Optional.of(pair), segment.borderPair());
        assertEquals(Optional.empty(), pair.borderPair());
        assertFalse(FeatureKey.parse("village:a:b").orElseThrow().isBorderPair());
    }

    @Test
    void recordKeysKnowTheirReaderAndAnEventsDate() {
        RecordKey e = RecordKey.parse("event:2021-04-clashes").orElseThrow();
        assertEquals(RecordKind.EVENT, e.kind());
        assertFalse(e.kind().readInTreaties());
        assertEquals(Optional.of("2021-04"), e.eventDatePart());
        assertEquals(Optional.of("2025-03-13"), RecordKey.parse("event:2025-03-13-signing").orElseThrow().eventDatePart());
        assertEquals(Optional.empty(), RecordKey.parse("event:undated").orElseThrow().eventDatePart());
        assertTrue(RecordKey.parse("agreement:kg-uz-water").orElseThrow().kind().readInTreaties());
        assertTrue(RecordKey.is("provision:kg-tj-2025-04", RecordKind.PROVISION));
        assertEquals(Optional.empty(), RecordKey.parse("crossing:kyzyl-bel"));
        assertEquals(Optional.empty(), RecordKey.parse("treaty:"));
    }

    @Test
    void crossingStatusValuesMapOntoFourStates() {
        assertEquals(CrossingStatus.OPEN, CrossingStatus.of("open"));
        assertEquals(CrossingStatus.CLOSED, CrossingStatus.of("closed"));
        for (String v : new String[] {"restricted", "limited", "partially_open"}) {
            assertEquals(CrossingStatus.RESTRICTED, CrossingStatus.of(v), v);
        }
        assertEquals(CrossingStatus.UNKNOWN, CrossingStatus.of(null));
        assertEquals(CrossingStatus.UNKNOWN, CrossingStatus.of("rumoured"));
        assertEquals("restricted", CrossingStatus.RESTRICTED.styleClass());
    }

    @Test
    void everyKindThatALayerSwitchesIsLabelledInAStrictOrder() {
        java.util.Set<Integer> orders = new java.util.HashSet<>();
        for (FeatureKind k : FeatureKind.values()) {
            assertEquals(k, FeatureKind.of(k.id()).orElseThrow(), "round trip " + k);
            if (k.labelled()) {
                assertTrue(orders.add(k.labelOrder()), "two kinds share label order " + k.labelOrder());
            }
            assertTrue(k.focusZoom() >= 7 && k.focusZoom() <= 14, k + " focus zoom " + k.focusZoom());
        }
        assertTrue(FeatureKind.COUNTRY.labelOrder() < FeatureKind.TOWN.labelOrder(), "countries are placed before towns");
        assertEquals(SearchGroup.CROSSINGS, FeatureKind.CROSSING.searchGroup());
        assertEquals(BuiltInLayer.WATER, FeatureKind.RESERVOIR.layer());
        assertEquals("water-facility", FeatureKind.WATER_FACILITY.styleName());
    }
}
