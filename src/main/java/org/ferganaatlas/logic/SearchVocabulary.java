package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folded words of the search index, for typo and transliteration tolerance: given a folded query
 * word it lists the index words that are close to it. Immutable and thread-safe once built.
 *
 * <p>Closeness is measured on a "loose" key that removes what {@link TextFold} deliberately keeps but
 * the valley's spellings still mix up: the vowels a/e/o/u (Khujand / Khodjent / Xo'jand, Andijan /
 * Andijon, Fergana / Farg'ona) and final d/t (Khujand / Khodjent). On that key we allow an optimal
 * string alignment distance (edits and adjacent swaps) of 0 for words of up to 3 letters, 1 up to 6
 * and 2 from 7, so {@code Khujnad} and {@code Isfaar} still find Khujand and Isfara. Candidates must share
 * the first letter of the loose key (typos there are rare, and it keeps a lookup well under a millisecond).
 */
public final class SearchVocabulary {
    /** Longest folded word we index or compare; longer words are cut (SearchQuery cuts queries the same way). */
    public static final int MAX_WORD = 32;

    private record Entry(String word, String loose, int docs) {}

    /** By first char of the loose key, then by loose-key length. */
    private final Map<Character, Entry[][]> buckets;
    private final int size;

    private SearchVocabulary(Map<Character, Entry[][]> buckets, int size) {
        this.buckets = buckets;
        this.size = size;
    }

    /** An empty vocabulary: no variants at all. */
    public static SearchVocabulary empty() {
        return new SearchVocabulary(Map.of(), 0);
    }

    /**
     * Builds the vocabulary from folded words and the number of index rows each occurs in.
     * Words that are not plain folded words (anything but a-z and digits) are ignored.
     */
    public static SearchVocabulary of(Map<String, Integer> wordDocs) {
        Map<Character, List<Entry>[]> tmp = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, Integer> e : wordDocs.entrySet()) {
            String w = e.getKey();
            if (w == null || w.isEmpty() || w.length() > MAX_WORD || !isFoldedWord(w)) {
                continue;
            }
            String loose = loose(w);
            @SuppressWarnings("unchecked")
            List<Entry>[] byLen = tmp.computeIfAbsent(loose.charAt(0), c -> new List[MAX_WORD + 1]);
            if (byLen[loose.length()] == null) {
                byLen[loose.length()] = new ArrayList<>();
            }
            byLen[loose.length()].add(new Entry(w, loose, Math.max(1, e.getValue() == null ? 1 : e.getValue())));
            n++;
        }
        Map<Character, Entry[][]> buckets = new HashMap<>();
        for (Map.Entry<Character, List<Entry>[]> e : tmp.entrySet()) {
            Entry[][] byLen = new Entry[MAX_WORD + 1][];
            for (int len = 0; len <= MAX_WORD; len++) {
                List<Entry> list = e.getValue()[len];
                byLen[len] = list == null ? new Entry[0] : list.toArray(Entry[]::new);
                Arrays.sort(byLen[len], Comparator.comparing(Entry::word));
            }
            buckets.put(e.getKey(), byLen);
        }
        return new SearchVocabulary(Map.copyOf(buckets), n);
    }

    /** Whether the folded word is in the index. */
    public boolean contains(String folded) {
        if (folded == null || folded.isEmpty() || folded.length() > MAX_WORD || !isFoldedWord(folded)) {
            return false;
        }
        Entry[][] byLen = buckets.get(loose(folded).charAt(0));
        if (byLen == null) {
            return false;
        }
        Entry[] entries = byLen[folded.length()];
        return Arrays.binarySearch(entries, new Entry(folded, null, 0), Comparator.comparing(Entry::word)) >= 0;
    }

    /**
     * A word typed without its space or hyphen ({@code Kyzylbel}) as two index words ({@code kizil bel}),
     * or null; the second part may be a prefix of an index word when {@code prefix}.
     */
    public String split(String folded, boolean prefix) {
        if (folded == null || folded.length() < 4 || folded.length() > MAX_WORD || !isFoldedWord(folded)) {
            return null;
        }
        for (int i = 2; i <= folded.length() - 2; i++) {
            String head = folded.substring(0, i), tail = folded.substring(i);
            if (contains(head) && (contains(tail) || (prefix && startsAWord(tail)))) {
                return head + " " + tail;
            }
        }
        return null;
    }

    private boolean startsAWord(String start) {
        Entry[][] byLen = buckets.get(loose(start).charAt(0));
        if (byLen == null) {
            return false;
        }
        for (int len = start.length(); len <= MAX_WORD; len++) {
            for (Entry e : byLen[len]) {
                if (e.word.startsWith(start)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of distinct words. */
    public int size() {
        return size;
    }

    static boolean isFoldedWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The loose key: vowels a e o u as one, d as t. Input is a folded word (a-z, 0-9). */
    public static String loose(String folded) {
        char[] out = new char[folded.length()];
        for (int i = 0; i < out.length; i++) {
            char c = folded.charAt(i);
            switch (c) {
                case 'e', 'o', 'u' -> c = 'a';
                case 'd' -> c = 't';
                default -> { }
            }
            out[i] = c;
        }
        return new String(out);
    }

    /** Largest distance allowed on the loose key for a query word of this many letters. */
    public static int maxDistance(int length) {
        return length <= 3 ? 0 : length <= 6 ? 1 : 2;
    }

    /**
     * Index words close to {@code folded} (a single folded word), nearest and most common first, at
     * most {@code max}; the word itself is left out. With {@code prefix} (the word being typed) an index
     * word also counts when its start is close to the query, so {@code Khodj} finds {@code hujand}.
     */
    public List<String> variants(String folded, boolean prefix, int max) {
        if (folded == null || folded.isEmpty() || max <= 0 || size == 0 || !isFoldedWord(folded)) {
            return List.of();
        }
        String q = loose(folded.length() > MAX_WORD ? folded.substring(0, MAX_WORD) : folded);
        Entry[][] byLen = buckets.get(q.charAt(0));
        if (byLen == null) {
            return List.of();
        }
        int n = q.length();
        int d = maxDistance(n);
        boolean usePrefix = prefix && n >= 3;
        List<long[]> found = new ArrayList<>(); // {distance, -docs, len, index}
        int minLen = Math.max(1, n - d);
        int maxLen = usePrefix ? MAX_WORD : Math.min(MAX_WORD, n + d);
        for (int len = minLen; len <= maxLen; len++) {
            Entry[] entries = byLen[len];
            for (int i = 0; i < entries.length; i++) {
                Entry e = entries[i];
                if (e.word.equals(folded)) {
                    continue;
                }
                int dist = distance(q, e.loose, d);
                if (usePrefix && dist > d && len > n) {
                    // Compare with the word's start, allowing one letter more or less in it.
                    for (int cut = Math.max(1, n - 1); cut <= Math.min(len - 1, n + 1) && dist > d; cut++) {
                        dist = Math.min(dist, distance(q, e.loose.substring(0, cut), d));
                    }
                }
                if (dist <= d) {
                    found.add(new long[] {dist, -e.docs, len, i});
                }
            }
        }
        found.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]).thenComparingLong(a -> a[2]));
        List<String> out = new ArrayList<>(Math.min(max, found.size()));
        for (long[] f : found) {
            if (out.size() == max) {
                break;
            }
            out.add(byLen[(int) f[2]][(int) f[3]].word);
        }
        return out;
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent transpositions) between a and b,
     * or {@code limit + 1} as soon as it is known to exceed {@code limit}.
     */
    public static int distance(String a, String b, int limit) {
        int n = a.length(), m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1], prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char bj = b.charAt(j - 1);
                int cost = ai == bj ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
