package org.ferganaatlas.logic;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a place name, in Latin or Cyrillic script and any of the valley's spellings, to a Latin
 * "skeleton" in which the usual variants coincide: {@code Khujand}, {@code Xo'jand}, {@code Худжанд}
 * and {@code Хуҷанд} all fold to {@code hujand}; {@code Kyzyl-Bel} and {@code Кызыл-Бел} to {@code kizil bel}.
 *
 * <p>The database build stores the fold of every name in the full-text index and the app folds each
 * query the same way, so this one class is the contract between them: change it and the database
 * must be rebuilt (bump {@code AtlasSchema.SCHEMA_VERSION}).
 */
public final class TextFold {
    private TextFold() {}

    /** Cyrillic letters of Russian, Kyrgyz, Tajik and Uzbek, to a plain Latin transliteration. */
    private static String cyrillic(char c) {
        switch (c) {
            case 'а': return "a";   case 'б': return "b";  case 'в': return "v";  case 'г': return "g";
            case 'д': return "d";   case 'е': return "e";  case 'ё': return "yo"; case 'ж': return "zh";
            case 'з': return "z";   case 'и': return "i";  case 'й': return "y";  case 'к': return "k";
            case 'л': return "l";   case 'м': return "m";  case 'н': return "n";  case 'о': return "o";
            case 'п': return "p";   case 'р': return "r";  case 'с': return "s";  case 'т': return "t";
            case 'у': return "u";   case 'ф': return "f";  case 'х': return "kh"; case 'ц': return "ts";
            case 'ч': return "ch";  case 'ш': return "sh"; case 'щ': return "sh"; case 'ъ': return "";
            case 'ы': return "y";   case 'ь': return "";   case 'э': return "e";  case 'ю': return "yu";
            case 'я': return "ya";
            // Kyrgyz
            case 'ң': return "ng";  case 'ө': return "o";  case 'ү': return "u";
            // Tajik and Uzbek
            case 'ғ': return "gh";  case 'ӣ': return "i";  case 'қ': return "q";  case 'ӯ': return "u";
            case 'ҳ': return "h";   case 'ҷ': return "j";  case 'ў': return "u";  case 'ә': return "a";
            default: return null;
        }
    }

    /** Folds {@code text} to its search skeleton: lower-case Latin letters and digits, single spaces. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String t = cyrillic(c);
            if (t != null) {
                latin.append(t);
            } else if (c == '\'' || c == 'ʻ' || c == 'ʼ' || c == '‘' || c == '’' || c == '`' || c == 'ʹ') {
                // Uzbek o' g' and soft signs: dropped, so Xo'jand and Xojand coincide.
            } else {
                latin.append(c);
            }
        }
        // Strip Latin diacritics (ŭ, ş, ö ...): decompose and drop the combining marks.
        String plain = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        plain = plain.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (plain.isEmpty()) {
            return "";
        }
        // Latin spelling variants of the same sounds, longest first.
        plain = plain.replace("dzh", "j").replace("dj", "j").replace("zh", "j")
                .replace("kh", "h").replace("x", "h").replace("gh", "g")
                .replace("q", "k").replace("w", "v").replace("y", "i").replace("ts", "s");
        // Doubled letters are spelled single as often as not (Sokh/Sokkh, Isfara/Issfara).
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (i > 0 && c == plain.charAt(i - 1) && c != ' ') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
