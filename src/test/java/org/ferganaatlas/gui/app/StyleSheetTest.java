package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The window's one style sheet parses without an error: JavaFX only logs a parse error and drops everything after it,
 * so a brace lost in a merge would silently unstyle half the window (it did once).
 */
class StyleSheetTest {
    @Test
    void atlasCssParsesCleanly() throws Exception {
        URL css = AtlasWindow.class.getResource("atlas.css");
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        CssParser.errorsProperty().clear();
        assertEquals(List.of(), errors, "atlas.css parse errors");
        assertFalse(sheet.getRules().isEmpty());
        // the last rule of the file is still there (nothing after an error was swallowed)
        String last = sheet.getRules().get(sheet.getRules().size() - 1).getSelectors().toString();
        assertFalse(last.isBlank(), last);
    }
}
