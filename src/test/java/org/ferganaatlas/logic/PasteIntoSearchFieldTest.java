package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wiring the search field needs, on a real JavaFX {@code TextField} (Monocle, headless): a TextField deletes
 * line breaks from a paste, so "Osh⏎Batken" becomes "OshBatken"; a {@code TextFormatter} filter that passes each
 * change's text through {@link SearchQuery#singleLine} runs before that and keeps the words apart.
 */
class PasteIntoSearchFieldTest {
    @BeforeAll
    static void toolkit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
    }

    private static String paste(boolean withFilter) throws Exception {
        CompletableFuture<String> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TextField field = new TextField();
                if (withFilter) {
                    field.setTextFormatter(new TextFormatter<String>(change -> {
                        change.setText(SearchQuery.singleLine(change.getText()));
                        return change;
                    }));
                }
                ClipboardContent c = new ClipboardContent();
                c.putString("Osh\nBatken\r\nIsfara");
                Clipboard.getSystemClipboard().setContent(c);
                field.paste();
                out.complete(field.getText());
            } catch (Throwable t) {
                out.completeExceptionally(t);
            }
        });
        return out.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPastedListStaysSeparateWords() throws Exception {
        assertEquals("OshBatkenIsfara", paste(false), "JavaFX's own behaviour changed: recheck the wiring");
        assertEquals("Osh Batken Isfara", paste(true));
    }
}
