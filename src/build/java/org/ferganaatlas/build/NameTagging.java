package org.ferganaatlas.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferganaatlas.logic.TextFold;

/**
 * Tags the alternate names of a GeoNames place by language, and drops the forms nobody in the valley reads.
 *
 * <p>The pinned GeoNames input (cities500) lists each place's alternate names as one comma-separated column with
 * no language codes (the tagged {@code alternateNames} table is not in it), so the language is found by the
 * letters a form is written in. Every name this class tags carries the rule that tagged it
 * ({@code name.basis = 'rule:<name>'}); names from a source that states their language (the curated names) carry
 * {@code 'source'}. The rules, in order:
 * <ol>
 *   <li>{@code script}: a form with letters of another script (Arabic, Chinese, Japanese, Korean, Devanagari,
 *       Greek, Georgian, Armenian …) is dropped: none of the atlas's five languages is written in it.</li>
 *   <li>Cyrillic: a letter only other languages use (Kazakh ә і ұ һ, Ukrainian і ї є ґ, Serbian ј љ њ …) drops
 *       the form; Uzbek ў keeps it as an other spelling ({@code rule:uzbek-cyrillic}; the atlas writes Uzbek in
 *       Latin); Tajik ҳ ҷ ӣ ӯ, or ғ қ without Kyrgyz letters, make it Tajik ({@code rule:tajik-letters}); Kyrgyz
 *       ң ө ү make it Kyrgyz ({@code rule:kyrgyz-letters}); any other Cyrillic form is Russian
 *       ({@code rule:russian-cyrillic}). A Kyrgyz or Tajik name spelled with Russian letters only (Ош, Исфара) is
 *       therefore tagged Russian, which is also how those readers see it (see {@code logic.LanguageFallback}).</li>
 *   <li>Latin with Uzbek oʻ gʻ (U+02BB, or an apostrophe or quote standing in for it) is Uzbek
 *       ({@code rule:uzbek-latin}).</li>
 *   <li>Junk romanisations are dropped: all lower case (GeoNames' machine romanisations of Chinese, Japanese,
 *       Korean and Arabic forms: "ba te ken", "badknd", "ku zhan", "hojendo"), all capitals of two to four letters
 *       (codes such as LBD, OSS), a word without a vowel ("Khjnd").</li>
 *   <li>Latin with letters outside plain ASCII (Czech Hudžand, Lithuanian Chudžandas, Turkish Oş, Esperanto Oŝ,
 *       Azerbaijani İsfərah) is another language's spelling and is dropped.</li>
 *   <li>Other plain Latin forms are kept as other spellings ({@code lang = 'alt'}, {@code rule:latin}) if they
 *       transliterate a kept Cyrillic or Uzbek form (Khodzhent for Ходжент) or are another name altogether (the
 *       former name Leninabad); the English name as other European languages spell it (Chudschand, Osch) goes
 *       ({@link #transliterates}).</li>
 *   <li>{@code junk:oblique-case}: a Russian form, or its Latin romanisation, with an adjective in an oblique case
 *       (genitive or dative: -ого, -его, -ому, -ему, -ских; Latin -skogo, -skovo, -skomu) or a genitive district or
 *       region noun (района, области) is a fragment of a longer phrase ("[school] of Besharik district"), not a name:
 *       GeoNames lists Бешарыкского for Beshariq. No Russian place name is in such a case, so the form is dropped
 *       whether or not another Russian form exists. Forms ending -ой are not touched: that is also a nominative
 *       masculine adjective (Донской) and the Tajik and Uzbek "сой" (stream) of Консой, Қуруқсой.</li>
 *   <li>A nominative adjective (-ский, -ская, -ское, -ской, -цкий …: Сырдарьинская, a station or district form) stays,
 *       since some places are named so (Ленинское), but is not made the primary Russian name while the place has a
 *       Russian form that is not an adjective ({@link #adjectival}).</li>
 *   <li>Duplicates are dropped: within one language, forms with the same {@link TextFold} skeleton (differing only
 *       in case, diacritics or transliteration: Xo'jand and Xoʻjand) keep the first, preferring U+02BB; a Latin
 *       other spelling with the skeleton of the English name, or of another kept Latin form plus a Baltic case
 *       ending (-a, -as, -s: Batkena, Batkenas, Osas), goes.</li>
 * </ol>
 * The primary name of a rule-tagged language is the form whose skeleton equals the English name's, else the first;
 * for Russian, a nominative adjective only when the place has no other Russian form.
 */
final class NameTagging {
    private NameTagging() {}

    /** {@code name.basis} of a name whose language its source states. */
    static final String SOURCE = "source";

    /** A kept name: its language ({@code ru ky tg uz} or {@code alt}), the form, whether primary, how it was tagged. */
    record Tagged(String lang, String name, boolean primary, String basis) {}

    /** A form and what happened to it: its language and rule, or {@code lang == null} and why it was dropped. */
    record Verdict(String lang, String rule) {
        boolean kept() {
            return lang != null;
        }
    }

    static final String KYRGYZ = "ңөүҢӨҮ";
    static final String TAJIK = "ҳҷӣӯҲҶӢӮ";
    static final String TAJIK_OR_KAZAKH = "ғқҒҚ";
    static final String UZBEK_CYRILLIC = "ўЎ";
    /** Cyrillic letters of Russian (and so of the Kyrgyz and Tajik alphabets too). */
    static final String RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";

    /** What the rules make of one form (without the duplicate rule, which needs the other forms). */
    static Verdict classify(String name) {
        String s = name.strip();
        if (s.isEmpty()) {
            return new Verdict(null, "empty");
        }
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp) && Character.getType(cp) != Character.MODIFIER_LETTER) {
                continue;
            }
            if (cp == 'ʻ' || cp == 'ʼ') {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic = true;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin = true;
            } else {
                return new Verdict(null, "script");
            }
        }
        if (cyrillic && latin) {
            return new Verdict(null, "script");
        }
        if (cyrillic) {
            Verdict v = cyrillic(s);
            return "ru".equals(v.lang()) && OBLIQUE_RU.matcher(s).find() ? new Verdict(null, "junk:oblique-case") : v;
        }
        if (!latin) {
            return new Verdict(null, "script");
        }
        if (s.matches(".*[oOgG][ʻ'‘’`].*")) {
            return new Verdict("uz", "rule:uzbek-latin");
        }
        if (s.equals(s.toLowerCase(java.util.Locale.ROOT))) {
            return new Verdict(null, "junk:lower-case");
        }
        if (s.length() >= 2 && s.length() <= 4 && s.equals(s.toUpperCase(java.util.Locale.ROOT))) {
            return new Verdict(null, "junk:code");
        }
        for (String word : s.split("[\\s\\-]+")) {
            if (!word.isEmpty() && !word.matches("(?i).*[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿăąęěėīįıōőœūůűųŭə].*")) {
                return new Verdict(null, "junk:no-vowel");
            }
        }
        if (!s.matches("[A-Za-z '\\-().]+")) {
            return new Verdict(null, "other-language");
        }
        if (OBLIQUE_LATIN.matcher(s).find()) {
            return new Verdict(null, "junk:oblique-case");
        }
        return new Verdict("alt", "rule:latin");
    }

    /**
     * A Russian word in an oblique case that no place name takes: a genitive or dative adjective (Бешарыкского, of
     * "Бешарыкского района"), a genitive plural adjective, or the genitive of район/область.
     */
    static final java.util.regex.Pattern OBLIQUE_RU = java.util.regex.Pattern.compile(
            "[а-яё]{2}(?:ого|его|ому|ему|ских|цких)(?![а-яё])|(?<![а-яё])(?:района|области)(?![а-яё])",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    /** The same in the romanisations GeoNames lists next to them (Besharykskogo, Fergansky rayona …). */
    static final java.util.regex.Pattern OBLIQUE_LATIN = java.util.regex.Pattern.compile(
            "[a-z](?:skogo|skovo|skomu|tskogo)\\b|\\b(?:rayona|raiona|oblasti)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** A Russian nominative adjective as the last word (Сырдарьинская, Ленинское, Сохский). */
    static final java.util.regex.Pattern ADJECTIVE_RU = java.util.regex.Pattern.compile(
            "(?:ск|цк)(?:ий|ая|ое|ой|ие)$", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** Whether a Russian form is an adjective (a station's or district's form, or a name such as Ленинское). */
    static boolean adjectival(String s) {
        return ADJECTIVE_RU.matcher(s.strip()).find();
    }

    private static Verdict cyrillic(String s) {
        boolean ky = false;
        boolean tg = false;
        boolean tgOrKk = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.CYRILLIC) {
                continue;
            }
            if (UZBEK_CYRILLIC.indexOf(c) >= 0) {
                return new Verdict("alt", "rule:uzbek-cyrillic");
            }
            if (KYRGYZ.indexOf(c) >= 0) {
                ky = true;
            } else if (TAJIK.indexOf(c) >= 0) {
                tg = true;
            } else if (TAJIK_OR_KAZAKH.indexOf(c) >= 0) {
                tgOrKk = true;
            } else if (RUSSIAN.indexOf(c) < 0) {
                return new Verdict(null, "other-language");
            }
        }
        if (tg || (tgOrKk && !ky)) {
            return ky ? new Verdict(null, "other-language") : new Verdict("tg", "rule:tajik-letters");
        }
        if (tgOrKk) {
            // ғ/қ next to ң ө ү is Kazakh, not Kyrgyz (Kyrgyz has neither)
            return new Verdict(null, "other-language");
        }
        if (ky) {
            return new Verdict("ky", "rule:kyrgyz-letters");
        }
        return new Verdict("ru", "rule:russian-cyrillic");
    }

    /**
     * Tags and filters the alternate names of one place whose English name is {@code english}, in the order given;
     * the English name itself and forms equal to it are left out (it is stored as the {@code en} primary).
     */
    static List<Tagged> tag(String english, List<String> alternates) {
        String englishFold = TextFold.fold(english);
        Map<String, List<String>> byLang = new LinkedHashMap<>();
        Map<String, String> ruleOf = new java.util.HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String a : alternates) {
            String s = a.strip();
            if (s.equals(english) || !seen.add(s)) {
                continue;
            }
            Verdict v = classify(s);
            if (!v.kept()) {
                continue;
            }
            if (v.lang().equals("uz")) {
                s = uzbekLetters(s);
            }
            byLang.computeIfAbsent(v.lang(), k -> new ArrayList<>()).add(s);
            ruleOf.put(v.lang() + "\u0000" + s, v.rule());
        }
        List<Tagged> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byLang.entrySet()) {
            String lang = e.getKey();
            // one form per skeleton; Uzbek prefers the form written with U+02BB
            Map<String, String> bySkeleton = new LinkedHashMap<>();
            for (String s : e.getValue()) {
                String fold = TextFold.fold(s);
                String had = bySkeleton.get(fold);
                if (had == null || (lang.equals("uz") && had.indexOf('ʻ') < 0 && s.indexOf('ʻ') >= 0)) {
                    bySkeleton.put(fold, s);
                }
            }
            if (lang.equals("alt")) {
                Set<String> latinFolds = new HashSet<>(bySkeleton.keySet());
                latinFolds.add(englishFold);
                bySkeleton.entrySet().removeIf(x -> x.getKey().equals(englishFold) || balticEnding(x.getKey(), latinFolds)
                        || (ruleOf.get("alt\u0000" + x.getValue()).equals("rule:latin")
                            && !transliterates(x.getKey(), byLang, englishFold)));
            }
            String primary = null;
            if (!lang.equals("alt")) {
                List<String> candidates = new ArrayList<>(bySkeleton.values());
                if (lang.equals("ru") && candidates.stream().anyMatch(x -> !adjectival(x))) {
                    candidates.removeIf(NameTagging::adjectival);
                }
                primary = candidates.stream().filter(x -> TextFold.fold(x).equals(englishFold)).findFirst()
                        .orElse(candidates.isEmpty() ? null : candidates.get(0));
            }
            for (String s : bySkeleton.values()) {
                out.add(new Tagged(lang, s, s.equals(primary), ruleOf.get(lang + "\u0000" + s)));
            }
        }
        return out;
    }

    /**
     * Uzbek Latin as it is written: oʻ and gʻ with U+02BB. Sources put a backtick, an apostrophe or a quote in its
     * place (GeoNames: Yangiqo`rg`on), which shows as stray punctuation beside the atlas's own Uzbek text.
     */
    static String uzbekLetters(String s) {
        return s.replaceAll("([oOgG])[`'\u2018\u2019\u02BC]", "$1\u02BB");
    }

    /**
     * Whether a plain Latin form earns its place: it spells one of the kept Cyrillic or Uzbek forms in Latin letters
     * (same skeleton: Khodzhent for Ходжент), or it is another name altogether, its skeleton differing from the
     * English name's in more than half its letters (a former name: Leninabad). What is left is the English name as
     * other European languages spell it (Chudschand, Choedzjand, Osch, Ox), which no reader here needs.
     */
    static boolean transliterates(String fold, Map<String, List<String>> byLang, String englishFold) {
        for (Map.Entry<String, List<String>> e : byLang.entrySet()) {
            if (e.getKey().equals("alt")) {
                continue;
            }
            for (String s : e.getValue()) {
                if (TextFold.fold(s).equals(fold)) {
                    return true;
                }
            }
        }
        return distance(fold, englishFold) * 2 > Math.max(fold.length(), englishFold.length());
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Whether a skeleton is another kept skeleton plus a Baltic nominative or genitive ending (-a, -as, -s). */
    static boolean balticEnding(String fold, Set<String> others) {
        for (String ending : List.of("as", "a", "s")) {
            if (fold.length() > ending.length() + 1 && fold.endsWith(ending)
                    && others.contains(fold.substring(0, fold.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }
}
