package org.ferganaatlas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;

/** A user's KML file, whatever its bytes ({@link ImportFuzzing}). Seeds in {@code KmlImportFuzzTestInputs/kml/}. */
class KmlImportFuzzTest {
    @FuzzTest
    void kml(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) throws Exception {
        ImportFuzzing.check(data, "kml");
    }
}
