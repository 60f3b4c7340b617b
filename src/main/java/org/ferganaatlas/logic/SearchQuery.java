package org.ferganaatlas.logic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ferganaatlas.model.SearchHit;

/**
 * Turns whatever the user typed into a safe FTS5 {@code MATCH} expression for the {@code search} table,
 * and judges how well a name matches it.
 *
 * <p>User text never reaches FTS5 as syntax: the input is cut to {@value #MAX_INPUT} characters, split
 * into words of letters and digits (everything else, quotes, {@code * - ^ : ( )}, emoji, control
 * characters, lone surrogates, is a separator), at most {@value #MAX_TOKENS} words of at most
 * {@value #MAX_WORD} characters are kept, and each word goes into the expression only as a double-quoted
 * string. {@code AND}, {@code OR}, {@code NEAR} typed by the user are therefore plain words.
 *
 * <p>Each word matches, as a prefix, either its own spelling in the {@code name}, {@code names} and
 * {@code body} columns or its {@link TextFold} skeleton in the {@code fold} column; all words must
 * match. {@link #fuzzyMatch} adds, per word, the index words that a {@link SearchVocabulary} finds close
 * to it (transliteration vowels, small typos). Immutable and thread-safe.
 */
public final class SearchQuery {
    /** Characters of input looked at; the rest is ignored (a place name is never this long). */
    public static final int MAX_INPUT = 256;
    /** Words looked at. */
    public static final int MAX_TOKENS = 8;
    /** Characters kept of each word. */
    public static final int MAX_WORD = SearchVocabulary.MAX_WORD;
    /** Index words added per query word by {@link #fuzzyMatch}. */
    public static final int MAX_VARIANTS = 12;

    private static final Pattern APOSTROPHES = Pattern.compile("['ʻʼ‘’`ʹ]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[\\p{L}\\p{N}].*", Pattern.DOTALL);

    /**
     * One word of the query.
     *
     * @param raw  the word lower-cased as typed (NFKC), for the name/names/body columns; null if it has no letter
     * @param fold its {@link TextFold} skeleton, one or more folded words separated by single spaces
     */
    public record Token(String raw, String fold) {}

    private static final SearchQuery EMPTY = new SearchQuery(List.of());

    private final List<Token> tokens;
    private final List<String> foldedWords;

    private SearchQuery(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            words.addAll(Arrays.asList(t.fold().split(" ")));
        }
        this.foldedWords = List.copyOf(words);
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+");

    /**
     * Text for the one-line search field, as typed or pasted: every run of line breaks and tabs becomes one space.
     * A JavaFX {@code TextField} silently deletes line breaks, so a pasted list ("Osh⏎Batken") would become one
     * word ("OshBatken") that finds nothing; as separators, each line is a word of the query. The field's
     * {@code TextFormatter} filter calls this on each change's text before the field sees it. Null stays null.
     */
    public static String singleLine(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }

    /** Parses any input, null included. Never throws. */
    public static SearchQuery parse(String input) {
        if (input == null || input.isEmpty()) {
            return EMPTY;
        }
        String s = input;
        if (s.length() > MAX_INPUT) {
            int cut = MAX_INPUT;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            s = s.substring(0, cut);
        }
        s = APOSTROPHES.matcher(s).replaceAll("");
        List<Token> tokens = new ArrayList<>();
        for (String piece : SEPARATORS.split(s)) {
            if (tokens.size() == MAX_TOKENS) {
                break;
            }
            if (piece.isEmpty()) {
                continue;
            }
            String fold = cutWords(TextFold.fold(piece));
            if (fold.isEmpty()) {
                continue;
            }
            String raw = Normalizer.normalize(piece, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            raw = cut(raw, MAX_WORD);
            if (!HAS_LETTER.matcher(raw).matches() || SEPARATORS.matcher(raw).find()) {
                raw = null; // NFKC can turn a letter into punctuation or spaces; then only the fold is used
            }
            tokens.add(new Token(raw, fold));
        }
        return tokens.isEmpty() ? EMPTY : new SearchQuery(tokens);
    }

    private static String cutWords(String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        String[] words = folded.split(" ");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(cut(w, MAX_WORD));
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The folded words of the whole query, in order. */
    public List<String> foldedWords() {
        return foldedWords;
    }

    /** The folded query as one string ({@code "kizil bel"}). */
    public String folded() {
        return String.join(" ", foldedWords);
    }

    /** Words of letters and digits as typed, lower-cased: the query in the user's own script. */
    public List<String> rawWords() {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.raw() != null) {
                out.add(t.raw());
            }
        }
        return out;
    }

    // ----- FTS5 expressions -----

    /** FTS5 string literal: the text in double quotes, quotes doubled. */
    static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** A quoted term, as a prefix query when it is at least two characters long. */
    private static String term(String text) {
        return text.codePointCount(0, text.length()) >= 2 ? quote(text) + "*" : quote(text);
    }

    private static String strictAlternatives(Token t) {
        StringBuilder sb = new StringBuilder();
        if (t.raw() != null) {
            sb.append("{name names body} : ").append(term(t.raw())).append(" OR ");
        }
        sb.append("fold : ").append(term(t.fold()));
        return sb.toString();
    }

    /** Every word must match, as a prefix, its spelling or its fold. Null when the query is empty. */
    public String strictMatch() {
        if (tokens.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Token t : tokens) {
            parts.add("(" + strictAlternatives(t) + ")");
        }
        return String.join(" AND ", parts);
    }

    /**
     * Like {@link #strictMatch} with each word's close index words as further alternatives; null if the
     * vocabulary adds nothing (then the strict expression is all there is).
     */
    public String fuzzyMatch(SearchVocabulary vocabulary) {
        return relaxed(vocabulary, " AND ");
    }

    /**
     * Any one word (with its variants) suffices: the last resort for a query with a word that matches
     * nothing ({@code Khujand city}). Null for a query of fewer than two words.
     */
    public String anyWordMatch(SearchVocabulary vocabulary) {
        if (tokens.size() < 2) {
            return null;
        }
        String any = relaxed(vocabulary, " OR ");
        if (any != null) {
            return any;
        }
        List<String> parts = new ArrayList<>();
        for (Token t : tokens) {
            parts.add("(" + strictAlternatives(t) + ")");
        }
        return String.join(" OR ", parts);
    }

    private String relaxed(SearchVocabulary vocabulary, String joiner) {
        if (tokens.isEmpty() || vocabulary == null) {
            return null;
        }
        boolean added = false;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            StringBuilder sb = new StringBuilder("(").append(strictAlternatives(t));
            if (t.fold().indexOf(' ') < 0) {
                boolean last = i == tokens.size() - 1;
                for (String v : vocabulary.variants(t.fold(), last, MAX_VARIANTS)) {
                    sb.append(" OR fold : ").append(quote(v));
                    added = true;
                }
                String split = vocabulary.split(t.fold(), last);
                if (split != null) {
                    sb.append(" OR fold : ").append(last ? term(split) : quote(split));
                    added = true;
                }
            }
            parts.add(sb.append(')').toString());
        }
        return added ? String.join(joiner, parts) : null;
    }

    // ----- judging a name -----

    /**
     * How a name matches this query: {@code EXACT} when it folds to the same words, {@code PREFIX} when
     * the folded query starts it or each query word starts a different word of it, {@code FUZZY} when
     * each query word is close (see {@link SearchVocabulary}) to a word of it or its start; null otherwise.
     */
    public SearchHit.Match classify(String name) {
        return name == null ? null : classifyFolded(TextFold.fold(name));
    }

    /** {@link #classify} for a name already folded with {@link TextFold#fold}. */
    public SearchHit.Match classifyFolded(String nameFold) {
        if (tokens.isEmpty() || nameFold == null || nameFold.isEmpty()) {
            return null;
        }
        String q = folded();
        if (nameFold.equals(q)) {
            return SearchHit.Match.EXACT;
        }
        if (nameFold.startsWith(q)) {
            return SearchHit.Match.PREFIX;
        }
        // Typed without the space or hyphen: Kyzylbel for Kyzyl-Bel.
        String compactName = nameFold.replace(" ", ""), compactQuery = q.replace(" ", "");
        if (compactName.equals(compactQuery)) {
            return SearchHit.Match.EXACT;
        }
        if (compactName.startsWith(compactQuery)) {
            return SearchHit.Match.PREFIX;
        }
        List<String> nameWords = new ArrayList<>(Arrays.asList(nameFold.split(" ")));
        if (eachWordMatches(nameWords, false)) {
            return SearchHit.Match.PREFIX;
        }
        if (eachWordMatches(nameWords, true)) {
            return SearchHit.Match.FUZZY;
        }
        return null;
    }

    private boolean eachWordMatches(List<String> nameWords, boolean fuzzy) {
        List<String> left = new ArrayList<>(nameWords);
        outer:
        for (String qw : foldedWords) {
            for (int i = 0; i < left.size(); i++) {
                String nw = left.get(i);
                if (nw.startsWith(qw) || (fuzzy && close(qw, nw))) {
                    left.remove(i);
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean close(String queryWord, String nameWord) {
        String q = SearchVocabulary.loose(queryWord);
        String n = SearchVocabulary.loose(nameWord);
        int d = SearchVocabulary.maxDistance(q.length());
        if (SearchVocabulary.distance(q, n, d) <= d) {
            return true;
        }
        for (int cut = Math.max(1, q.length() - 1); cut <= Math.min(n.length() - 1, q.length() + 1); cut++) {
            if (SearchVocabulary.distance(q, n.substring(0, cut), d) <= d) {
                return true;
            }
        }
        return false;
    }

    /**
     * Among names that match equally well, how much a name looks like what was typed (higher is
     * closer): the same words as typed, then the same script, then shorter.
     */
    public int likeness(String name) {
        if (name == null) {
            return Integer.MIN_VALUE;
        }
        String raw = Normalizer.normalize(APOSTROPHES.matcher(name).replaceAll(""), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        List<String> nameWords = new ArrayList<>(Arrays.asList(SEPARATORS.split(raw)));
        nameWords.removeIf(String::isEmpty);
        List<String> typed = rawWords();
        int score = 0;
        if (!typed.isEmpty() && nameWords.equals(typed)) {
            score += 1000;
        } else if (!typed.isEmpty() && String.join(" ", nameWords).startsWith(String.join(" ", typed))) {
            score += 500;
        }
        if (!typed.isEmpty() && script(String.join("", typed)) == script(raw)) {
            score += 100;
        }
        return score - Math.min(99, name.length());
    }

    private static Character.UnicodeScript script(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                return Character.UnicodeScript.of(cp);
            }
            i += Character.charCount(cp);
        }
        return Character.UnicodeScript.COMMON;
    }

    @Override
    public String toString() {
        return tokens.isEmpty() ? "SearchQuery[]" : "SearchQuery" + Collections.unmodifiableList(tokens);
    }
}
