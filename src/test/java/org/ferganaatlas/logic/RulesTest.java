package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferganaatlas.logic.BorderSettlement.Settlement;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.CrossingStatus;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.StatusPeriod;
import org.junit.jupiter.api.Test;

/** The rules that used to live in map layers and panels, without a screen. */
class RulesTest {
    private static StatusPeriod crossing(String value, String from, String to) {
        return new StatusPeriod(StatusRules.CROSSING_STATUS, value, from, to, "high", List.of("s"), null);
    }

    @Test
    void aCrossingsStatusIsTheRecordCoveringTheDayAndTheLaterRecordWins() {
        List<StatusPeriod> kyzylBel = List.of(crossing("closed", "2021-04-29", "2025-03-14"), crossing("open", "2025-03-14", null));
        assertEquals(CrossingStatus.CLOSED, StatusRules.crossingOn(kyzylBel, LocalDate.of(2025, 3, 13)));
        assertEquals(CrossingStatus.OPEN, StatusRules.crossingOn(kyzylBel, LocalDate.of(2025, 3, 14)), "the end is exclusive");
        assertEquals(CrossingStatus.UNKNOWN, StatusRules.crossingOn(kyzylBel, LocalDate.of(2020, 1, 1)), "before any record");
        List<StatusPeriod> overlapping = List.of(crossing("open", "2020", null), crossing("restricted", "2022-09", null));
        assertEquals(CrossingStatus.RESTRICTED, StatusRules.crossingOn(overlapping, LocalDate.of(2023, 1, 1)));
        assertEquals("closed", StatusRules.valueOn(kyzylBel, StatusRules.CROSSING_STATUS, LocalDate.of(2022, 1, 1)));
        assertEquals(null, StatusRules.valueOn(kyzylBel, "residents", LocalDate.of(2022, 1, 1)));
    }

    @Test
    void aStatusHoldsOnlyAsFarAsItsLastConfirmation() {
        StatusPeriod closed = new StatusPeriod(StatusRules.CROSSING_STATUS, "closed", "2021-05-21", null, "low", List.of("s"), null,
                "2025-03-12");
        List<StatusPeriod> kulundu = List.of(closed);
        assertFalse(StatusRules.readingOn(kulundu, StatusRules.CROSSING_STATUS, LocalDate.of(2024, 6, 1)).unconfirmed());
        assertFalse(StatusRules.readingOn(kulundu, StatusRules.CROSSING_STATUS, LocalDate.of(2025, 3, 12)).unconfirmed(),
                "on the day it was confirmed it is fact");
        StatusRules.Reading later = StatusRules.readingOn(kulundu, StatusRules.CROSSING_STATUS, LocalDate.of(2026, 12, 1));
        assertTrue(later.unconfirmed(), "after it, only last reported");
        assertEquals("closed", later.value());
        assertEquals("2025-03-12", later.lastConfirmed());
        StatusPeriod month = new StatusPeriod("residents", "resettled", "2023", null, "high", List.of(), null, "2026-02");
        assertFalse(month.unconfirmedOn(LocalDate.of(2026, 2, 28)), "a month confirms the whole month");
        assertTrue(month.unconfirmedOn(LocalDate.of(2026, 3, 1)));
        StatusPeriod ended = new StatusPeriod("residents", "present", null, "2023", "high", List.of(), null, "2022-01-01");
        assertFalse(ended.unconfirmedOn(LocalDate.of(2022, 6, 1)), "a period with an end is bounded by its own evidence");
        assertEquals(StatusRules.Reading.NONE, StatusRules.readingOn(kulundu, StatusRules.CROSSING_STATUS, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void aPositionKnownToWithinKilometresIsNeverShownCloserThanThat() {
        Feature vague = new Feature(1, "village:x", "village", "X", "KGZ", null, 3, 9, 40.0, 71.0, 8000.0, "medium", "offset:1:180:12",
                List.of(), null);
        double z = FocusRule.supportedZoom(vague);
        assertEquals(11.1, z, 0.1, "8 km at 40° N");
        assertEquals(z, FocusRule.maxZoom(List.of(vague)), 1e-9, "the village's own focus zoom (13) is capped");
        Feature sharp = new Feature(2, "village:y", "village", "Y", "KGZ", null, 3, 9, 40.0, 71.0, 50.0, "high", null, List.of(), null);
        assertEquals(13, FocusRule.maxZoom(List.of(sharp)), 1e-9, "50 m does not limit it");
        assertEquals(Double.POSITIVE_INFINITY, FocusRule.supportedZoom(new Feature(3, "town:1", "town", "T", "TJK", null, 1, 6, 40.0,
                69.0, null, "high", null, List.of(), null)));
    }

    private static Feature village(String props) {
        return new Feature(1, "village:x", "village", "X", "KGZ", null, 3, 9, 40.0, 71.0, 100.0, "high", null, List.of(), props);
    }

    @Test
    void aVillageIsAffectedByItsHistoryOrItsRecord() {
        assertFalse(StatusRules.affected(village("{}"), List.of()));
        assertTrue(StatusRules.affected(village("{\"transferred_to\":\"UZB\"}"), List.of()));
        assertTrue(StatusRules.affected(village("{}"), List.of(new StatusPeriod("residents", "resettled", "2023", null, "high", List.of(), null))));
    }

    private static Fact fact(String v, String max) {
        return new Fact("area_km2", v, max, "km2", null, "medium", List.of("s"), null);
    }

    @Test
    void disagreeingFiguresSpanARangeThatCountsEachSourcesOwnRange() {
        assertEquals(Optional.of(new FactRange.Range(220, 352, "km2")), FactRange.of(List.of(fact("352", null), fact("220", "236"))));
        assertEquals(Optional.empty(), FactRange.of(List.of(fact("97", null))), "one source is no disagreement");
        assertEquals(Optional.empty(), FactRange.of(List.of(fact("97", null), fact("97", null))), "they agree");
        assertEquals(Optional.empty(), FactRange.of(List.of(fact("97", null), fact("about a hundred", null))), "not numbers");
    }

    private static AtlasEvent event(String key, String date) {
        return new AtlasEvent(key, date, null, "clash", key, null, null, null, null, null, null, null, "high", List.of(), null, List.of());
    }

    @Test
    void playingStartsAtTheFirstEventAfterTheDayAndStartsOverPastTheLast() {
        List<AtlasEvent> events = List.of(event("a", "2021-04-28"), event("b", "2022-09"), event("c", "2025-03-13"));
        assertEquals(0, EventSequence.firstAfter(events, LocalDate.of(2020, 1, 1)));
        assertEquals(1, EventSequence.firstAfter(events, LocalDate.of(2021, 4, 28)), "an event on the day itself is not after it");
        assertEquals(2, EventSequence.firstAfter(events, LocalDate.of(2022, 9, 20)));
        assertEquals(0, EventSequence.firstAfter(events, LocalDate.of(2026, 1, 1)), "past the last: from the start");
        assertEquals(0, EventSequence.firstAfter(List.of(), LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2025, 3, 13), EventSequence.lastStart(events, LocalDate.of(2024, 1, 1)));
        assertEquals(LocalDate.of(2026, 12, 1), EventSequence.lastStart(events, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void showingARecordPrefersItsPlacesOverItsBordersOverItsCountries() {
        Set<String> placeable = Set.of("village:dostuk", "border:KGZ-TJK", "border:KGZ-TJK:3", "country:KGZ", "country:TJK");
        assertEquals(List.of("village:dostuk", "border:KGZ-TJK:3"),
                FocusRule.mostSpecific(List.of("country:KGZ", "border:KGZ-TJK", "village:dostuk", "border:KGZ-TJK:3"), placeable::contains));
        assertEquals(List.of("border:KGZ-TJK"), FocusRule.mostSpecific(List.of("country:TJK", "border:KGZ-TJK"), placeable::contains));
        assertEquals(List.of("country:TJK"), FocusRule.mostSpecific(List.of("country:TJK", "village:nowhere"), placeable::contains),
                "a place the atlas cannot locate is dropped");
        assertEquals(List.of(), FocusRule.mostSpecific(List.of("village:nowhere"), placeable::contains));
    }

    @Test
    void theClosestZoomFollowsTheKindsShown() {
        Feature town = new Feature(1, "town:1", "town", "T", "TJK", null, 1, 6, 40.0, 69.0, null, "high", null, List.of(), null);
        Feature crossing = new Feature(2, "crossing:c", "crossing", "C", null, "KGZ-TJK", 1, 14, 40.0, 69.0, null, "high", null, List.of(), null);
        assertEquals(11, FocusRule.maxZoom(List.of(town)));
        assertEquals(14, FocusRule.maxZoom(List.of(crossing)), "never further out than where the map starts drawing it");
        assertEquals(11, FocusRule.maxZoom(List.of(town, crossing)), "several: the least close of their kinds");
        assertEquals(FocusRule.DEFAULT_ZOOM, FocusRule.maxZoom(List.of()));
    }

    @Test
    void aLineWithoutATreatyIsDrawnFromWhatItsOwnRecordSays() {
        BorderSettlement.Result none = new BorderSettlement.Result(BorderSettlement.Stage.NO_TREATY, null);
        assertEquals(Settlement.UNKNOWN, BorderSettlement.settlement(none, Map.of()));
        assertEquals(Settlement.UNSETTLED, BorderSettlement.settlement(none, Map.of("status", "Disputed ")));
        assertEquals(Settlement.UNKNOWN, BorderSettlement.settlement(none, Map.of("status", "undisputed")),
                "only the listed words count: no guessing from parts of words");
        assertEquals(Settlement.SETTLED, BorderSettlement.settlement(none, Map.of("settled_by", "treaty:kg-uz-2022")));
        assertEquals(Settlement.SIGNED, BorderSettlement.settlement(new BorderSettlement.Result(BorderSettlement.Stage.SIGNED, "t"),
                Map.of("status", "disputed")), "a treaty's stage wins over the line's record");
        assertEquals(List.of("settled", "in-force"), Settlement.IN_FORCE.styleClasses());
        assertEquals(List.of("unsettled"), BorderSettlement.settlement(
                new BorderSettlement.Result(BorderSettlement.Stage.NOT_YET_SIGNED, "t"), Map.of()).styleClasses());
    }
}
