package org.ferganaatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialDateTest {
    @Test
    void parsesDaysMonthsAndYears() {
        PartialDate day = PartialDate.parse("2025-03-13").orElseThrow();
        assertEquals(PartialDate.Precision.DAY, day.precision());
        assertEquals(LocalDate.of(2025, 3, 13), day.start());
        assertEquals(LocalDate.of(2025, 3, 13), day.end());

        PartialDate month = PartialDate.parse("2025-05").orElseThrow();
        assertEquals(PartialDate.Precision.MONTH, month.precision());
        assertEquals(LocalDate.of(2025, 5, 1), month.start());
        assertEquals(LocalDate.of(2025, 5, 31), month.end());
        assertEquals("2025-05", month.toString());

        PartialDate year = PartialDate.parse(" 2021 ").orElseThrow();
        assertEquals(PartialDate.Precision.YEAR, year.precision());
        assertEquals(LocalDate.of(2021, 1, 1), year.start());
        assertEquals(LocalDate.of(2021, 12, 31), year.end());
        assertEquals(LocalDate.of(2024, 2, 29), PartialDate.parse("2024-02").orElseThrow().end());
    }

    @Test
    void neverThrowsOnBadText() {
        for (String bad : new String[] {null, "", " ", "2025-13", "2025-02-30", "2025-5", "25-05-01", "May 2025",
                "2025-05-01T00:00", "\u0000", "２０２５", "2025-00", "-2025"}) {
            assertTrue(PartialDate.parse(bad).isEmpty(), () -> "parsed: " + bad);
        }
    }

    @Test
    void ordersLessPreciseBeforeTheDaysItCovers() {
        List<PartialDate> list = new ArrayList<>();
        for (String s : new String[] {"2021-04-28", "2021-04", "2021", "2020-12-31", "2021-05-21"}) {
            list.add(PartialDate.parse(s).orElseThrow());
        }
        list.sort(null);
        assertEquals("[2020-12-31, 2021, 2021-04, 2021-04-28, 2021-05-21]", list.toString());
        assertTrue(PartialDate.parse("2025-05").orElseThrow().startedBy(LocalDate.of(2025, 5, 1)));
    }
}
