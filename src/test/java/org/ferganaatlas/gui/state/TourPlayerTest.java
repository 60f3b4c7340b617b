package org.ferganaatlas.gui.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;
import org.junit.jupiter.api.Test;

/** The tour player without a window: what each step shows, its ends, Esc, and the drawing a stop brings. */
class TourPlayerTest {
    private static final Drawing DRAWN = new Drawing(List.of(
            new Drawing.Stroke(Drawing.Tool.PEN, "#d03030", 4, new double[] {70.6, 40.1, 70.7, 40.2})));

    private static GuidedTour tour() {
        return new GuidedTour("T", "", null, List.of(
                new GuidedTour.Stop("A", "", "", new ViewSnapshot(40.75, 71.6, 8, LocalDate.of(2020, 6, 1),
                        Set.of("borders", "towns"), List.of(), null, null), Drawing.EMPTY),
                new GuidedTour.Stop("B", "", "", new ViewSnapshot(40.1083, 70.6427, 11, LocalDate.of(2025, 3, 13),
                        Set.of("borders", "crossings"), List.of("crossing:kyzyl-bel"), "crossing:kyzyl-bel", null), DRAWN)));
    }

    @Test
    void eachStepRestoresItsViewFlyingAndBringsItsDrawing() {
        AtlasState s = new AtlasState();
        List<MapCommand> sent = new ArrayList<>();
        s.commands().listen(sent::add);
        TourPlayer p = s.tours();
        p.play(tour(), 0);
        assertEquals(0, p.indexProperty().get());
        assertEquals(new MapCommand.FlyTo(40.75, 71.6, 8), sent.get(sent.size() - 1));
        assertEquals(LocalDate.of(2020, 6, 1), s.mapDateProperty().get());
        assertEquals(Set.of("borders", "towns"), Set.copyOf(s.layers().visibleIds()));
        assertFalse(p.previous(), "nothing before the first stop");
        assertTrue(p.next());
        assertEquals(new MapCommand.FlyTo(40.1083, 70.6427, 11), sent.get(sent.size() - 1));
        assertEquals("crossing:kyzyl-bel", s.selectedKeyProperty().get());
        assertEquals(DRAWN, s.drawingProperty().get());
        assertFalse(p.next(), "the last stop stays");
        assertEquals(1, p.indexProperty().get());
        assertTrue(p.previous());
        assertEquals(Drawing.EMPTY, s.drawingProperty().get(), "a stop without a drawing clears the last one");
        p.next();

        // Esc: the tour ends before the details close; the tour's drawing goes with it, the view stays
        assertTrue(s.escape());
        assertFalse(p.active());
        assertNull(p.stopProperty().get());
        assertEquals("crossing:kyzyl-bel", s.selectedKeyProperty().get());
        assertEquals(Drawing.EMPTY, s.drawingProperty().get());
        assertTrue(s.escape());
        assertNull(s.selectedKeyProperty().get());
    }

    @Test
    void aTourWithoutStopsDoesNotStart() {
        AtlasState s = new AtlasState();
        s.tours().play(new GuidedTour("Empty", "", null, List.of()), 0);
        assertFalse(s.tours().active());
        assertFalse(s.tours().next());
    }
}
