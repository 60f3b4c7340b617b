package org.ferganaatlas.gui.panels;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.Pen;
import org.ferganaatlas.gui.state.ToolMode;

/**
 * The drawing tools, floating over the map while one of them is on: pen, highlighter, eraser, laser pointer, the
 * pen's colours and widths, undo and clear, and Done (back to panning). It writes only the state's tool and pen.
 */
public final class DrawPalette extends HBox implements AtlasPanel {
    public DrawPalette(AtlasContext ctx) {
        AtlasState state = ctx.state();
        Pen pen = state.pen();
        setId("draw-palette");
        getStyleClass().add("draw-palette");
        setAlignment(Pos.CENTER_LEFT);
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        ToggleGroup tools = new ToggleGroup();
        ToolMode[] modes = {ToolMode.PEN, ToolMode.HIGHLIGHTER, ToolMode.ERASER, ToolMode.LASER};
        for (ToolMode m : modes) {
            String id = m.name().toLowerCase(java.util.Locale.ROOT);
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(Messages.text("draw." + id));
            b.setTooltip(tip("draw." + id + ".tip"));
            b.setId("draw-" + id);
            b.setToggleGroup(tools);
            b.setUserData(m);
            b.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(b);
        }
        Runnable showTool = () -> tools.getToggles().forEach(t -> t.setSelected(t.getUserData() == state.toolProperty().get()));
        tools.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                state.toolProperty().set((ToolMode) t.getUserData());
            } else if (state.toolProperty().get().draws()) {
                showTool.run(); // a second click on the chosen tool keeps it (Done puts the pen away)
            }
        });
        state.toolProperty().addListener(o -> showTool.run());
        showTool.run();

        HBox colours = new HBox();
        colours.getStyleClass().add("draw-colours");
        ToggleGroup colourGroup = new ToggleGroup();
        for (int i = 0; i < Pen.COLORS.length; i++) {
            String c = Pen.COLORS[i];
            ToggleButton b = new ToggleButton();
            Circle dot = new Circle(7, Color.web(c));
            dot.getStyleClass().add("draw-colour-dot");
            b.setGraphic(dot);
            b.setId("draw-colour-" + i);
            b.getStyleClass().add("draw-colour");
            b.setToggleGroup(colourGroup);
            b.setUserData(c);
            b.setTooltip(tip("draw.colour." + i));
            b.accessibleTextProperty().bind(Messages.text("draw.colour." + i));
            colours.getChildren().add(b);
        }
        colourGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                pen.colorProperty().set((String) t.getUserData());
            }
        });
        Runnable showColour = () -> colourGroup.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(pen.colorProperty().get())));
        pen.colorProperty().addListener(o -> showColour.run());
        showColour.run();

        HBox widths = new HBox();
        widths.getStyleClass().add("draw-widths");
        ToggleGroup widthGroup = new ToggleGroup();
        String[] widthNames = {"draw.width.thin", "draw.width.medium", "draw.width.thick"};
        for (int i = 0; i < Pen.WIDTHS.length; i++) {
            double w = Pen.WIDTHS[i];
            ToggleButton b = new ToggleButton();
            Region bar = new Region();
            bar.getStyleClass().add("draw-width-sample");
            bar.setPrefSize(16, w);
            bar.setMaxHeight(w);
            b.setGraphic(bar);
            b.setId("draw-width-" + i);
            b.setToggleGroup(widthGroup);
            b.setUserData(w);
            b.setTooltip(tip(widthNames[i]));
            b.accessibleTextProperty().bind(Messages.text(widthNames[i]));
            widths.getChildren().add(b);
        }
        widthGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                pen.widthProperty().set((Double) t.getUserData());
            }
        });
        widthGroup.getToggles().forEach(t -> t.setSelected(((Double) t.getUserData()) == pen.widthProperty().get()));

        Button undo = new Button();
        undo.textProperty().bind(Messages.text("draw.undo"));
        undo.setTooltip(tip("draw.undo.tip"));
        undo.setId("draw-undo");
        undo.disableProperty().bind(pen.canUndoProperty().not());
        undo.setOnAction(e -> pen.undo());
        Button clear = new Button();
        clear.textProperty().bind(Messages.text("draw.clear"));
        clear.setTooltip(tip("draw.clear.tip"));
        clear.setId("draw-clear");
        clear.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> state.drawingProperty().get().isEmpty(), state.drawingProperty()));
        clear.setOnAction(e -> pen.clear());
        Button done = new Button();
        done.textProperty().bind(Messages.text("draw.done"));
        done.setTooltip(tip("draw.done.tip"));
        done.setId("draw-done");
        done.getStyleClass().add("draw-done");
        done.setOnAction(e -> state.toolProperty().set(ToolMode.PAN));
        Label sep1 = new Label(), sep2 = new Label();
        sep1.getStyleClass().add("draw-separator");
        sep2.getStyleClass().add("draw-separator");
        for (Button b : new Button[]{undo, clear, done}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(sep1, colours, widths, sep2, undo, clear, done);
        // shown while a drawing tool is on
        visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> state.toolProperty().get().draws(), state.toolProperty()));
        managedProperty().bind(visibleProperty());
    }

    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(Messages.text(key));
        return t;
    }
}
