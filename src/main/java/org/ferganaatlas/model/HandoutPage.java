package org.ferganaatlas.model;

import java.util.Objects;

/**
 * One page of a handout or one exported picture: a stored view with the words printed around it and what was drawn
 * over it. The current view is one page; a tour gives one per stop (its title, its caption, its view, its drawing).
 *
 * @param title   printed above the map (never blank: the atlas's name is used when there is nothing better)
 * @param caption printed under the title; may be empty
 * @param view    what the map shows
 * @param drawing the pen strokes over the map, or {@link Drawing#EMPTY}
 */
public record HandoutPage(String title, String caption, ViewSnapshot view, Drawing drawing) {
    public HandoutPage {
        Objects.requireNonNull(view, "a page needs its view");
        title = title == null ? "" : title.strip();
        caption = caption == null ? "" : caption.strip();
        drawing = drawing == null ? Drawing.EMPTY : drawing;
    }
}
