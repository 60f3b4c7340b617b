package org.ferganaatlas.model;

import java.util.List;
import java.util.Optional;

/**
 * One step of a treaty's life in one country (a row of {@code treaty_step}).
 *
 * @param treatyKey  the treaty
 * @param date       ISO date (possibly partial), or null
 * @param step       signed|approved_parliament|approved_senate|approved_upper_house|signed_into_law|instruments_exchanged|in_force
 * @param country    ISO3 of the country taking the step, or null
 * @param body       who took it (parliament, president ...), or null
 * @param note       a remark, or null
 * @param confidence high|medium|low
 * @param sourceIds  ids of the sources
 */
public record TreatyStep(String treatyKey, String date, String step, String country, String body, String note,
                         String confidence, List<String> sourceIds) {
    public TreatyStep {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    public Optional<PartialDate> partialDate() {
        return PartialDate.parse(date);
    }
}
