package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * atlas.css is one file that several branches append to: a rule left open by a merge makes JavaFX's parser drop every
 * rule after it, silently (the handouts and the tours lost their looks that way). Every rule must be closed.
 */
class StyleSheetTest {
    @Test
    void everyRuleIsClosed() throws Exception {
        String css;
        try (InputStream in = AtlasWindow.class.getResourceAsStream("atlas.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String code = css.replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0, line = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                int at = line;
                assertTrue(depth == 1, () -> "a rule opens inside another (the one before it is not closed), near line " + at
                        + " of the comment-free style sheet");
            } else if (c == '}') {
                depth--;
                int at = line;
                assertTrue(depth == 0, () -> "a } without its rule near line " + at);
            }
        }
        assertEquals(0, depth, "the last rule is not closed");
    }
}
