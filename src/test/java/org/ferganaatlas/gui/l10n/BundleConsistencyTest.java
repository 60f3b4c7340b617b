package org.ferganaatlas.gui.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every translation has exactly the keys English has (in the manner of JabRef's LocalizationConsistencyTest): a key
 * missing from a language would show English in the middle of it, an extra one is a key English lost or a typo.
 * Besides: no key twice in a file (the second silently wins), every value English passes to a pattern is used by the
 * translation too, every pattern parses as an ICU MessageFormat, and each file says who or what translated it.
 */
class BundleConsistencyTest {
    static final Path DIR = Path.of("src/main/resources/org/ferganaatlas/gui/l10n");

    /** Keys and values of one file in order, failing on a key given twice. Our bundles use no continuation lines. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int eq = t.indexOf('=');
            assertTrue(eq > 0, file.getFileName() + ":" + n + ": not key=value: " + t);
            String key = t.substring(0, eq).strip();
            if (out.put(key, unescape(t.substring(eq + 1))) != null) {
                twice.add(key + " (line " + n + ")");
            }
        }
        assertTrue(twice.isEmpty(), file.getFileName() + " has keys twice: " + twice);
        return out;
    }

    private static String unescape(String v) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader("k=" + v));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p.getProperty("k");
    }

    /** The numbered arguments a pattern uses. */
    static Set<Integer> arguments(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Set<Integer> args = new TreeSet<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                args.add(p.getValue());
            }
        }
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "ky", "tg", "uz"})
    void aTranslationHasExactlyTheKeysOfEnglish(String lang) throws IOException {
        Map<String, String> en = read(DIR.resolve("messages.properties"));
        Map<String, String> tr = read(DIR.resolve("messages_" + lang + ".properties"));
        Set<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(tr.keySet());
        Set<String> extra = new TreeSet<>(tr.keySet());
        extra.removeAll(en.keySet());
        assertEquals(Set.of(), missing, "messages_" + lang + ".properties lacks keys English has");
        assertEquals(Set.of(), extra, "messages_" + lang + ".properties has keys English does not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "ky", "tg", "uz"})
    void aTranslationUsesTheValuesEnglishShowsAndItsPatternsParse(String lang) throws IOException {
        Map<String, String> en = read(DIR.resolve("messages.properties"));
        Map<String, String> tr = read(DIR.resolve("messages_" + lang + ".properties"));
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : tr.entrySet()) {
            String english = en.get(e.getKey());
            if (english == null) {
                continue;
            }
            try {
                Set<Integer> want = arguments(english), have = arguments(e.getValue());
                if (!have.containsAll(want)) {
                    bad.add(e.getKey() + ": uses " + have + ", English shows " + want);
                }
            } catch (IllegalArgumentException ex) {
                bad.add(e.getKey() + ": " + ex.getMessage());
            }
        }
        assertEquals(List.of(), bad, "messages_" + lang + ".properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "ky", "tg", "uz"})
    void aTranslationSaysWhoOrWhatMadeIt(String lang) throws IOException {
        String head = String.join("\n", Files.readAllLines(DIR.resolve("messages_" + lang + ".properties"), StandardCharsets.UTF_8)
                .stream().takeWhile(l -> l.startsWith("#")).toList());
        assertTrue(head.contains("Translation:"), "messages_" + lang + ".properties: a '# Translation:' line says who or what translated it and who reviewed it");
    }

    @org.junit.jupiter.api.Test
    void uzbekWritesOkinaAndTutuqWithTheirOwnLettersNotApostrophes() throws IOException {
        for (Map.Entry<String, String> e : read(DIR.resolve("messages_uz.properties")).entrySet()) {
            assertTrue(e.getValue().indexOf('\'') < 0 && e.getValue().indexOf('\u2018') < 0 && e.getValue().indexOf('\u2019') < 0,
                    () -> e.getKey() + ": write oʻ gʻ with U+02BB and the tutuq belgisi with U+02BC: " + e.getValue());
        }
    }
}
