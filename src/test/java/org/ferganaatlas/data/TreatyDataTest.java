package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ferganaatlas.logic.BorderSettlement;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.ProvisionLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Treaties, provisions and events on the bundled database (skipped until it is built). */
class TreatyDataTest {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Test
    void treatiesHaveStepsAndProvisions() {
        var t = atlas.db().treatyRepository().treaty("treaty:kg-tj-2025").orElseThrow();
        assertEquals(List.of("KGZ", "TJK"), t.parties());
        assertEquals("2025-03-13", t.signedDate());
        assertTrue(t.inForceDate() == null || t.inForceDate().isBlank(), "no in-force date in the curated data");
        assertTrue(atlas.db().treatyRepository().treatySteps(t.key()).stream().anyMatch(s -> "instruments_exchanged".equals(s.step())));
        var provisions = atlas.db().treatyRepository().provisions(t.key());
        assertTrue(provisions.size() >= 5);
        for (int i = 1; i < provisions.size(); i++) {
            assertTrue(provisions.get(i - 1).ordinal() <= provisions.get(i).ordinal());
        }
        assertTrue(provisions.stream().anyMatch(p -> p.featureKeys().contains("water:golovnoy")));
        assertTrue(atlas.db().treatyRepository().treaties().size() >= 4);
        // partial step dates ('2025-05', '2025-07') come through as text and parse
        var junction = atlas.db().treatyRepository().treatySteps("treaty:junction-2025");
        assertTrue(junction.stream().anyMatch(s -> "2025-05".equals(s.date()) && s.partialDate().isPresent()));
    }

    @Test
    void segmentKeysGetThePairsLinks() {
        String segment = atlas.db().featureRepository().features("border").stream().map(f -> f.key()).filter(k -> k.startsWith("border:KGZ-TJK:"))
                .findFirst().orElseThrow();
        List<ProvisionLink> links = atlas.db().treatyRepository().provisionsFor(segment);
        assertTrue(links.stream().anyMatch(l -> l.treatyKey().equals("treaty:kg-tj-2025") && "border:KGZ-TJK".equals(l.linkedKey())),
                links.toString());
        assertEquals(atlas.db().treatyRepository().provisionsFor("border:KGZ-TJK").size(), links.size());
        assertFalse(atlas.db().treatyRepository().provisionsFor("country:KGZ").isEmpty());
        assertTrue(atlas.db().treatyRepository().provisionsFor("village:dostuk").stream().anyMatch(l -> l.provisionKey().equals("provision:kg-tj-2025-03")));
        assertTrue(atlas.db().treatyRepository().featuresForProvision("provision:kg-tj-2025-04").contains("water:golovnoy"));
        assertTrue(atlas.db().treatyRepository().provisionsFor("no-such-key").isEmpty());
        assertEquals("border:KGZ-TJK", AtlasDatabase.borderPairKey("border:KGZ-TJK:2"));
        assertEquals(null, AtlasDatabase.borderPairKey("border:KGZ-TJK"));
    }

    @Test
    void eventsAreInDateOrder() {
        List<AtlasEvent> events = atlas.db().eventRepository().events();
        assertTrue(events.size() >= 20);
        for (int i = 1; i < events.size(); i++) {
            PartialDate a = events.get(i - 1).start().orElseThrow(), b = events.get(i).start().orElseThrow();
            assertTrue(a.compareTo(b) <= 0, a + " before " + b);
        }
        var clash = atlas.db().eventRepository().event("event:2021-04-clashes").orElseThrow();
        assertEquals(55, clash.deathsMin());
        assertEquals(58, clash.deathsMax());
        assertTrue(atlas.db().eventRepository().eventsFor("crossing:kyzyl-bel").stream().anyMatch(e -> e.key().equals("event:2025-03-13-kyzyl-bel-kairagach-reopening")));
    }

    @Test
    void settlementFollowsTheMapDate() {
        var segment = atlas.db().featureRepository().features("border").stream().filter(f -> f.key().startsWith("border:KGZ-TJK:")).findFirst().orElseThrow();
        List<ProvisionLink> links = atlas.db().treatyRepository().provisionsFor(segment.key());
        assertEquals(BorderSettlement.Stage.NOT_YET_SIGNED,
                BorderSettlement.on(segment.countries(), links, atlas.db().treatyRepository()::treatySteps, LocalDate.of(2025, 3, 1)).stage());
        assertEquals(BorderSettlement.Stage.SIGNED,
                BorderSettlement.on(segment.countries(), links, atlas.db().treatyRepository()::treatySteps, LocalDate.of(2025, 3, 14)).stage());
        assertEquals(BorderSettlement.Stage.RATIFIED,
                BorderSettlement.on(segment.countries(), links, atlas.db().treatyRepository()::treatySteps, LocalDate.of(2025, 4, 1)).stage());
        var uz = atlas.db().featureRepository().features("border").stream().filter(f -> f.key().startsWith("border:KGZ-UZB:")).findFirst().orElseThrow();
        assertEquals(BorderSettlement.Stage.IN_FORCE,
                BorderSettlement.on(uz.countries(), atlas.db().treatyRepository().provisionsFor(uz.key()), atlas.db().treatyRepository()::treatySteps, LocalDate.of(2023, 1, 27)).stage());
        // the trilateral junction treaty does not settle the whole Tajik-Uzbek line
        var tu = atlas.db().featureRepository().features("border").stream().filter(f -> f.key().startsWith("border:TJK-UZB:")).findFirst().orElseThrow();
        assertEquals(BorderSettlement.Stage.NO_TREATY,
                BorderSettlement.on(tu.countries(), atlas.db().treatyRepository().provisionsFor(tu.key()), atlas.db().treatyRepository()::treatySteps, LocalDate.of(2026, 1, 1)).stage());
    }
}
