package org.ferganaatlas.gui.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.ferganaatlas.data.user.Note;
import org.ferganaatlas.data.user.NoteFiles;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.NoteBook;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.model.BuiltInLayer;

/**
 * The user's notes as pins ("My notes" in the layers panel), at the note's own point or its feature's. A click on a
 * pin chooses the note ({@link NoteBook#selectedProperty()}: the notes tab opens it), not the feature under it. While
 * the pin tool is on ({@link ToolMode#PIN}), a click anywhere on the map is where a new note goes
 * ({@link NoteBook#pinRequestProperty()}) and the tool is put away.
 */
public final class NotesLayer extends OverlayLayer {
    /** Marks the pin of the note chosen (a pseudo-class of its own: {@code :selected} follows the selected feature). */
    public static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private final NoteBook notes;

    public NotesLayer(AtlasContext ctx, MapView map) {
        super(ctx.state(), ctx.data());
        this.notes = ctx.user().notes();
        setId("notes-layer");
        getStyleClass().add("notes-layer");
        BuiltInLayer layer = BuiltInLayer.NOTES;
        visibleProperty().bind(state.layers().visible(layer));
        notes.notes().addListener((javafx.collections.ListChangeListener<Note>) c -> invalidate());
        notes.selectedProperty().addListener(o -> markChosen());
        state.toolProperty().addListener((o, was, tool) -> {
            if (tool == ToolMode.PIN) {
                map.setCursor(Cursor.CROSSHAIR);
            } else if (was == ToolMode.PIN) {
                map.setCursor(null);
            }
        });
        // a filter, like the measure tool's: the click that places a note selects nothing and does not zoom
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (state.toolProperty().get() != ToolMode.PIN || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            e.consume();
            if (!e.isStillSincePress()) {
                return;
            }
            Point2D local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
            placeAt(map.getMapPosition(local.getX(), local.getY()));
        });
    }

    /** The pin tool's click: a new note's place (Gluon's MapPoint is latitude, longitude). */
    private void placeAt(MapPoint p) {
        if (p == null || !Double.isFinite(p.getLatitude()) || !Double.isFinite(p.getLongitude())) {
            return;
        }
        state.toolProperty().set(ToolMode.PAN);
        state.sideTabProperty().set(SideTab.NOTES);
        notes.pinRequestProperty().set(new NoteFiles.LatLon(p.getLatitude(), p.getLongitude()));
    }

    @Override
    protected void build(Frame f) {
        List<Note> all = notes.notes();
        for (Note n : all) {
            Optional<NoteFiles.LatLon> at = NoteBook.placeOf(n, data);
            if (at.isEmpty()) {
                continue;
            }
            double x = f.x(at.get().lon()), y = f.y(at.get().lat());
            if (!f.contains(x, y)) {
                continue;
            }
            Region pin = reuse("note|" + n.id(), () -> {
                Region r = new Region();
                r.translateXProperty().bind(r.widthProperty().divide(-2));
                r.translateYProperty().bind(r.heightProperty().negate()); // the pin's point is on the place
                return r;
            });
            classes(pin, List.of("note-pin"));
            pin.getProperties().put(NOTE_ID, n.id());
            if (!(pin.getUserData() instanceof Note same) || !same.title().equals(n.title())) {
                Tooltip.install(pin, new Tooltip(n.title()));
            }
            pin.setUserData(n);
            pin.setAccessibleText(n.title());
            pin.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && state.toolProperty().get() == ToolMode.PAN) {
                    e.consume();
                    state.sideTabProperty().set(SideTab.NOTES);
                    notes.selectedProperty().set(n.id());
                }
            });
            pin.setLayoutX(x);
            pin.setLayoutY(y);
            content.getChildren().add(pin);
        }
        markChosen();
    }

    private static final String NOTE_ID = "atlas.noteId";

    private void markChosen() {
        Long chosen = notes.selectedProperty().get();
        for (javafx.scene.Node n : content.getChildren()) {
            n.pseudoClassStateChanged(CHOSEN, chosen != null && chosen.equals(n.getProperties().get(NOTE_ID)));
        }
    }

    /** The pins drawn now, by note id (tests). */
    public java.util.Map<Long, Region> pins() {
        java.util.Map<Long, Region> out = new java.util.LinkedHashMap<>();
        for (javafx.scene.Node n : content.getChildren()) {
            if (n instanceof Region r && n.getProperties().get(NOTE_ID) instanceof Long id) {
                out.put(id, r);
            }
        }
        return out;
    }
}
