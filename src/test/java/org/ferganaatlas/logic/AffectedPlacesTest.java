package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.model.AffectedPlace;
import org.ferganaatlas.model.AffectedPlace.Figure;
import org.ferganaatlas.model.AffectedPlace.HappeningKind;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.PlaceMaterial;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Resettlement;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.TerritoryPeriod;
import org.junit.jupiter.api.Test;

/** How a row of the affected-places table is made, and which rows a filter keeps, without a screen or a database. */
class AffectedPlacesTest {
    private static Feature feature(String key, String kind, String country, Double lat, Double lon, String derivation) {
        return new Feature(1, key, kind, key.substring(key.indexOf(':') + 1), country, null, 2, 9, lat, lon, 1000.0, "medium",
                derivation, List.of("f-src"), "{}");
    }

    private static StatusPeriod administered(String value, String from, String to, String src) {
        return new StatusPeriod(StatusRules.ADMINISTERED_BY, value, from, to, "medium", List.of(src), null, to == null ? "2026" : null);
    }

    private static Fact fact(String attribute, String value, String max, String src) {
        return new Fact(attribute, value, max, null, null, "medium", List.of(src), null);
    }

    private static final Resettlement DOSTUK_MOVE = new Resettlement("village:dostuk", "village:zhany-dostuk", "2025-10-22",
            "2025-11", null, null, 71, 200, "high", List.of("r-src"), null);

    private static PlaceMaterial dostuk() {
        return new PlaceMaterial(feature("village:dostuk", "village", "TJK", 39.9, 70.6, "border_nearest:8375150:KGZ-TJK"),
                List.of(new Name("ru", "Достук", true, List.of("n-src"))),
                List.of(fact("district", "Batken district", null, "d-src"), fact("households", "150", null, "h-src"),
                        fact("houses", "71", null, "p1"), fact("houses", "179", null, "p2")),
                List.of(administered("KGZ", null, "2025-03-13", "a1"), administered("TJK", "2025-03-13", null, "a2")),
                List.of(),
                List.of(new AtlasEvent("event:move", "2025-10-22", null, "resettlement", "Dostuk residents begin moving", null,
                        null, null, null, null, null, null, "high", List.of("e-src"), null, List.of("village:dostuk"))),
                List.of(new ProvisionLink("provision:kg-tj-2025-03", 3, "Villages exchanged", "treaty:kg-tj-2025", "treaty",
                        "Kyrgyz–Tajik border treaty", List.of("KGZ", "TJK"), "2025-03-13", null, "village:dostuk")),
                List.of(DOSTUK_MOVE));
    }

    @Test
    void aVillageThatChangedHandsGetsItsHoldersBeforeAndAfterAndTheDay() {
        AffectedPlace r = AffectedPlaces.row(dostuk(), "en");
        assertEquals("KGZ", r.before());
        assertEquals("TJK", r.after());
        assertEquals("2025-03-13", r.changeDate());
        assertTrue(r.transferred());
        assertEquals("Batken district", r.district());
        assertTrue(r.approximate(), "a point derived from a nearby place is approximate");
        assertEquals("Достук", AffectedPlaces.row(dostuk(), "ru").name(), "the table's language picks the name");
        assertEquals("dostuk", AffectedPlaces.row(dostuk(), "ky").name(), "no Kyrgyz name: English");
    }

    @Test
    void whatHappenedIsInDateOrderWithTheTransferTheProvisionAndTheMove() {
        AffectedPlace r = AffectedPlaces.row(dostuk(), "en");
        assertEquals(List.of(HappeningKind.TRANSFER, HappeningKind.PROVISION, HappeningKind.EVENT, HappeningKind.MOVED_OUT),
                r.happenings().stream().map(AffectedPlace.Happening::kind).toList());
        assertEquals("village:zhany-dostuk", r.happenings().get(3).otherKey());
        assertEquals("2025-03-13", r.firstDate());
        assertEquals("2025-10-22", r.lastDate());
        assertEquals(List.of("treaty:kg-tj-2025"), r.treaties().stream().map(AffectedPlace.TreatyRef::key).toList());
    }

    @Test
    void countsAreRangesWhereSourcesDifferAndAMovesOwnCountReplacesTheHouseholdFacts() {
        AffectedPlace r = AffectedPlaces.row(dostuk(), "en");
        assertEquals(List.of(new Figure("households", 71, 200), new Figure("houses", 71, 179)), r.figures());
        assertTrue(r.figures().get(1).isRange());
        // every source the row rests on, the household fact it replaced not among them
        assertTrue(r.sourceIds().containsAll(List.of("f-src", "a1", "a2", "d-src", "e-src", "r-src", "p1", "p2")), r.sourceIds().toString());
        assertFalse(r.sourceIds().contains("h-src"), r.sourceIds().toString());
        // the place moved to gets no counts from the move (they are counted where people left)
        PlaceMaterial zhany = new PlaceMaterial(feature("village:zhany-dostuk", "village", "KGZ", 39.95, 70.8, "offset:1:180:12"),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(DOSTUK_MOVE));
        AffectedPlace z = AffectedPlaces.row(zhany, "en");
        assertEquals(List.of(), z.figures());
        assertEquals("KGZ", z.before());
        assertFalse(z.transferred(), "no record of a change");
        assertEquals(HappeningKind.MOVED_IN, z.happenings().get(0).kind());
    }

    @Test
    void oneFigureIsItsOwnRangeAndWordsAreNotCounted() {
        assertEquals(List.of(new Figure("people_evacuated", 300, 300)), AffectedPlaces.figures("k",
                List.of(fact("people_evacuated", "300", null, "s"), fact("houses", "not found", null, "s")), List.of(),
                new java.util.LinkedHashSet<>()));
        assertEquals(List.of(new Figure("households", 20, 153)), AffectedPlaces.figures("k",
                List.of(fact("households", "153", null, "s"), fact("households", "20", null, "t")), List.of(),
                new java.util.LinkedHashSet<>()));
        assertEquals(List.of(new Figure("people_resettled", 42800, 70000)), AffectedPlaces.figures("k",
                List.of(fact("people_resettled", "42800", "70000", "s")), List.of(), new java.util.LinkedHashSet<>()));
    }

    @Test
    void territoryPeriodsWinOverStatusesAndAPlaceRecordedOnlyAfterItsTransferShowsNoChange() {
        List<TerritoryPeriod> barak = List.of(
                new TerritoryPeriod("enclave:barak", "KGZ", null, "2024-04-15", "KGZ", "medium", List.of("t1"), null),
                new TerritoryPeriod("enclave:barak", "UZB", "2024-04-15", null, "KGZ", "medium", List.of("t2"), null));
        assertEquals(new StatusRules.Transfer("KGZ", "UZB", "2024-04-15"), StatusRules.transfer(barak, List.of(), "UZB"));
        List<TerritoryPeriod> qalacha = List.of(
                new TerritoryPeriod("enclave:wq", "TJK", "1930", "2025-03-13", "TJK", "medium", List.of("t1"), null),
                new TerritoryPeriod("enclave:wq", "KGZ", "2025-03-13", null, "TJK", "medium", List.of("t2"), null));
        assertEquals(new StatusRules.Transfer("TJK", "KGZ", "2025-03-13"), StatusRules.transfer(qalacha, List.of(), "KGZ"),
                "the last change counts, not the 1930 one");
        assertEquals(new StatusRules.Transfer("TJK", "TJK", null),
                StatusRules.transfer(List.of(), List.of(administered("TJK", "2025-03-13", null, "a")), "TJK"));
        assertEquals(new StatusRules.Transfer("UZB", "UZB", null),
                StatusRules.transfer(List.of(), List.of(administered("UZB", null, null, "a")), "UZB"));
        assertEquals(new StatusRules.Transfer("KGZ-TJK", "KGZ-TJK", null), StatusRules.transfer(List.of(), List.of(), "KGZ-TJK"));
    }

    @Test
    void villagesAreListedOnlyWhenTheSettlementTouchedThem() {
        assertTrue(AffectedPlaces.included(dostuk()));
        PlaceMaterial quiet = new PlaceMaterial(feature("village:quiet", "village", "KGZ", 40.0, 71.0, null),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertFalse(AffectedPlaces.included(quiet));
        PlaceMaterial spring = new PlaceMaterial(feature("water:spring", "water_facility", null, null, null, null),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertTrue(AffectedPlaces.included(spring), "every shared water point is listed");
        PlaceMaterial town = new PlaceMaterial(feature("town:1", "town", "KGZ", 40.0, 71.0, null),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(DOSTUK_MOVE));
        assertFalse(AffectedPlaces.included(town));
        assertEquals(List.of("village:dostuk", "water:spring"),
                AffectedPlaces.rows(List.of(spring, quiet, dostuk()), "en").stream().map(AffectedPlace::key).toList());
    }

    @Test
    void theTextFilterFindsLatinAndCyrillicSpellingsAndTheOtherFiltersNarrow() {
        AffectedPlace r = AffectedPlaces.row(dostuk(), "en");
        assertTrue(new AffectedPlaces.Filter(null, null, null, null, "Достук").matches(r), "Cyrillic");
        assertTrue(new AffectedPlaces.Filter(null, null, null, null, "dostuk batken").matches(r), "every word, any field");
        assertTrue(new AffectedPlaces.Filter(null, null, null, null, "Dostuq").matches(r), "spelling variants fold together");
        assertFalse(new AffectedPlaces.Filter(null, null, null, null, "Barak").matches(r));
        assertTrue(new AffectedPlaces.Filter("KGZ", null, null, null, null).matches(r), "the country it left");
        assertTrue(new AffectedPlaces.Filter("TJK", "Batken district", "treaty:kg-tj-2025", "village", "").matches(r));
        assertFalse(new AffectedPlaces.Filter("UZB", null, null, null, null).matches(r));
        assertFalse(new AffectedPlaces.Filter(null, "Isfara district", null, null, null).matches(r));
        assertFalse(new AffectedPlaces.Filter(null, null, "treaty:kg-uz-2022", null, null).matches(r));
        assertFalse(new AffectedPlaces.Filter(null, null, null, "enclave", null).matches(r));
        assertEquals(Set.of("KGZ", "TJK"), AffectedPlaces.countries(r));
    }

    @Test
    void anArrowIsDrawnFromTheDayTheMoveBeganAndOnlyBetweenLocatedPlaces() {
        Resettlement partial = new Resettlement("village:kok-terek", "village:zhany-dostuk", "2025-10", "2025-12", null, null,
                null, null, "medium", List.of("s"), null);
        List<Resettlement> moves = List.of(DOSTUK_MOVE, partial);
        Set<String> located = Set.of("village:dostuk", "village:zhany-dostuk");
        assertEquals(List.of(DOSTUK_MOVE), AffectedPlaces.arrowsOn(moves, LocalDate.of(2025, 12, 1), located::contains));
        assertEquals(List.of(), AffectedPlaces.arrowsOn(moves, LocalDate.of(2024, 1, 1), located::contains));
        assertEquals(List.of(), AffectedPlaces.arrowsOn(moves, LocalDate.of(2025, 10, 21), located::contains), "the day before");
        assertEquals(List.of(DOSTUK_MOVE, partial), AffectedPlaces.arrowsOn(moves, LocalDate.of(2025, 10, 22), k -> true),
                "a month counts from its first day");
    }
}
