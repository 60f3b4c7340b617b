package org.ferganaatlas.gui.common;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Building blocks shared by the reading panels (details, treaties, timeline). Only parts: the panels still
 * never call each other, they observe {@link AtlasState}.
 */
public final class PanelParts {
    private PanelParts() {}

    /**
     * Puts {@code body} in a scroll pane that scrolls vertically only, fits the body to its width and takes all
     * the height {@code panel} has left; adds it to {@code panel} and returns it.
     */
    public static ScrollPane scrollingBody(VBox panel, VBox body, String scrollStyleClass) {
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(scrollStyleClass);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // ScrollPane turns a wheel notch into a small fraction of the content (six notches moved ~200 px of a long
        // dossier); a notch here moves the text by WHEEL_LINES lines of text, as text views do.
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double room = body.getHeight() - scroll.getViewportBounds().getHeight();
            if (room <= 0 || e.getDeltaY() == 0) {
                return;
            }
            // deltaY is notches times the platform's multiplier (40 on the desktops; touchpads send fractions of a notch)
            double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40);
            double line = javafx.scene.text.Font.getDefault().getSize() * 1.4;
            double px = notches * WHEEL_LINES * line;
            scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() - px / room)));
            e.consume();
        });
        panel.getChildren().add(scroll);
        return scroll;
    }

    /** Lines of text one wheel notch scrolls a panel by. */
    public static final int WHEEL_LINES = 4;

    /** A wrapping label as tall as its text. */
    public static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * A source's address as read-only text the user can select and copy. Text, not a link: the atlas never
     * goes online.
     */
    public static TextField sourceUrl(String url) {
        TextField field = new TextField(url);
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.getStyleClass().add("source-url");
        return field;
    }

    /** The node id of a record's entry in a reader ({@code record-event_2021-04-clashes}), for look-ups and tests. */
    public static String nodeId(String recordKey) {
        return "record-" + recordKey.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
