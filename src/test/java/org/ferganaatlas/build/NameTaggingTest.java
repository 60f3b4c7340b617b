package org.ferganaatlas.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tagging and junk rules on the GeoNames alternate names the bundled database had for four towns. */
class NameTaggingTest {
    // as cities500 (1.0.1) lists them
    static final List<String> KHUJAND = List.of("Choedzjand", "Chudschand", "Chudzandas", "Chudzjand", "Chudžandas",
            "Hodjent", "Hudzand", "Hudžand", "Khodjent", "Khodyent", "Khodzhent", "Khojend", "Khudzhand", "Khujand",
            "Khuzhant", "Khŭjand", "Kojend", "LBD", "Leninabad", "Leninobod", "Ursaten", "Xo'jand", "Xoʻjand", "hojendo",
            "khjnd", "ku zhan", "Ходжент", "Худжанд", "Хужант", "Хуҷанд", "Хӯҷвнд", "خجند", "ホジェンド", "苦盏");
    static final List<String> BATKEN = List.of("Batken", "Batkena", "Batkenas", "Batkén", "Botken", "ba te ken", "badknd",
            "basken", "batakena", "batoken", "Баткен", "باتکێن", "بادکند", "बातकेन", "バトケン", "巴特肯", "밧켄");
    static final List<String> ISFARA = List.of("Isfara", "asfrh", "asfrt", "iseupala", "isufara", "yi si fa la", "İsfərah",
            "Ісфара", "Исфара", "Исфәрә", "اسفرة", "اسفره", "اسفرہ", "イスファラ", "伊斯法拉", "이스파라");
    static final List<String> OSH = List.of("O'sh", "OSS", "Och", "Oix", "Os", "Osa", "Osas", "Osch", "Osh", "Osj", "Osz",
            "Ox", "Oŝ", "Oş", "Oš", "Oša", "Ošas", "Oʻsh", "ao shen", "awsh", "osa", "oshi", "osi", "xxch", "Ош", "אוש",
            "أوش", "اوش", "ओश", "ออช", "ოში", "オシ", "奧什", "오시");

    private static Map<String, List<String>> byLang(List<NameTagging.Tagged> tagged) {
        return tagged.stream().collect(Collectors.groupingBy(NameTagging.Tagged::lang,
                Collectors.mapping(NameTagging.Tagged::name, Collectors.toList())));
    }

    private static String primary(List<NameTagging.Tagged> tagged, String lang) {
        List<String> p = tagged.stream().filter(t -> t.lang().equals(lang) && t.primary()).map(NameTagging.Tagged::name).toList();
        assertTrue(p.size() <= 1, "one primary per language: " + p);
        return p.isEmpty() ? null : p.get(0);
    }

    @Test
    void khujandIsTaggedByItsLetters() {
        List<NameTagging.Tagged> t = NameTagging.tag("Khujand", KHUJAND);
        Map<String, List<String>> by = byLang(t);
        assertEquals(List.of("Ходжент", "Худжанд", "Хужант"), by.get("ru"));
        assertEquals("Худжанд", primary(t, "ru"));
        assertEquals("Хуҷанд", primary(t, "tg"), "ҷ is Tajik");
        assertEquals(List.of("Xoʻjand"), by.get("uz"), "Xo'jand with an ASCII apostrophe is the same name");
        assertTrue(by.get("alt").contains("Leninabad"), "a former name stays");
        assertTrue(by.get("alt").contains("Hodjent"), "a Latin spelling of Ходжент stays");
        assertFalse(by.containsKey("en"), "the English name is not repeated");
        for (String junk : List.of("LBD", "hojendo", "khjnd", "ku zhan", "苦盏", "ホジェンド", "خجند", "Hudžand", "Chudžandas",
                "Khŭjand", "Chudschand", "Choedzjand", "Khujand")) {
            assertTrue(t.stream().noneMatch(x -> x.name().equals(junk)), junk + " is dropped");
        }
        t.forEach(x -> assertTrue(x.basis().startsWith("rule:"), x + " says which rule tagged it"));
    }

    @Test
    void uzbekIsWrittenWithTheModifierLetterWhateverTheSourceTypedForIt() {
        // as cities500 lists Yangiqoʻrgʻon: a backtick where Uzbek writes U+02BB
        List<NameTagging.Tagged> t = NameTagging.tag("Yangiqo\u2018rg\u2018on", List.of("Yangiqo`rg`on", "Янгикурган"));
        assertEquals("Yangiqo\u02BBrg\u02BBon", primary(t, "uz"));
        assertEquals("O\u02BBsh", NameTagging.uzbekLetters("O'sh"));
        assertEquals("Gʻ", NameTagging.uzbekLetters("G\u2019"));
    }

    @Test
    void batkenKeepsOnlyItsRussianForm() {
        List<NameTagging.Tagged> t = NameTagging.tag("Batken", BATKEN);
        assertEquals(Map.of("ru", List.of("Баткен")), byLang(t), t.toString());
        assertEquals("Баткен", primary(t, "ru"));
    }

    @Test
    void isfaraDropsOtherLanguagesCyrillic() {
        List<NameTagging.Tagged> t = NameTagging.tag("Isfara", ISFARA);
        // Ukrainian і and Kazakh/Tatar ә are not letters of the atlas's languages
        assertEquals(Map.of("ru", List.of("Исфара")), byLang(t), t.toString());
        assertEquals("other-language", NameTagging.classify("Ісфара").rule());
        assertEquals("other-language", NameTagging.classify("Исфәрә").rule());
    }

    @Test
    void oshDropsEuropeanSpellingsAndBalticEndings() {
        List<NameTagging.Tagged> t = NameTagging.tag("Osh", OSH);
        Map<String, List<String>> by = byLang(t);
        assertEquals(List.of("Ош"), by.get("ru"));
        assertEquals(List.of("Oʻsh"), by.get("uz"));
        assertNull(by.get("alt"), "Osch, Ox, Osa, Osas ... are other languages' spellings: " + by.get("alt"));
        assertEquals("junk:code", NameTagging.classify("OSS").rule());
    }

    // as cities500 (1.0.1) lists them
    static final List<String> BESHARIQ = List.of("Beshariq", "Besharyk", "Besharykskogo", "Imeni Kirova", "Kirovo", "Kirowo",
            "Бешарыкского");
    static final List<String> LENINSKOYE = List.of("Kazyghurt", "Kazygurt", "Kazykurt", "Lenin", "Leninskoe", "Leninskoye",
            "Lenīn", "Qazyqurt", "Ленинское", "Қазықұрт");
    static final List<String> KONSOY = List.of("Kaindisoy", "Kansai", "Kansay", "Konsoj", "Konsoy", "Svints", "Консой");

    @Test
    void anObliqueCaseIsNotAName() {
        List<NameTagging.Tagged> t = NameTagging.tag("Beshariq", BESHARIQ);
        Map<String, List<String>> by = byLang(t);
        assertNull(by.get("ru"), "Бешарыкского ('of Besharik') is a genitive adjective, not Besharik's Russian name: " + t);
        assertEquals(List.of("Imeni Kirova", "Kirovo"), by.get("alt"), "the former names stay; the romanised genitive goes");
        assertEquals("junk:oblique-case", NameTagging.classify("Бешарыкского").rule());
        assertEquals("junk:oblique-case", NameTagging.classify("Besharykskogo").rule());
        assertEquals("junk:oblique-case", NameTagging.classify("Сохского района").rule());
        assertEquals("junk:oblique-case", NameTagging.classify("Ферганской области").rule());
        assertEquals("junk:oblique-case", NameTagging.classify("Кировскому").rule());
    }

    @Test
    void aPlaceNamedByAnAdjectiveKeepsItsName() {
        List<NameTagging.Tagged> t = NameTagging.tag("Leninskoye", LENINSKOYE);
        assertEquals("Ленинское", primary(t, "ru"), "a town called Ленинское is called so: " + t);
        assertEquals("ru", NameTagging.classify("Донской").lang(), "-ской is also a nominative masculine adjective");
        // the Tajik and Uzbek 'soy' (stream) ends in -ой too
        List<NameTagging.Tagged> k = NameTagging.tag("Konsoy", KONSOY);
        assertEquals("Консой", primary(k, "ru"));
        assertEquals("tg", NameTagging.classify("Қуруқсой").lang());
    }

    @Test
    void anAdjectiveIsNotThePrimaryWhileAPlainRussianFormExists() {
        // Sirdaryo as cities500 orders two of its forms: the station's adjective first
        List<NameTagging.Tagged> t = NameTagging.tag("Sirdaryo", List.of("Сырдарьинская", "Сырдарья"));
        assertEquals("Сырдарья", primary(t, "ru"));
        assertTrue(byLang(t).get("ru").contains("Сырдарьинская"), "the adjective stays an other spelling");
    }

    @Test
    void cyrillicLettersDecideTheLanguage() {
        assertEquals("ky", NameTagging.classify("Кара-Көл").lang());
        assertEquals("ky", NameTagging.classify("Үч-Коргон").lang());
        assertEquals("tg", NameTagging.classify("Ғафуров").lang());
        assertEquals("tg", NameTagging.classify("Хуҷанд").lang());
        assertEquals("ru", NameTagging.classify("Кызыл-Бел").lang());
        assertEquals("rule:uzbek-cyrillic", NameTagging.classify("Хўжанд").rule());
        assertEquals("alt", NameTagging.classify("Хўжанд").lang());
        assertEquals("tg", NameTagging.classify("Қайроққум").lang(), "қ without Kyrgyz letters is Tajik");
        assertNull(NameTagging.classify("Қоңырат").lang(), "қ with ң is Kazakh");
    }

    @Test
    void latinRules() {
        assertEquals("uz", NameTagging.classify("Fargʻona").lang());
        assertEquals("junk:lower-case", NameTagging.classify("ba te ken").rule());
        assertEquals("junk:no-vowel", NameTagging.classify("Khjnd").rule());
        assertEquals("other-language", NameTagging.classify("Oş").rule());
        assertEquals("alt", NameTagging.classify("Leninabad").lang());
        assertEquals("script", NameTagging.classify("Ош Osh").rule(), "mixed scripts");
    }
}
