package org.ferganaatlas.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.util.Map;
import org.ferganaatlas.model.PropsJson;

/**
 * The JSON-in-database reader ({@code feature.props}): whatever the column holds, {@link PropsJson#parse} returns
 * a map of strings, numbers, booleans and nulls, or throws its documented {@link IllegalArgumentException}; never
 * another exception, never a stack overflow (it does not recurse), never a mutable map. Seeds: the real props of the
 * bundled database (the longest ones, so long inputs are there from the start) and hostile ones (deep nesting,
 * escapes, lone surrogates, huge numbers, trailing text), in {@code PropsJsonFuzzTestInputs/parse/}.
 */
class PropsJsonFuzzTest {
    @FuzzTest
    void parse(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) {
        check(FuzzInput.utf8(data));
        check(FuzzInput.utf16Units(data));
    }

    private static void check(String json) {
        Map<String, Object> m;
        try {
            m = PropsJson.parse(json);
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage(), "a bad-input message for the log");
            return;
        }
        assertNotNull(m);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            assertNotNull(e.getKey());
            Object v = e.getValue();
            assertTrue(v == null || v instanceof String || v instanceof Double || v instanceof Boolean,
                    () -> "unexpected value type " + v.getClass());
            if (v instanceof Double d) {
                assertEquals(d, PropsJson.asNumber(d));
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", "y"));
    }
}
