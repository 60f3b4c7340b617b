package org.ferganaatlas.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code props} JSON objects of features without a JSON library.
 *
 * <p>The top level must be an object. Its values come back as {@link String}, {@link Double},
 * {@link Boolean} or {@code null}; nested arrays and objects come back as their raw JSON text
 * (a {@link String}), which is all the app needs from {@code props}. Malformed input throws
 * {@link IllegalArgumentException}; the parser never recurses, so hostile input cannot overflow the stack.
 */
public final class PropsJson {
    private final String s;
    private int pos;

    private PropsJson(String s) {
        this.s = s;
    }

    /** Parses a flat JSON object into an unmodifiable insertion-ordered map. */
    public static Map<String, Object> parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("props JSON is null");
        }
        PropsJson p = new PropsJson(json);
        Map<String, Object> out = p.object();
        p.ws();
        if (p.pos != json.length()) {
            throw p.error("trailing text");
        }
        return Collections.unmodifiableMap(out);
    }

    /** A number from a parsed value: a Double, or a String holding a number; else null. */
    public static Double asNumber(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String str) {
            try {
                return Double.valueOf(str.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** 1234.0 as "1234", 0.5 as "0.5". */
    public static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private Map<String, Object> object() {
        ws();
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            ws();
            String key = string();
            ws();
            expect(':');
            ws();
            map.put(key, value());
            ws();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        switch (c) {
            case '"':
                return string();
            case '{':
            case '[':
                return rawNested();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                return number();
        }
    }

    /** Skips a nested array/object iteratively (depth counter, strings respected) and returns its text. */
    private String rawNested() {
        int start = pos;
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                string();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return s.substring(start, pos);
                }
            }
        }
        throw error("unterminated array or object");
    }

    private Double number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character");
        }
        try {
            return Double.valueOf(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("props JSON: " + what + " at " + pos);
    }
}
