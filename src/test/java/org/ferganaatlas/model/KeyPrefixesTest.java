package org.ferganaatlas.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Key prefixes ({@code "crossing:"}, {@code "event:"}) are spelled in one place: {@link FeatureKind}, {@link FeatureKey},
 * {@link RecordKind} and {@link RecordKey}. Everywhere else in the shipped code a key is parsed with those types, so a
 * new kind or a renamed prefix is one change, not a search through the panels.
 */
class KeyPrefixesTest {
    private static final Set<String> OWNERS = Set.of("FeatureKind.java", "FeatureKey.java", "RecordKind.java", "RecordKey.java");

    @Test
    void noShippedCodeSpellsAKeyPrefixOutsideTheVocabulary() throws IOException {
        String prefixes = Stream.concat(Stream.of(FeatureKind.values()).map(FeatureKind::id),
                Stream.of(RecordKind.values()).map(RecordKind::prefix)).collect(Collectors.joining("|"));
        // a string literal that starts with a prefix and its colon, e.g. "border:" or "event:2021"
        Pattern literal = Pattern.compile("\"(?:" + prefixes + "):");
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 50, "sources found: " + files.size());
        for (Path f : files) {
            if (OWNERS.contains(f.getFileName().toString()) && f.getParent().endsWith(Path.of("org/ferganaatlas/model"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//")) {
                    continue; // documentation may show a key
                }
                Matcher m = literal.matcher(line);
                if (m.find()) {
                    found.add(f + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertTrue(found.isEmpty(), "parse keys with FeatureKey/RecordKey instead of spelling their prefix:\n"
                + String.join("\n", found));
    }
}
