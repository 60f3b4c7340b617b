package org.ferganaatlas.model;

import java.util.List;
import java.util.Optional;

/**
 * A provision that concerns a feature, with its treaty: a row of {@code provision_feature} joined to
 * {@code provision} and {@code treaty}.
 *
 * @param provisionKey   the provision
 * @param ordinal        its order within the treaty
 * @param provisionTitle its title
 * @param treatyKey      the treaty
 * @param treatyKind     treaty|agreement|memorandum|protocol|declaration
 * @param treatyTitle    the treaty's title
 * @param parties        the treaty's parties (ISO3)
 * @param signedDate     the treaty's signing date (ISO, possibly partial) or null
 * @param inForceDate    the treaty's entry into force (ISO, possibly partial) or null when not found
 * @param linkedKey      the key the link is recorded under (the feature itself, or its border pair)
 */
public record ProvisionLink(String provisionKey, int ordinal, String provisionTitle, String treatyKey, String treatyKind,
                            String treatyTitle, List<String> parties, String signedDate, String inForceDate,
                            String linkedKey) {
    public ProvisionLink {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    public Optional<PartialDate> signed() {
        return PartialDate.parse(signedDate);
    }

    public Optional<PartialDate> inForce() {
        return PartialDate.parse(inForceDate);
    }
}
