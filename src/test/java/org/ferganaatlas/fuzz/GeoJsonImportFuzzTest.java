package org.ferganaatlas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;

/** A user's GeoJSON file, whatever its bytes ({@link ImportFuzzing}). Seeds in {@code GeoJsonImportFuzzTestInputs/geoJson/}. */
class GeoJsonImportFuzzTest {
    @FuzzTest
    void geoJson(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) throws Exception {
        ImportFuzzing.check(data, "geojson");
    }
}
