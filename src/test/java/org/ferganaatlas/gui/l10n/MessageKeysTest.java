package org.ferganaatlas.gui.l10n;

import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.SearchGroup;


import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle key the window uses exists in the English bundle: keys passed as literals to
 * {@code Messages.get/getOr/format}, keys named by enums ({@link org.ferganaatlas.model.BuiltInLayer}, {@link org.ferganaatlas.model.SearchGroup}) and keys that legends refer to
 * ({@code "legend.…"} literals), plus the data-driven families the map needs (kinds, crossing statuses,
 * confidences, languages).
 */
class MessageKeysTest {
    private static final Pattern CALL = Pattern.compile("Messages\\.(?:get|getOr|format|text)\\(\\s*\"([^\"]+)\"");
    private static final Pattern NAMED = Pattern.compile("\"((?:layer|legend|toolbar|details|status|error|derivation)\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern FXML = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");

    @Test
    void everyKeyUsedInCodeIsInTheBundle() throws IOException {
        ResourceBundle en = ResourceBundle.getBundle("org.ferganaatlas.gui.l10n.messages", Locale.ROOT);
        TreeSet<String> used = new TreeSet<>();
        Path src = Path.of("src/main/java/org/ferganaatlas/gui");
        Path res = Path.of("src/main/resources/org/ferganaatlas/gui");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        if (Files.isDirectory(res)) {
            try (Stream<Path> s = Files.walk(res)) {
                s.filter(p -> p.toString().endsWith(".fxml")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 5, "sources found: " + files);
        for (Path f : files) {
            String text = Files.readString(f);
            for (Pattern p : f.toString().endsWith(".fxml") ? List.of(FXML) : List.of(CALL, NAMED)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (BuiltInLayer id : BuiltInLayer.values()) {
            used.add(id.messageKey());
            used.add(id.hintKey());
        }
        for (SearchGroup g : SearchGroup.values()) {
            used.add(g.messageKey());
        }
        for (String kind : List.of("border", "enclave", "crossing", "junction", "monument", "village", "town", "river", "country")) {
            used.add("kind." + kind);
        }
        for (String s : List.of("open", "closed", "restricted")) {
            used.add("status.crossing_status." + s);
        }
        for (String c : List.of("high", "medium", "low")) {
            used.add("confidence." + c);
        }
        for (String l : List.of("en", "ru", "ky", "tg", "uz", "alt")) {
            used.add("lang." + l);
        }
        for (Locale l : Messages.LANGUAGES) {
            used.add("language.self." + l.getLanguage()); // the language menu names each language in its own words
        }
        for (org.ferganaatlas.data.AtlasDataException.Problem p : org.ferganaatlas.data.AtlasDataException.Problem.values()) {
            used.add("error.db." + p.key()); // AtlasApp.databaseMessage
        }
        for (org.ferganaatlas.data.user.UserDataException.Problem p : org.ferganaatlas.data.user.UserDataException.Problem.values()) {
            used.add("notice.userDatabase." + p.key()); // StatusBar: the user's database could not be opened
        }
        for (org.ferganaatlas.data.io.ImportException.Problem p : org.ferganaatlas.data.io.ImportException.Problem.values()) {
            used.add("import.error." + p.key()); // ImportDialogs.refused
        }
        for (org.ferganaatlas.data.io.ImportIssue.Problem p : org.ferganaatlas.data.io.ImportIssue.Problem.values()) {
            used.add("import.issue." + p.key()); // ImportDialogs.issues
        }
        // keys ending in '.' are prefixes of data-driven families, checked above
        used.removeIf(k -> k.endsWith("."));
        List<String> missing = new ArrayList<>();
        for (String k : used) {
            if (!en.containsKey(k)) {
                missing.add(k);
            }
        }
        assertTrue(used.size() > 50, "keys found: " + used.size());
        assertTrue(missing.isEmpty(), "missing in messages.properties: " + missing);
    }
}
