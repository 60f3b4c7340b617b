package org.ferganaatlas.gui.common;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/**
 * Dialogs nobody can click: with {@code -Datlas.noninteractive=true} (tests, the scripted walkthrough, installer smoke
 * tests) a dialog is shown, its text printed to stdout as {@code atlas-dialog: …} lines, closed again, and answered
 * with its default (the safe choice: nothing imported, nothing changed).
 */
public final class Dialogs {
    private Dialogs() {}

    public static boolean nonInteractive() {
        return Boolean.getBoolean("atlas.noninteractive");
    }

    /** Shows a dialog and waits for the answer (the default button's in non-interactive runs). */
    public static Optional<ButtonType> ask(Alert a, ButtonType whenNobodyIsThere) {
        if (nonInteractive()) {
            a.show();
            print(a);
            a.close();
            return Optional.of(whenNobodyIsThere);
        }
        return a.showAndWait();
    }

    /** Shows a dialog without waiting (printed and closed in non-interactive runs). */
    public static void tell(Alert a) {
        if (nonInteractive()) {
            a.show();
            print(a);
            a.close();
        } else {
            a.show();
        }
    }

    /** Prints a dialog's header and text as shown. */
    public static void print(Alert a) {
        String text = a.getDialogPane().getContent() instanceof Label l ? l.getText() : a.getContentText();
        System.out.println("atlas-dialog: " + a.getHeaderText());
        for (String line : String.valueOf(text).split("\n")) {
            System.out.println("atlas-dialog: " + line);
        }
    }

    /** A dialog with a header and a wrapped text in the window's style. */
    public static Alert alert(Alert.AlertType type, String title, String header, String text, String stylesheet,
                              ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.setTitle(title);
        a.setHeaderText(header);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(560);
        a.getDialogPane().setContent(body);
        if (stylesheet != null) {
            a.getDialogPane().getStylesheets().add(stylesheet);
        }
        return a;
    }
}
