package org.ferganaatlas.gui.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;

/**
 * Read-only wrapped text the reader can select and copy (a JavaFX Label cannot be selected), styled in
 * atlas.css ({@code .selectable-text}) to look like a paragraph: no frame, no scroll bars, as tall as its text.
 */
public final class SelectableText extends TextArea {
    private final Text measure = new Text();

    public SelectableText(String text, String... styleClasses) {
        super(text == null ? "" : text);
        setEditable(false);
        setWrapText(true);
        setFocusTraversable(false);
        setPrefRowCount(1);
        getStyleClass().add("selectable-text");
        getStyleClass().addAll(styleClasses);
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        textProperty().addListener(o -> requestLayout());
        fontProperty().addListener(o -> requestLayout());
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 0.5) {
                requestLayout();
            }
        });
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 300;
        Insets in = getInsets();
        // once laid out at this width, the skin's own text node knows the true height
        if (lookup(".content") instanceof javafx.scene.layout.Region content && content.lookup(".text") instanceof Text shown
                && shown.getWrappingWidth() > 0 && Math.abs(w - getWidth()) < 1) {
            Insets ci = content.getInsets();
            return Math.ceil(shown.getLayoutBounds().getHeight()) + ci.getTop() + ci.getBottom() + in.getTop() + in.getBottom() + 2;
        }
        measure.setFont(getFont());
        measure.setText(getText().isEmpty() ? " " : getText());
        // a little narrower than the text area, so that our count of lines is never below the text area's own
        measure.setWrappingWidth(Math.max(10, w - in.getLeft() - in.getRight() - 12));
        return Math.ceil(measure.getLayoutBounds().getHeight()) + in.getTop() + in.getBottom() + 4;
    }

    private double laidOutHeight = -1;

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (lookup(".content") instanceof javafx.scene.layout.Region content && content.lookup(".text") instanceof Text shown
                && shown.getWrappingWidth() > 0) {
            double h = shown.getLayoutBounds().getHeight();
            if (Math.abs(h - laidOutHeight) > 0.5) {
                laidOutHeight = h;
                javafx.application.Platform.runLater(() -> {
                    if (getParent() != null) {
                        getParent().requestLayout();
                    }
                    requestLayout();
                });
            }
        }
    }
}
