package org.ferganaatlas.gui.state;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the window tells the user once, without a dialog ("3 notes exported to …", "Note deleted" with Undo): any part
 * of the window posts here, the notice bar shows the latest until it is closed, replaced, or its action is taken. FX
 * thread.
 */
public final class Notices {
    /**
     * One notice.
     *
     * @param text      what to say, in the user's language
     * @param actionKey the bundle key of its button's label ({@code notes.undo}), or null for none
     * @param action    what the button does (the notice goes once it is pressed), or null
     */
    public record Notice(String text, String actionKey, Runnable action) {
        public Notice {
            java.util.Objects.requireNonNull(text, "text");
            if ((actionKey == null) != (action == null)) {
                throw new IllegalArgumentException("a notice's button needs a label and an action");
            }
        }
    }

    private final ObjectProperty<Notice> current = new SimpleObjectProperty<>(this, "current");

    /** The notice shown, or null. */
    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current;
    }

    /** Shows a message. */
    public void post(String text) {
        current.set(new Notice(text, null, null));
    }

    /** Shows a message with a button (Undo). */
    public void post(String text, String actionKey, Runnable action) {
        current.set(new Notice(text, actionKey, action));
    }

    /** Takes the notice away (closed, or no longer true). */
    public void clear() {
        current.set(null);
    }

    /** Takes this notice away if it is still the one shown. */
    public void clear(Notice n) {
        if (current.get() == n) {
            current.set(null);
        }
    }
}
