package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.logic.TextFold;

/**
 * A small atlas database made from the real schema.sql (on the test class path) with realistic rows,
 * filled the way the database build fills the search index: {@code fold} holds the folds of the
 * primary name and every other name. For search tests, fuzzing and the benchmark's fallback.
 */
public final class SearchTestDatabase {
    private SearchTestDatabase() {}

    /** A feature and its names (lang:name pairs; the first en name is the primary one). */
    private record Row(String key, String kind, String nameEn, String country, int rank, String body, String[] names) {}

    private static Row f(String key, String kind, String nameEn, String country, int rank, String body, String... names) {
        return new Row(key, kind, nameEn, country, rank, body, names);
    }

    private static final List<Row> FEATURES = List.of(
            f("town:1514879", "town", "Khujand", "TJK", 1, "Second city of Tajikistan, on the Syr Darya.",
                    "ru:Худжанд", "tg:Хуҷанд", "uz:Xo'jand", "alt:Khodjent", "alt:Khodzhent", "alt:Leninabad", "alt:Ленинабад"),
            f("town:1528334", "town", "Osh", "KGZ", 0, "Largest city of southern Kyrgyzstan.",
                    "ru:Ош", "ky:Ош", "uz:O'sh"),
            f("town:1484846", "town", "Andijan", "UZB", 1, null, "ru:Андижан", "uz:Andijon", "uz:Андижон"),
            f("town:1514588", "town", "Fergana", "UZB", 1, null, "ru:Фергана", "uz:Farg'ona", "uz:Фарғона"),
            f("town:1513157", "town", "Kokand", "UZB", 2, null, "ru:Коканд", "uz:Qo'qon", "uz:Қўқон"),
            f("town:1528249", "town", "Batken", "KGZ", 3, null, "ru:Баткен", "ky:Баткен"),
            f("town:1221194", "town", "Isfara", "TJK", 3, "Town on the Isfara river, near Vorukh.", "ru:Исфара", "tg:Исфара"),
            f("town:1528121", "town", "Kyzyl-Kiya", "KGZ", 3, null, "ru:Кызыл-Кия", "ky:Кызыл-Кыя"),
            f("village:1514880", "village", "Khuji Obod", "TJK", 8, null, "tg:Хуҷи Обод"),
            f("village:1222666", "village", "Kairagach", "TJK", 9, null, "ru:Кайрагач"),
            f("enclave:sokh", "enclave", "Sokh", "UZB", 2, "Uzbek exclave in Kyrgyzstan's Batken region.",
                    "ru:Сох", "uz:So'x", "uz:Сўх", "ky:Сох"),
            f("enclave:vorukh", "enclave", "Vorukh", "TJK", 2, "Tajik exclave surrounded by Kyrgyzstan.", "ru:Ворух", "tg:Ворух"),
            f("river:sokh", "river", "Sokh River", null, 5, null, "ru:Сох", "uz:So'x daryosi"),
            f("crossing:kyzyl-bel", "crossing", "Kyzyl-Bel", "KGZ", 2,
                    "Road crossing between Batken and Isfara; closed after the 2022 clashes, reopened on 14 March 2025.",
                    "ru:Кызыл-Бел", "ky:Кызыл-Бел", "tg:Қизил-Бел"),
            f("crossing:dostuk", "crossing", "Dostuk", "KGZ", 2, "Main road crossing between Osh and Andijan.",
                    "ru:Достук", "uz:Do'stlik"),
            f("crossing:kairagach", "crossing", "Kairagach", "TJK", 4, null, "ru:Кайрагач"),
            f("tripoint:KGZ-TJK-UZB", "tripoint", "Kyrgyzstan–Tajikistan–Uzbekistan junction point", null, 1,
                    "Point where the three borders meet, fixed by the trilateral treaty of 31 March 2025.",
                    "ru:Точка стыка государственных границ"),
            f("country:KGZ", "country", "Kyrgyzstan", "KGZ", 0, null, "ru:Кыргызстан", "ky:Кыргызстан", "uz:Qirg'iziston"),
            f("country:TJK", "country", "Tajikistan", "TJK", 0, null, "ru:Таджикистан", "tg:Тоҷикистон"),
            f("country:UZB", "country", "Uzbekistan", "UZB", 0, null, "ru:Узбекистан", "uz:O'zbekiston"));

    /** Treaties and events: in the search table but not in feature. */
    private static final String[][] OTHERS = {
        {"treaty:kgz-tjk-2025", "treaty", "Treaty on the State Border between Kyrgyzstan and Tajikistan",
            "Signed in Bishkek on 13 March 2025; settles the whole border including Vorukh and the Kyzyl-Bel road."},
        {"event:2022-09-batken", "event", "Clashes in Batken and Isfara",
            "Fighting along the border in September 2022; villages near Kyzyl-Bel were evacuated."},
    };

    /** Creates the database in {@code dir} and returns its path. */
    public static Path create(Path dir) throws IOException, SQLException {
        Path file = dir.resolve("search-test.sqlite");
        Files.deleteIfExists(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : schemaStatements()) {
                    st.executeUpdate(sql);
                }
            }
            try (PreparedStatement feature = c.prepareStatement(
                    "INSERT INTO feature(id, key, kind, name_en, country, rank, min_zoom, confidence, source_ids, props)"
                            + " VALUES(?,?,?,?,?,?,6,'high','ds-test','{}')");
                 PreparedStatement name = c.prepareStatement(
                         "INSERT INTO name(feature_key, lang, name, is_primary, source_ids) VALUES(?,?,?,?,'ds-test')");
                 PreparedStatement search = c.prepareStatement(
                         "INSERT INTO search(ref, kind, name, names, body, fold) VALUES(?,?,?,?,?,?)")) {
                int id = 1;
                for (Row r : FEATURES) {
                    feature.setInt(1, id++);
                    feature.setString(2, r.key());
                    feature.setString(3, r.kind());
                    feature.setString(4, r.nameEn());
                    feature.setString(5, r.country());
                    feature.setInt(6, r.rank());
                    feature.executeUpdate();
                    Set<String> langsWithPrimary = new LinkedHashSet<>();
                    insertName(name, r.key(), "en", r.nameEn(), langsWithPrimary.add("en"));
                    List<String> others = new ArrayList<>();
                    for (String ln : r.names()) {
                        int colon = ln.indexOf(':');
                        String lang = ln.substring(0, colon), n = ln.substring(colon + 1);
                        insertName(name, r.key(), lang, n, !lang.equals("alt") && langsWithPrimary.add(lang));
                        if (!others.contains(n)) {
                            others.add(n);
                        }
                    }
                    insertSearch(search, r.key(), r.kind(), r.nameEn(), others, r.body());
                }
                for (String[] o : OTHERS) {
                    insertSearch(search, o[0], o[1], o[2], List.of(), o[3]);
                }
            }
            c.commit();
        }
        return file;
    }

    /**
     * The small database plus {@code villages} made-up villages with Turkic/Tajik-sounding names in Latin,
     * Cyrillic and Uzbek Latin: a stand-in of realistic size for benchmarks while the real one is not built.
     */
    public static Path createSynthetic(Path dir, int villages) throws IOException, SQLException {
        Path file = create(dir);
        String[] syl = {"ka", "ra", "su", "bel", "kyz", "yl", "ak", "tash", "kul", "sai", "bu", "lak", "ko", "chi",
            "dzhar", "ob", "od", "kan", "bad", "yar", "ish", "khu", "jan", "sokh", "vo", "rukh", "is", "fa", "ta",
            "mo", "zor", "gul", "shah", "dar", "kent", "ab", "ad", "ni", "mar", "ge"};
        java.util.Random r = new java.util.Random(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (PreparedStatement feature = c.prepareStatement(
                    "INSERT INTO feature(id, key, kind, name_en, country, rank, min_zoom, confidence, source_ids, props)"
                            + " VALUES(?,?,'village',?,'KGZ',?,12,'medium','ds-test','{}')");
                 PreparedStatement name = c.prepareStatement(
                         "INSERT OR IGNORE INTO name(feature_key, lang, name, is_primary, source_ids) VALUES(?,?,?,?,'ds-test')");
                 PreparedStatement search = c.prepareStatement(
                         "INSERT INTO search(ref, kind, name, names, body, fold) VALUES(?,?,?,?,?,?)")) {
                for (int i = 0; i < villages; i++) {
                    StringBuilder en = new StringBuilder();
                    int parts = 2 + r.nextInt(2);
                    for (int k = 0; k < parts; k++) {
                        if (k == parts - 1 && parts == 3 && r.nextBoolean()) {
                            en.append('-');
                        }
                        en.append(syl[r.nextInt(syl.length)]);
                    }
                    String latin = Character.toUpperCase(en.charAt(0)) + en.substring(1);
                    String key = "village:s" + i;
                    feature.setInt(1, 100_000 + i);
                    feature.setString(2, key);
                    feature.setString(3, latin);
                    feature.setInt(4, 8 + r.nextInt(4));
                    feature.executeUpdate();
                    String ru = cyrillic(latin);
                    String uz = latin.replace("kh", "x").replace("dzh", "j").replace("a", r.nextBoolean() ? "o" : "a");
                    insertName(name, key, "en", latin, true);
                    insertName(name, key, "ru", ru, true);
                    insertName(name, key, "uz", uz, true);
                    insertSearch(search, key, "village", latin, List.of(ru, uz), null);
                }
            }
            c.commit();
        }
        return file;
    }

    private static String cyrillic(String latin) {
        String s = latin.toLowerCase(java.util.Locale.ROOT);
        String[][] map = {{"dzh", "дж"}, {"kh", "х"}, {"sh", "ш"}, {"ch", "ч"}, {"yl", "ыл"}, {"ky", "кы"}, {"a", "а"},
            {"b", "б"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"i", "и"}, {"j", "ж"}, {"k", "к"}, {"l", "л"},
            {"m", "м"}, {"n", "н"}, {"o", "о"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"y", "й"},
            {"z", "з"}};
        for (String[] m : map) {
            s = s.replace(m[0], m[1]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void insertName(PreparedStatement ps, String key, String lang, String name, boolean primary)
            throws SQLException {
        ps.setString(1, key);
        ps.setString(2, lang);
        ps.setString(3, name);
        ps.setInt(4, primary ? 1 : 0);
        ps.executeUpdate();
    }

    private static void insertSearch(PreparedStatement ps, String ref, String kind, String name, List<String> others,
                                     String body) throws SQLException {
        Set<String> folds = new LinkedHashSet<>();
        folds.add(TextFold.fold(name));
        for (String o : others) {
            folds.add(TextFold.fold(o));
        }
        ps.setString(1, ref);
        ps.setString(2, kind);
        ps.setString(3, name);
        ps.setString(4, String.join(" ", others));
        ps.setString(5, body);
        ps.setString(6, String.join(" ", folds));
        ps.executeUpdate();
    }

    /** schema.sql split into statements, comments removed. */
    static List<String> schemaStatements() throws IOException {
        String text;
        try (InputStream in = SearchTestDatabase.class.getResourceAsStream("/org/ferganaatlas/build/schema.sql")) {
            if (in == null) {
                throw new IOException("schema.sql is not on the test class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder noComments = new StringBuilder();
        for (String line : text.split("\n")) {
            int dash = line.indexOf("--");
            noComments.append(dash >= 0 ? line.substring(0, dash) : line).append('\n');
        }
        List<String> out = new ArrayList<>();
        for (String sql : noComments.toString().split(";")) {
            if (!sql.isBlank()) {
                out.add(sql.trim());
            }
        }
        return out;
    }
}
