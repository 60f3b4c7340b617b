package org.ferganaatlas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;

/** A user's CSV file, whatever its bytes ({@link ImportFuzzing}). Seeds in {@code CsvImportFuzzTestInputs/csv/}. */
class CsvImportFuzzTest {
    @FuzzTest
    void csv(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) throws Exception {
        ImportFuzzing.check(data, "csv");
    }
}
