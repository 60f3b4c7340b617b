package org.ferganaatlas.model;

import java.util.List;

/**
 * Everything the bundled database says about one place that the affected-places table needs: the place, its names,
 * figures, dated states, who held it, what happened there, the provisions about it and the moves from or to it.
 * Read in one pass for all places ({@code data.AffectedPlacesRepository}); turned into a row by
 * {@code logic.AffectedPlaces}.
 */
public record PlaceMaterial(Feature feature, List<Name> names, List<Fact> facts, List<StatusPeriod> status,
                            List<TerritoryPeriod> territory, List<AtlasEvent> events, List<ProvisionLink> provisions,
                            List<Resettlement> resettlements) {
    public PlaceMaterial {
        names = List.copyOf(names);
        facts = List.copyOf(facts);
        status = List.copyOf(status);
        territory = List.copyOf(territory);
        events = List.copyOf(events);
        provisions = List.copyOf(provisions);
        resettlements = List.copyOf(resettlements);
    }
}
